"""Submitting a report through the outbox and waiting a little for the city's number."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.bridge.report_text import tracking_payload
from kiosk.core.city import CALL_SOFIA_PHONE
from kiosk.core.errors import PortalError
from kiosk.core.outbox import State
from kiosk.core.wizard import Wizard
from kiosk.i18n import _
from kiosk.services.storage.database import StorageError

if TYPE_CHECKING:
    from kiosk.services.portals.open311 import Open311Client
    from kiosk.services.reports.outbox import Outbox

log = logging.getLogger(__name__)
WAIT_FOR_NUMBER_S = 8.0  # longer than this and the receipt says the number comes later
POLL_S = 0.2


@dataclass(frozen=True)
class ReceiptInfo:
    """What the receipt screen shows: `title` says what happened, `status` what it means and
    what to do. `queued`: stored, not yet delivered (offline)."""

    number: str
    label: str
    status: str
    queued: bool = False
    qr: str = ""
    qr_text: str = ""
    reference: str = ""
    handoff: bool = False
    rejected: bool = False
    title: str = ""

    @classmethod
    def for_handoff(cls, qr: str, can_print: bool) -> ReceiptInfo:
        """Nothing is sent: the report is on the screen (and on a slip, if there is a printer),
        with the code that carries it to the resident's phone."""
        if can_print:
            status = _("Nothing has been sent. Print the slip and read it out on the phone, or "
                       "scan the code with your phone.")  # fmt: skip
        else:
            status = _("Nothing has been sent. Read out what is below on the phone, or scan the "
                       "code with your phone.")  # fmt: skip
        return cls(
            number="",
            label="",
            title=_("Your report is ready for Call Sofia"),
            status=status,
            handoff=True,
            qr=qr,
            qr_text=qr,
        )


def local_reference(local_id: int) -> str:
    """The kiosk's own number for a report, digits only so it fits the Track keypad."""
    return f"9{local_id:06d}"


async def submit_report(
    outbox: Outbox | None,
    open311: Open311Client | None,
    wizard: Wizard,
    language: str,
    tracking_url: str = "",
    *,
    practice: bool = False,
) -> ReceiptInfo:
    """Store the report durably, then wait briefly for delivery. Never raises. `tracking_url`
    (report.tracking_url) makes the receipt's QR code a link to the city's page for it. On the
    practice portal (`practice`) the receipt says what really happened: the report is recorded
    only on this kiosk."""
    report = wizard.to_report(language)
    try:
        if outbox is None or not outbox.sends_reports:
            raise StorageError("no outbox for reports in this mode")
        local_id = await outbox.enqueue(report)
    except StorageError as exc:
        log.error("report not stored: %s", exc)
        return ReceiptInfo(
            "", "",
            _("Your report could not be saved on this kiosk. Nothing was sent. Please ask a "
              "member of staff, or call Call Sofia on {phone}.").format(phone=CALL_SOFIA_PHONE),
            rejected=True, title=_("Your report was not sent"),
        )  # fmt: skip
    reference = local_reference(local_id)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_FOR_NUMBER_S
    entry = await outbox.get(local_id)
    while entry is not None and entry.state in (State.QUEUED, State.SENDING):
        if loop.time() > deadline or (entry.attempts > 0 and entry.state is State.QUEUED):
            break  # offline: the first try failed, the outbox will retry on its own
        await asyncio.sleep(POLL_S)
        entry = await outbox.get(local_id)
    if entry is not None and entry.state is State.REJECTED:
        return ReceiptInfo(
            "", "",
            _("The city's service did not accept the report: {reason} Please call Call Sofia "
              "on {phone}.").format(reason=entry.last_error, phone=CALL_SOFIA_PHONE),
            rejected=True, title=_("Your report was not accepted"),
        )  # fmt: skip
    if (entry is None or entry.state is not State.DELIVERED) and not outbox.on_disk:
        # held only in memory: it is lost if the kiosk stops, so never "saved on this kiosk"
        return ReceiptInfo(
            "", "",
            _("Your report has not reached the city yet, and this kiosk cannot keep it safely "
              "right now: it keeps trying only while it is switched on. Please tell a member of "
              "staff, or call Call Sofia on {phone}.").format(phone=CALL_SOFIA_PHONE),
            queued=True,
        )  # fmt: skip
    if entry is None or entry.state is not State.DELIVERED:
        return ReceiptInfo(
            reference,
            _("Kiosk number"),
            _(
                "It will be sent to the city automatically when the connection is back. Keep "
                "this number to ask about it."
            ),
            queued=True,
            qr=reference,
            qr_text=reference,
            reference=reference,
            title=_("Your report is saved on this kiosk"),
        )
    number = entry.service_request_id
    if not number and entry.token:
        number = await _resolve_token(open311, entry.token)
        if number:
            await outbox.set_request_id(local_id, number)
    if number and practice:
        payload = tracking_payload(number, tracking_url)
        return ReceiptInfo(
            number,
            _("Your practice report number"),
            _("This was practice: the report is recorded only here. Nothing was sent to the "
              "city."),
            qr=payload, qr_text=payload, reference=reference, title=_("Your practice report"),
        )  # fmt: skip
    if number:
        payload = tracking_payload(number, tracking_url)
        return ReceiptInfo(
            number,
            _("Your report number"),
            _("Keep this number: with it you can ask what the city has done, here with Track "
              "my report, or by phone."),
            qr=payload, qr_text=payload, reference=reference,
            title=_("Your report has been sent to the city"),
        )  # fmt: skip
    # a batch token is long letters and digits: the kiosk's own number goes on the keypad
    code = reference
    if practice:
        return ReceiptInfo(
            code,
            _("Your kiosk number"),
            _("This was practice: the report is recorded only here. Nothing was sent to the "
              "city. The kiosk can find it with this kiosk number."),
            qr=code, qr_text=code, reference=reference, title=_("Your practice report"),
        )  # fmt: skip
    return ReceiptInfo(
        code,
        _("Your kiosk number"),
        _("The city will give your report a number later; until then the kiosk finds it with "
          "this kiosk number."),
        qr=code, qr_text=code, reference=reference,
        title=_("Your report has been sent to the city"),
    )  # fmt: skip


async def _resolve_token(open311: Open311Client | None, token: str) -> str:
    if open311 is None:
        return ""
    try:
        return (await open311.token(token)).service_request_id
    except PortalError as exc:
        log.info("token lookup: %s", type(exc).__name__)
        return ""
