"""Words and data for the report screens: services to and from the cache, receipts, slips, QR."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

import segno
from babel.dates import format_datetime as babel_datetime

from kiosk.core.city import CALL_SOFIA_PHONE
from kiosk.core.portal import Service, ServiceAttribute, ServiceDefinition
from kiosk.core.wizard import Wizard, handoff_lines, line_text, phone_script
from kiosk.core.wizard_steps import parse_datetime
from kiosk.i18n import _, babel_locale
from kiosk.services.printing.slip import Slip
from kiosk.services.storage.cache import Codec


def _dump_services(value: list[Service]) -> bytes:
    return json.dumps([asdict(s) for s in value], ensure_ascii=False).encode()


def _load_services(data: bytes) -> list[Service]:
    return [Service(**{**d, "keywords": tuple(d["keywords"])}) for d in json.loads(data)]


def _dump_definition(value: ServiceDefinition) -> bytes:
    return json.dumps(asdict(value), ensure_ascii=False).encode()


def _load_definition(data: bytes) -> ServiceDefinition:
    raw = json.loads(data)
    attrs = tuple(
        ServiceAttribute(**{**a, "values": tuple(tuple(v) for v in a["values"])})
        for a in raw["attributes"]
    )
    return ServiceDefinition(raw["service_code"], attrs)


SERVICES_CODEC: Codec[list[Service]] = Codec(_dump_services, _load_services)
DEFINITION_CODEC: Codec[ServiceDefinition] = Codec(_dump_definition, _load_definition)


def format_when(value: str, lang: str) -> str:
    """'15 March 2026, 09:30' in the resident's language (ACCESSIBILITY 38)."""
    moment = parse_datetime(value)
    if moment is None:
        return value
    return babel_datetime(moment, "d MMMM y, HH:mm", locale=babel_locale(lang))


def format_moment(moment: datetime | None, lang: str) -> str:
    if moment is None:
        return _("not known")
    return babel_datetime(moment, "d MMMM y, HH:mm", locale=babel_locale(lang))


def digits_spoken(number: str) -> str:
    """'2026-000123' → '2 0 2 6, dash, 0 0 0 1 2 3': one character at a time, as on a form."""
    parts = []
    for char in number:
        if char.isalnum():
            parts.append(char)
        elif char == "-":
            parts.append(_("dash") + ",")
        elif char.strip():
            parts.append(char)
    return " ".join(parts)


def qr_data_uri(payload: str) -> str:
    """A QR code as an image for the screen (the slip draws its own, as vectors)."""
    return str(segno.make(payload, error="m").png_data_uri(scale=8, border=4))


def tracking_payload(number: str, url_template: str) -> str:
    if url_template and number:
        return url_template.replace("{id}", number)
    return number


def receipt_slip(
    wizard: Wizard, number: str, number_label: str, status: str, qr: str, lang: str
) -> Slip:
    svc = wizard.service()
    lines = [status, ""] + [
        line_text(line)
        for line in wizard.review(lambda v: format_when(v, lang))
        if not line.personal
    ]
    return Slip(
        title=_("Report to the city: {kind}").format(kind=svc.name if svc else ""),
        lines=tuple(lines),
        qr=qr or None,
        qr_caption=_("Scan this code with a phone to follow your report.")
        if qr.startswith(("http://", "https://"))
        else _("Scan this code with a phone to keep your report number on it."),
        big_number=number or None,
        big_number_label=number_label,
        footer=_("Call Sofia, the city's help line: {phone}").format(phone=CALL_SOFIA_PHONE),
    )


def handoff_slip(wizard: Wizard, lang: str) -> Slip:
    """Hand-off: the prepared report and the phone script; the QR carries the text itself."""
    lines = handoff_lines(wizard, lambda v: format_when(v, lang))
    script = phone_script(wizard)
    svc = wizard.service()
    return Slip(
        title=_("Your report for Call Sofia: {kind}").format(kind=svc.name if svc else ""),
        lines=(*lines, "", _("What to say on the phone:"), script),
        qr="\n".join(lines)[:1200],
        qr_caption=_("Scan this code with a phone to have the report text on it."),
        big_number="",
        footer=_("Urgent danger to people: call 112."),
    )
