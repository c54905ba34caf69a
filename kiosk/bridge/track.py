"""`Track` in QML: "Track my report": a number on the big keypad, the status in plain words."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.bridge.nav import NavBridge
from kiosk.bridge.qt import Property, asyncSlot
from kiosk.bridge.report_text import format_moment
from kiosk.bridge.tasks import Failed, Request
from kiosk.core.city import CALL_SOFIA_PHONE
from kiosk.core.errors import NotFound
from kiosk.core.outbox import State
from kiosk.core.portal import ServiceRequest
from kiosk.i18n import _

if TYPE_CHECKING:
    from kiosk.services.portals.open311 import Open311Client
    from kiosk.services.reports.outbox import Outbox

log = logging.getLogger(__name__)


def candidates(typed: str) -> list[str]:
    """The ways a number typed on a digits-only keypad may be written by the city.

    '2026000123' may be '2026-000123' (year and sequence), so both are tried.
    """
    digits = "".join(ch for ch in typed if ch.isdigit())
    found = [digits] if digits else []
    if len(digits) > 4:
        found.append(f"{digits[:4]}-{digits[4:]}")
    return found


def how_long() -> str:
    """Honest expectations (PORTALS.md §2: 2025, an NGO analysis)."""
    return _(
        "Please be patient: the city takes time. In 2025 about one report in four was closed, "
        "about half were only passed on to the service responsible, and a report stayed open "
        "for about 200 days on average."
    )


class TrackBridge(QObject):
    changed = Signal()

    def __init__(
        self,
        *,
        open311: Open311Client | None,
        outbox: Outbox | None,
        nav: NavBridge,
        speak: Callable[[str], None],
        language: Callable[[], str],
    ) -> None:
        """`open311` and `outbox` are None in hand-off mode (reports go by phone)."""
        super().__init__()
        self._open311, self._outbox = open311, outbox
        self._nav, self._speak, self._language = nav, speak, language
        self._request = Request(self.changed.emit, speak)
        self.reset()

    @Slot()
    def reset(self) -> None:
        self._request.cancel()
        self._problem = ""
        self._result: dict[str, Any] = {}
        self.changed.emit()

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._request.running

    @Property(str, notify=changed)
    def busyText(self) -> str:
        return self._request.busy_text

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._problem

    @Property("QVariantMap", notify=changed)
    def result(self) -> dict[str, Any]:
        return self._result

    @asyncSlot(str)
    async def lookup(self, typed: str) -> None:
        if self._request.running:
            return  # a second tap while the city is asked: ignored
        self._problem = ""
        if not candidates(typed):
            self._fail(_("Report number: no digits were typed. Please type the number from "
                         "your slip, then touch Look it up."))  # fmt: skip
            return
        found = await self._request.run(
            self._find(typed),
            busy=_("Asking the city about your report. Please wait."), what="track",
        )  # fmt: skip
        if found is None:
            return
        if isinstance(found, Failed):
            self._fail(found.sentence)
            return
        if isinstance(found, str):
            self._fail(found)
            return
        self._result = self._describe(found)
        self.changed.emit()
        self._nav.go("track-result")  # the screen reads its lines, page by page

    async def _find(self, typed: str) -> ServiceRequest | str:
        client = self._open311
        if client is None:
            return _(
                "This kiosk cannot look up reports: reports are made by phone to Call "
                "Sofia on {phone}. Please ask them about your registration number."
            ).format(phone=CALL_SOFIA_PHONE)
        digits = candidates(typed)[0]
        if len(digits) == 7 and digits.startswith("9") and self._outbox is not None:
            entry = await self._outbox.get(int(digits[1:]))  # the kiosk's own number
            if entry is not None:
                if entry.state in (State.QUEUED, State.SENDING):
                    return _("This report is still saved on this kiosk. It will be sent to the "
                             "city automatically when the connection is back.")  # fmt: skip
                if entry.state is State.REJECTED:
                    return _("The city did not accept this report: {reason}").format(
                        reason=entry.last_error)  # fmt: skip
                number = entry.service_request_id
                if not number and entry.token:
                    number = (await client.token(entry.token)).service_request_id
                if not number:
                    return _("The city has your report but has not given it a number yet. "
                             "Please try again tomorrow.")  # fmt: skip
                return await client.request(number, locale=self._language())
        for candidate in candidates(typed):
            try:
                return await client.request(candidate, locale=self._language())
            except NotFound:
                continue
        return _(
            "Report number {number}: the city does not know this number. Please check "
            "the digits on your slip and type them again."
        ).format(number=typed)

    def _describe(self, req: ServiceRequest) -> dict[str, Any]:
        lang = self._language()
        status = (
            _("Closed: the city says the work on this report is finished.")
            if req.is_closed
            else _("Open: the city has your report and the work is not finished yet.")
        )
        updated = format_moment(req.updated_datetime or req.requested_datetime, lang)
        return {
            "number": req.service_request_id,
            "service": req.service_name,
            "status": status,
            "notes": req.status_notes or _("The city has written no notes yet."),
            "agency": req.agency_responsible or _("not known yet"),
            "updated": updated,
            "expected": format_moment(req.expected_datetime, lang)
            if req.expected_datetime else "",
            "patience": how_long(),
        }  # fmt: skip

    def _fail(self, message: str) -> None:
        self._problem = message
        self.changed.emit()
        self._speak(message)
