"""Words and data for the report screens: services to and from the cache, receipts, slips, QR."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from functools import lru_cache

import segno
from babel.dates import format_date as babel_date
from babel.dates import format_datetime as babel_datetime

from kiosk.core.city import CALL_SOFIA_PHONE
from kiosk.core.portal import Service, ServiceAttribute, ServiceDefinition
from kiosk.core.wizard import Wizard, handoff_lines, line_text, phone_script
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


@lru_cache(maxsize=128)  # the exact-day step lists four weeks, and is rebuilt on every answer
def format_day(day: date, lang: str) -> str:
    """'Tuesday, 10 March 2026' in the resident's language (ACCESSIBILITY 38: dates in words)."""
    return babel_date(day, "EEEE, d MMMM y", locale=babel_locale(lang))


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


def qr_data_uri(payload: str) -> tuple[str, int]:
    """A QR code as an image for the screen (the slip draws its own, as vectors), and how many
    modules it has across (a long one must be drawn larger to be read off the screen)."""
    code = segno.make(payload, error="m")
    return str(code.png_data_uri(scale=8, border=4)), int(code.symbol_size(border=0)[0])


def tracking_payload(number: str, url_template: str) -> str:
    if url_template and number:
        return url_template.replace("{id}", number)
    return number


def receipt_slip(wizard: Wizard, number: str, number_label: str, status: str, qr: str) -> Slip:
    svc = wizard.service()
    lines = [status, ""] + [line_text(line) for line in wizard.review() if not line.personal]
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


def handoff_qr(wizard: Wizard) -> str:
    """What the hand-off QR code carries: the prepared report as text, for the resident's phone
    (the same on the screen and on the slip)."""
    return "\n".join(handoff_lines(wizard))[:1200]


def handoff_slip(wizard: Wizard) -> Slip:
    """Hand-off: the prepared report and the phone script; the QR carries the text itself."""
    lines = handoff_lines(wizard)
    script = phone_script(wizard)
    svc = wizard.service()
    return Slip(
        title=_("Your report for Call Sofia: {kind}").format(kind=svc.name if svc else ""),
        lines=(*lines, "", _("What to say on the phone:"), script),
        qr=handoff_qr(wizard),
        qr_caption=_("Scan this code with a phone to have the report text on it."),
        big_number="",
        footer=_("Urgent danger to people: call 112."),
    )
