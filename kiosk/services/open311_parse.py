"""Read GeoReport v2 replies (JSON and XML) into domain models, tolerant of real servers.

Both formats are first reduced to "records" (a dict, or an XML element with field children),
found by the fields they carry rather than by root or wrapper names: that absorbs namespaced
roots, a single object instead of a list, missing wrappers and unknown elements at once.
Strict only where it matters: unreadable bodies and POST replies without id or token.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

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

Record = Any  # a dict: JSON as parsed, or an XmlRecord
_MAX_DEPTH = 32
# Only comments and CDATA may start with "<!": DOCTYPE and ENTITY declarations are refused so
# that no entity expansion (billion laughs, external entities) can ever happen.
_DECLARATION = re.compile(rb"<!(?!--|\[CDATA\[)")
_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?"
)


def local_zone() -> tzinfo:
    """Europe/Sofia when the tz database is present, else this machine's current offset."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Sofia")
    except Exception:  # no tz database (e.g. Windows without tzdata)
        return datetime.now().astimezone().tzinfo or timezone.utc


def load(body: bytes, fmt: str) -> Any:
    """Parse a body as JSON (any object) or XML (the root element); None when blank."""
    if not body.strip():
        return None
    if fmt == "json":
        try:
            return json.loads(body, parse_int=str, parse_float=str, parse_constant=_no_constant)
        except (ValueError, RecursionError) as exc:
            raise PortalReplyInvalid(f"not valid JSON: {str(exc)[:120]}") from None
    if _DECLARATION.search(body.replace(b"\x00", b"")):
        raise PortalReplyInvalid("XML with a DOCTYPE or entity declaration refused")
    try:
        # Fed in slices so that, parsed in a worker thread, the GIL is let go between slices
        # and the UI thread keeps running (one fromstring call holds it for ~100 ms per 5 MB).
        parser = ET.XMLParser()
        for start in range(0, len(body), 65536):
            parser.feed(body[start : start + 65536])
        return parser.close()
    except (ET.ParseError, ValueError, RecursionError) as exc:
        raise PortalReplyInvalid(f"not well-formed XML: {str(exc)[:120]}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def local_name(tag: Any) -> str:
    """An element's name without its namespace ('{urn:x}service' → 'service')."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def find_records(doc: Any, hints: Sequence[str]) -> list[Record]:
    """Every dict or element that has at least one of the `hints` fields, in document order."""
    if doc is None:
        return []
    if isinstance(doc, ET.Element):
        return [XmlRecord(el) for el in doc.iter() if any(local_name(c.tag) in hints for c in el)]
    found: list[Record] = []
    _json_records(doc, hints, found, 0)
    return found


def _json_records(obj: Any, hints: Sequence[str], out: list[Record], depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    if isinstance(obj, dict):
        if any(h in obj for h in hints):
            out.append(obj)
            return
        children: Iterable[Any] = obj.values()
    elif isinstance(obj, list):
        children = obj
    else:
        return
    for child in children:
        _json_records(child, hints, out, depth + 1)


class XmlRecord(dict[str, Any]):
    """An element's fields by local name (text for leaves, the element otherwise; the first of
    repeated names wins), read once so that each field is a dict lookup, not a scan."""

    def __init__(self, element: ET.Element) -> None:
        super().__init__()
        self.element = element
        for child in element:
            name = local_name(child.tag)
            if name not in self:
                self[name] = child if len(child) else (child.text or "")


def field(record: Record, name: str) -> Any:
    """The raw value of a field: text for leaf elements, a sub-element, or a JSON value."""
    return record.get(name) if isinstance(record, dict) else None


def text(record: Record, name: str) -> str:
    """A field as trimmed text with entities decoded; anything absent or structured is ''."""
    value = field(record, name)
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return ""
    value = value.strip()
    return html.unescape(value) if "&" in value else value


def flag(record: Record, name: str, default: bool = False) -> bool:
    value = text(record, name).lower()
    if not value:
        return default
    return value in ("true", "1", "yes", "t", "y")


def number(record: Record, name: str) -> float | None:
    """A float from a number or numeric string; None when empty, invalid or not finite."""
    try:
        value = float(text(record, name).replace(",", "."))
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def integer(record: Record, name: str, default: int = 0) -> int:
    value = number(record, name)
    return int(value) if value is not None and abs(value) < 2**31 else default


def strings(record: Record, name: str) -> tuple[str, ...]:
    """A comma list, a JSON list or repeated XML children, as trimmed non-empty strings."""
    value = field(record, name)
    items: list[Any]
    if isinstance(value, list):
        items = value
    elif isinstance(value, ET.Element):
        items = [c.text or "" for c in value.iter() if c is not value]
    else:
        items = text(record, name).split(",")
    return tuple(s.strip() for s in items if isinstance(s, str) and s.strip())


def parse_datetime(value: str, zone: tzinfo) -> tuple[datetime | None, bool]:
    """(aware datetime or None when empty/unreadable, True when the offset was missing)."""
    value = value.strip()
    if not value:
        return None, False
    try:  # the C fast path handles the usual forms (Python 3.11+); the regex the rest
        parsed = datetime.fromisoformat(value)
    except ValueError:
        pass
    else:
        if parsed.tzinfo is None:
            return parsed.replace(tzinfo=zone), True
        return parsed, False
    match = _DATETIME.fullmatch(value)
    if not match:
        return None, False
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        naive = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0),
            int(second or 0), micro,
        )  # fmt: skip
        if offset is None:
            return naive.replace(tzinfo=zone), True
        if offset in ("Z", "z"):
            return naive.replace(tzinfo=timezone.utc), False
        digits = offset[1:].replace(":", "")
        delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        return naive.replace(tzinfo=timezone(-delta if offset[0] == "-" else delta)), False
    except (ValueError, OverflowError):
        return None, False


def parse_services(body: bytes, fmt: str) -> list[Service]:
    records = find_records(load(body, fmt), ("service_code",))
    services = []
    for rec in records:
        code = text(rec, "service_code")
        if not code:
            continue
        kind = text(rec, "type").lower()
        services.append(
            Service(
                code=code,
                name=text(rec, "service_name") or code,
                description=text(rec, "description"),
                metadata=flag(rec, "metadata"),
                type=kind if kind in ("realtime", "batch", "blackbox") else "realtime",
                keywords=strings(rec, "keywords"),
                group=text(rec, "group"),
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
        for v in find_records(_children(rec), ("key",)):
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


def _children(rec: Record) -> Any:
    """What lies inside a record, for a nested search that must not match the record itself."""
    if isinstance(rec, XmlRecord):
        holder = ET.Element("_")
        holder.extend(list(rec.element))
        return holder
    return [v for v in rec.values() if isinstance(v, (list, dict))]


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


_TAGS = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def describe_error(body: bytes, content_type: str = "") -> str:
    """What an error body says, for the log: Open311 errors in either format, an HTML title,
    or plain text. Never raises; the HTTP status decides the error class, not this."""
    raw = body[:65536].decode("utf-8", "replace").strip()
    if not raw:
        return ""
    said: list[str] = []
    for fmt in ("json", "xml"):
        try:
            doc = load(body[:65536], fmt)
        except PortalReplyInvalid:
            continue
        if isinstance(doc, str):
            said.append(doc)
        for rec in find_records(doc, ("description", "message", "code")):
            said.append(" ".join(filter(None, (text(rec, "code"), text(rec, "description"),
                                               text(rec, "message")))))  # fmt: skip
        if isinstance(doc, ET.Element) and not said:
            said.append("".join(doc.itertext()))
        if said:
            break
    if not said:
        title = re.search(r"<title[^>]*>(.*?)</title>", raw, re.I | re.S)
        said.append(title.group(1) if title else _TAGS.sub(" ", raw))
    message = _SPACE.sub(" ", html.unescape("; ".join(s for s in said if s.strip()))).strip()
    return "".join(ch for ch in message if ch.isprintable())[:300]
