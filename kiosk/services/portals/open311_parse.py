"""Read GeoReport v2 replies (JSON and XML) into domain models, tolerant of real servers.

Tolerant of every deviation PORTALS.md lists (see open311_records for how bodies become
records); strict only where it matters: unreadable bodies, and POST replies with neither id
nor token.
"""

from __future__ import annotations

from datetime import tzinfo

from kiosk.core.errors import PortalReplyInvalid
from kiosk.core.portal import (
    Discovery,
    Endpoint,
    PostResult,
    Service,
    ServiceAttribute,
    ServiceDefinition,
    ServiceRequest,
)
from kiosk.services.portals.open311_records import (
    Record,
    XmlRecord,
    children,
    describe_error,
    find_records,
    flag,
    integer,
    load,
    local_zone,
    number,
    parse_datetime,
    strings,
    text,
)

__all__ = [
    "Record", "XmlRecord", "describe_error", "load", "local_zone", "parse_datetime",
    "parse_definition", "parse_discovery", "parse_post_reply", "parse_requests",
    "parse_services", "parse_token",
]  # fmt: skip


def parse_services(body: bytes, fmt: str) -> list[Service]:
    records = find_records(load(body, fmt), ("service_code",))
    services = []
    for rec in records:
        code = text(rec, "service_code")
        if not code:
            continue
        kind = text(rec, "type").lower()
        # FixMyStreet lists several as <groups><group>…</group></groups> (JSON: "groups": […]).
        groups = tuple(g for g in dict.fromkeys((text(rec, "group"), *strings(rec, "groups"))) if g)
        services.append(
            Service(
                code=code,
                name=text(rec, "service_name") or code,
                description=text(rec, "description"),
                metadata=flag(rec, "metadata"),
                type=kind if kind in ("realtime", "batch", "blackbox") else "realtime",
                keywords=strings(rec, "keywords"),
                group=groups[0] if groups else "",
                groups=groups,
            )
        )
    return services


def parse_definition(body: bytes, fmt: str, service_code: str = "") -> ServiceDefinition:
    doc = load(body, fmt)
    heads = find_records(doc, ("service_code",))
    code = text(heads[0], "service_code") if heads else service_code
    attributes = []
    for rec in find_records(doc, ("datatype", "variable")):
        attr_code = text(rec, "code")
        if not attr_code:
            continue
        values = []
        for v in find_records(children(rec), ("key",)):
            key = text(v, "key")
            if key:
                values.append((key, text(v, "name") or key))
        attributes.append(
            ServiceAttribute(
                code=attr_code,
                variable=flag(rec, "variable", default=True),
                datatype=text(rec, "datatype").lower() or "string",
                required=flag(rec, "required"),
                datatype_description=text(rec, "datatype_description"),
                order=integer(rec, "order"),
                description=text(rec, "description"),
                values=tuple(values),
            )
        )
    attributes.sort(key=lambda a: a.order)
    return ServiceDefinition(service_code=code or service_code, attributes=tuple(attributes))


_REQUEST_TIMES = ("requested_datetime", "updated_datetime", "expected_datetime")


def parse_requests(body: bytes, fmt: str, zone: tzinfo | None = None) -> list[ServiceRequest]:
    """A requests list (or a list of one). Records without an id are skipped, not invented."""
    zone = zone or local_zone()
    out = []
    for rec in find_records(load(body, fmt), ("service_request_id",)):
        request_id = text(rec, "service_request_id")
        if not request_id:
            continue
        zoned = [parse_datetime(text(rec, name), zone) for name in _REQUEST_TIMES]
        out.append(
            ServiceRequest(
                service_request_id=request_id,
                status=text(rec, "status").lower(),
                status_notes=text(rec, "status_notes"),
                service_name=text(rec, "service_name"),
                service_code=text(rec, "service_code"),
                description=text(rec, "description"),
                agency_responsible=text(rec, "agency_responsible"),
                service_notice=text(rec, "service_notice"),
                requested_datetime=zoned[0][0],
                updated_datetime=zoned[1][0],
                expected_datetime=zoned[2][0],
                address=text(rec, "address"),
                address_id=text(rec, "address_id"),
                zipcode=text(rec, "zipcode"),
                lat=number(rec, "lat"),
                long=number(rec, "long"),
                media_url=text(rec, "media_url"),
                offset_guessed=any(missing for _, missing in zoned),
            )
        )
    return out


def parse_post_reply(
    body: bytes, fmt: str, http_status: int = 200, service_type: str = ""
) -> PostResult:
    """The reply to POST requests: an id or a token. Neither is a failure unless the service
    is blackbox or the server plainly says it queued the report (202 or a queued status)."""
    records = find_records(load(body, fmt), ("service_request_id", "token", "service_notice"))
    rec = records[0] if records else {}
    result = PostResult(
        service_request_id=text(rec, "service_request_id"),
        token=text(rec, "token"),
        service_notice=text(rec, "service_notice"),
        account_id=text(rec, "account_id"),
    )
    if not result.pending:
        return result
    queued = text(rec, "status").lower() in ("queued", "pending", "accepted")
    if service_type == "blackbox" or http_status == 202 or queued:
        return result
    raise PortalReplyInvalid("the server accepted the report but returned neither id nor token")


def parse_token(body: bytes, fmt: str) -> PostResult:
    """tokens/{token}: the id once the server has given one (empty while still queued)."""
    records = find_records(load(body, fmt), ("service_request_id", "token"))
    rec = records[0] if records else {}
    return PostResult(service_request_id=text(rec, "service_request_id"), token=text(rec, "token"))


def parse_discovery(body: bytes, fmt: str) -> Discovery:
    doc = load(body, fmt)
    heads = find_records(doc, ("changeset", "contact", "key_service"))
    head = heads[0] if heads else {}
    endpoints = []
    for rec in find_records(doc, ("specification", "url")):
        url = text(rec, "url")
        if url:
            endpoints.append(
                Endpoint(
                    specification=text(rec, "specification"),
                    url=url,
                    changeset=text(rec, "changeset"),
                    type=text(rec, "type"),
                    formats=strings(rec, "formats"),
                )
            )
    return Discovery(
        changeset=text(head, "changeset"),
        contact=text(head, "contact"),
        key_service=text(head, "key_service"),
        endpoints=tuple(endpoints),
    )
