"""The outbox's rules, without I/O: a report, its states, retry timing and what is kept.

A report moves queued → sending → delivered | rejected, and from sending back to queued when a
try fails for a reason that may pass (network down, server busy). Times are seconds since the
epoch, passed in, so tests control the clock; randomness is injected for the same reason.
"""

from __future__ import annotations

import enum
import math
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

# Appended to the description so that a report that may already be on the portal (services.reports
# .outbox, "crash window") can be found there before it is sent again, and recognised by staff.
REFERENCE_LABEL = "Kiosk reference: "
# The kind of an outbox entry that is a resident's report; other kinds are registered with the
# outbox by whoever sends them (services.trainer.stats_publish: "statistics").
REPORT = "report"


class State(str, enum.Enum):
    QUEUED = "queued"
    SENDING = "sending"
    DELIVERED = "delivered"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Contact:
    """Details a resident chose to give so the city can reply; deleted once the report is sent."""

    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Location:
    lat: float | None = None
    lon: float | None = None
    address_string: str = ""

    def __post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("latitude and longitude go together")
        if self.lat is None and not self.address_string.strip():
            raise ValueError("a location needs coordinates or an address")


@dataclass(frozen=True)
class Report:
    """What a resident submits. `client_id` identifies it across retries and restarts."""

    service_code: str
    location: Location
    description: str = ""
    attributes: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)
    contact: Contact | None = None
    consent: bool = False
    language: str = "bg"  # the resident's language: the portal's `locale` when it is sent
    service_type: str = ""  # the service's type (realtime/batch/blackbox): what a reply holds
    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    client_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def __post_init__(self) -> None:
        # Contact details travel only when the resident said yes (PORTALS.md §1).
        if self.contact is not None and not self.consent:
            raise ValueError("contact details need the resident's consent")

    @property
    def reference(self) -> str:
        return REFERENCE_LABEL + self.client_id

    def description_with_reference(self) -> str:
        """The description as sent: the resident's text, then the stable reference line."""
        text = self.description.rstrip()
        return f"{text}\n\n{self.reference}" if text else self.reference

    def without_contact(self) -> Report:
        return replace(self, contact=None, consent=False)


def reference_in(text: str) -> str | None:
    """The client id carried in a sent description, or None (for de-duplication)."""
    at = text.rfind(REFERENCE_LABEL)
    if at < 0:
        return None
    candidate = text[at + len(REFERENCE_LABEL) :].split()[0:1]
    return candidate[0] if candidate else None


@dataclass(frozen=True)
class Delivered:
    """The portal took the report: it gave an id, a token to look the id up later, or both."""

    service_request_id: str = ""
    token: str = ""
    notice: str = ""


@dataclass(frozen=True)
class Rejected:
    """The portal refused the report for good; `reason` is a sentence a resident can read."""

    reason: str


@dataclass(frozen=True)
class RetryLater:
    """The try failed for a reason that may pass; `reason` is for logs and the trainer."""

    reason: str


DeliveryOutcome = Delivered | Rejected | RetryLater


@dataclass(frozen=True)
class NotListed:
    """The portal cannot say whether it has a report (it does not list requests)."""

    reason: str


# What looking a report up on the portal found: it is there (Delivered), it is not (None), the
# portal cannot tell (NotListed), or the look-up itself failed for now (RetryLater).
LookupOutcome = Delivered | NotListed | RetryLater | None


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential back-off with full jitter: wait a random time in [0, min(max, base·2ⁿ⁻¹)].

    Full jitter spreads kiosks that lost the network together, so they do not all retry at the
    same moment when it comes back.
    """

    base_seconds: float = 10.0
    max_seconds: float = 1800.0

    def ceiling(self, attempts: int) -> float:
        """The longest wait after `attempts` failed tries (≥ 1)."""
        exponent = min(max(attempts, 1) - 1, 62)  # 2**62 already dwarfs any max_seconds
        return min(self.max_seconds, self.base_seconds * math.pow(2, exponent))

    def delay(self, attempts: int, rand: Callable[[], float]) -> float:
        """Seconds to wait after `attempts` failed tries; `rand()` is uniform in [0, 1)."""
        return self.ceiling(attempts) * rand()


@dataclass(frozen=True)
class Entry:
    """A report in the outbox and how far it has got."""

    local_id: int
    report: Report | None  # None once delivered: only the portal's references are kept
    service_code: str
    state: State
    attempts: int = 0
    next_attempt_at: float = 0.0
    last_error: str = ""
    service_request_id: str = ""
    token: str = ""
    created_at: float = 0.0
    finished_at: float | None = None
    kind: str = REPORT  # REPORT, or another kind of item (e.g. a statistics publication)
    item: Mapping[str, Any] | None = None  # the payload of another kind; None once delivered
    first_sent_at: float | None = None  # when the first try began (the portal's search window)
    unsure: bool = False  # a try ended without a clear answer: the portal may already have it

    def is_due(self, now: float) -> bool:
        return self.state is State.QUEUED and self.next_attempt_at <= now


class TransitionError(ValueError):
    """A state change the outbox does not allow (a bug, not a resident's problem)."""


def start_sending(entry: Entry, now: float) -> Entry:
    if not entry.is_due(now):
        raise TransitionError(f"report {entry.local_id} is {entry.state.value}, not due")
    return replace(entry, state=State.SENDING, attempts=entry.attempts + 1)


def record(
    entry: Entry,
    outcome: DeliveryOutcome,
    now: float,
    policy: RetryPolicy,
    rand: Callable[[], float],
) -> Entry:
    """The entry after a try ended with `outcome`."""
    if entry.state is not State.SENDING:
        raise TransitionError(f"report {entry.local_id} is {entry.state.value}, not sending")
    if isinstance(outcome, Delivered):
        # Keep only what tracking needs; the resident's text and contact go. (Whether a reply
        # with neither id nor token counts as delivered is the portal client's call.)
        return replace(
            entry,
            report=None,
            state=State.DELIVERED,
            service_request_id=outcome.service_request_id,
            token=outcome.token,
            last_error="",
            finished_at=now,
        )
    if isinstance(outcome, Rejected):
        report = entry.report.without_contact() if entry.report else None
        return replace(
            entry, report=report, state=State.REJECTED, last_error=outcome.reason, finished_at=now
        )
    wait = policy.delay(entry.attempts, rand)
    return replace(entry, state=State.QUEUED, next_attempt_at=now + wait, last_error=outcome.reason)


def recover(entry: Entry) -> Entry:
    """After a restart: a report left `sending` is queued again (it may have arrived; see the
    crash window in services.reports.outbox)."""
    if entry.state is State.SENDING:
        return replace(entry, state=State.QUEUED, next_attempt_at=0.0)
    return entry


def should_purge(entry: Entry, now: float, retention_days: int) -> bool:
    """Finished entries are forgotten `retention_days` after they finished; waiting ones never."""
    if entry.state not in (State.DELIVERED, State.REJECTED) or entry.finished_at is None:
        return False
    return now - entry.finished_at >= retention_days * 86400.0


def purge_before(now: float, retention_days: int) -> float:
    """The finish time before which entries are purged (the same rule, for a SQL query)."""
    return now - retention_days * 86400.0
