"""What staff are told about faults the kiosk works around: the database, the PIN lock, the
outbox. Sentences for the trainer's menu and the outbox screen; never a resident's data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.i18n import _, ngettext

if TYPE_CHECKING:
    from kiosk.services.reports.outbox import OutboxStatus


def outbox_notes(status: OutboxStatus, retention_days: int) -> list[str]:
    """The outbox's faults in words: rows set aside, reports sent unchecked or purged unsent."""
    notes = []
    if status.unreadable:
        notes.append(
            ngettext(
                "%(n)d report could not be read from the kiosk's database and was set aside; "
                "the others are sent as usual.",
                "%(n)d reports could not be read from the kiosk's database and were set aside; "
                "the others are sent as usual.",
                status.unreadable,
            )
            % {"n": status.unreadable}
        )
    if status.resent_unchecked:
        notes.append(
            ngettext(
                "%(n)d report was sent again after an interruption without a check, because "
                "the city's portal does not list reports: the city may have it twice.",
                "%(n)d reports were sent again after an interruption without a check, because "
                "the city's portal does not list reports: the city may have them twice.",
                status.resent_unchecked,
            )
            % {"n": status.resent_unchecked}
        )
    if status.purged_unsent:
        notes.append(
            ngettext(
                "%(n)d report that could not be sent within %(days)d days was deleted, with "
                "its contact details.",
                "%(n)d reports that could not be sent within %(days)d days were deleted, with "
                "their contact details.",
                status.purged_unsent,
            )
            % {"n": status.purged_unsent, "days": retention_days}
        )
    return notes


def pin_lock_note(problem: str) -> str:
    if not problem:
        return ""
    return _(
        "The PIN pad's lock cannot be saved in the kiosk's data folder, so a restart gives "
        "fresh tries. Please tell the installer."
    )
