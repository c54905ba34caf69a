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
    """What the receipt screen shows. `queued`: stored, not yet delivered (offline)."""

    number: str
    label: str
    status: str
    queued: bool = False
    qr: str = ""
    qr_text: str = ""
    reference: str = ""
    handoff: bool = False
    rejected: bool = False

    @classmethod
    def for_handoff(cls, wizard: Wizard) -> ReceiptInfo:
        return cls(
            number="",
            label="",
            status=_(
                "Your report is ready. Nothing has been sent. Print it, then call Call Sofia "
                "on {phone} and read it out, or scan the code with your phone."
            ).format(phone=CALL_SOFIA_PHONE),
            handoff=True,
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
) -> ReceiptInfo:
    """Store the report durably, then wait briefly for delivery. Never raises. `tracking_url`
    (report.tracking_url) makes the receipt's QR code a link to the city's page for it."""
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
            rejected=True,
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
            rejected=True,
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
                "Your report is saved on this kiosk. It will be sent to the city automatically "
                "when the connection is back. Keep this number to ask about it."
            ),
            queued=True,
            qr=reference,
            qr_text=reference,
            reference=reference,
        )
    number = entry.service_request_id
    if not number and entry.token:
        number = await _resolve_token(open311, entry.token)
        if number:
            await outbox.set_request_id(local_id, number)
    if number:
        payload = tracking_payload(number, tracking_url)
        return ReceiptInfo(
            number,
            _("Your report number"),
            _("Your report has been sent to the city."),
            qr=payload,
            qr_text=payload,
            reference=reference,
        )
    # a batch token is long letters and digits: the kiosk's own number goes on the keypad
    code = reference
    return ReceiptInfo(
        code,
        _("Your receipt number"),
        _("Your report has been sent to the city. The city will give it a number later; "
          "with this receipt number the kiosk can find it."),
        qr=code,
        qr_text=code,
        reference=reference,
    )  # fmt: skip


async def _resolve_token(open311: Open311Client | None, token: str) -> str:
    if open311 is None:
        return ""
    try:
        return (await open311.token(token)).service_request_id
    except PortalError as exc:
        log.info("token lookup: %s", type(exc).__name__)
        return ""
