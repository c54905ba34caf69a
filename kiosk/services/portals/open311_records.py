"""GeoReport v2 bodies reduced to records: safe loading, field access, dates, error text.

Both formats are reduced to "records" (a dict: JSON as parsed, or an XML element's fields by
local name), found by the fields they carry rather than by root or wrapper names: that absorbs
namespaced roots, a single object instead of a list, missing wrappers and unknown elements.
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


def children(rec: Record) -> Any:
    """What lies inside a record, for a nested search that must not match the record itself."""
    if isinstance(rec, XmlRecord):
        holder = ET.Element("_")
        holder.extend(list(rec.element))
        return holder
    return [v for v in rec.values() if isinstance(v, (list, dict))]


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


def error_reply(body: bytes, fmt: str) -> str:
    """What an Open311 error list says when that is all a *successful* reply holds, else ''.

    Some servers answer 200 with `<errors>` or `[{"code", "description"}]`; reading that as
    "no services" or "no requests" would mislead, so the client refuses it instead.
    """
    if len(body) > 65536:  # error lists are short; never parse a big reply twice on the loop
        return ""
    try:
        doc = load(body, fmt)
    except PortalReplyInvalid:
        return ""
    if isinstance(doc, ET.Element):
        is_error = local_name(doc.tag) in ("errors", "error")
    elif isinstance(doc, dict):
        is_error = set(doc) <= {"errors", "error", "code", "description", "message"} and bool(doc)
    elif isinstance(doc, list):
        is_error = bool(doc) and all(
            isinstance(i, dict) and "description" in i and "code" in i and len(i) <= 3 for i in doc
        )
    else:
        is_error = False
    return (describe_error(body) or "an error without a description") if is_error else ""
