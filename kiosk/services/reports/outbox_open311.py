"""Delivers outbox reports through a GeoReport v2 client and sorts failures into retry or refuse.

A failure that may pass (network, timeout, 5xx, a garbled reply, a refused API key that staff
can fix, 408/429) means "try again later": the report must not be lost. A failure the report
itself causes (unknown category, invalid field: other 4xx) means "refused", with the reason.

`open311_lookup` asks the portal whether it already has a report the kiosk is unsure about
(services.reports.outbox, "crash window").
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Protocol

from kiosk.core.errors import AccessDenied, PortalError, PortalRejected, PortalReplyInvalid
from kiosk.core.outbox import (
    Delivered,
    DeliveryOutcome,
    LookupOutcome,
    NotListed,
    Rejected,
    Report,
    RetryLater,
    reference_in,
)
from kiosk.core.portal import NewRequest, PostResult, ServiceRequest
from kiosk.services.reports.outbox import Deliver, Lookup

log = logging.getLogger(__name__)
# 4xx statuses that say "not now" rather than "never".
_RETRYABLE_STATUSES = {408, 425, 429}


class Submitter(Protocol):
    async def submit(
        self, request: NewRequest, service_type: str = "", locale: str | None = None
    ) -> PostResult: ...


def to_new_request(report: Report, device_id: str = "") -> NewRequest:
    """The form a GeoReport v2 server receives. Contact fields only with consent; the stable
    reference goes at the end of the description (see services.outbox, "crash window")."""
    person = report.contact if report.consent else None
    return NewRequest(
        service_code=report.service_code,
        lat=report.location.lat,
        long=report.location.lon,
        address_string=report.location.address_string,
        attributes=dict(report.attributes),
        description=report.description_with_reference(),
        device_id=device_id,
        first_name=person.first_name if person else "",
        last_name=person.last_name if person else "",
        email=person.email if person else "",
        phone=person.phone if person else "",
    )


def outcome_of(error: PortalError) -> DeliveryOutcome:
    """Whether a failed POST is worth trying again."""
    if isinstance(error, AccessDenied) or error.status in _RETRYABLE_STATUSES:
        return RetryLater(error.message)
    if isinstance(error, PortalRejected):
        return Rejected(error.message)
    return RetryLater(error.message)


def open311_deliver(client: Submitter, *, device_id: str = "") -> Deliver:
    """The outbox's `deliver` callable for one Open311 endpoint.

    Each report carries what its sending needs: the resident's language (the POST's `locale`)
    and its service's type (realtime/batch/blackbox), so the client knows when an empty reply
    is normal, even for a report sent days later by a restarted kiosk.
    """

    async def deliver(report: Report) -> DeliveryOutcome:
        try:
            request = to_new_request(report, device_id)
            result = await client.submit(request, report.service_type, report.language)
        except PortalError as error:
            log.warning("report not delivered: %s (%s)", type(error).__name__, error.detail)
            return outcome_of(error)
        except ValueError as error:  # the report can never be sent as it is (no location)
            return Rejected(str(error))
        return Delivered(result.service_request_id, result.token, result.service_notice)

    return deliver


class Lister(Protocol):
    async def requests(
        self,
        ids: Sequence[str] = (),
        service_codes: Sequence[str] = (),
        start: datetime | None = None,
        end: datetime | None = None,
        status: str = "",
    ) -> list[ServiceRequest]: ...


# Clocks differ between the kiosk and the portal: the window opens this much before the first
# try and closes this much after now.
CLOCK_SLACK_S = 600.0
_SPAN_LIMIT_S = 89 * 86400.0  # GeoReport servers commonly refuse a span over 90 days


def open311_lookup(client: Lister, clock: Callable[[], float] = time.time) -> Lookup:
    """The outbox's `lookup` for one Open311 endpoint: GET requests for the report's service
    in the window since its first try, matched by the kiosk reference in the description."""

    async def lookup(report: Report, since: float) -> LookupOutcome:
        now = clock()
        start = max(since - CLOCK_SLACK_S, now - _SPAN_LIMIT_S)
        try:
            found = await client.requests(
                service_codes=[report.service_code],
                start=datetime.fromtimestamp(start, timezone.utc),
                end=datetime.fromtimestamp(now + CLOCK_SLACK_S, timezone.utc),
            )
        except PortalRejected as error:  # 400/403/404/405: this server does not list requests
            if error.status in _RETRYABLE_STATUSES:
                return RetryLater(error.message)
            return NotListed(f"{type(error).__name__} {error.status or ''}".strip())
        except PortalReplyInvalid as error:
            return NotListed(f"the requests list cannot be read ({type(error).__name__})")
        except PortalError as error:  # network, timeout, 5xx: ask again later
            return RetryLater(error.message)
        for request in found:
            if reference_in(request.description) == report.client_id:
                return Delivered(request.service_request_id)
        return None

    return lookup
