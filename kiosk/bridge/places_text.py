"""The words 'find help nearby' shows, speaks and prints for a place: distance and walking time,
hours, phone, where the data comes from and how old it is, and the map QR as an image."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import segno
from babel.dates import format_date
from babel.numbers import format_decimal

from kiosk.core.nearby import rounded_metres, walking_minutes
from kiosk.i18n import _, babel_locale, ngettext
from kiosk.services.storage.cache import Cached, describe_age

if TYPE_CHECKING:
    from kiosk.config import Settings
    from kiosk.core.portal import Place
    from kiosk.services.nearby.places import NearbyPlaces


def distance_text(metres: float, with_time: bool = True) -> str:
    """ "About 300 metres, 5 minutes on foot" (rounded; walking slowly)."""
    number = format_decimal(rounded_metres(metres), locale=babel_locale())
    if not with_time:
        # TRANSLATORS: a distance, e.g. "3,000 metres".
        return _("{metres} metres").format(metres=number)
    minutes = walking_minutes(metres)
    # TRANSLATORS: walking time at a slow pace, e.g. "4 minutes".
    walk = ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes)
    # TRANSLATORS: e.g. "About 300 metres, 5 minutes on foot".
    return _("About {metres} metres, {minutes} on foot").format(metres=number, minutes=walk)


def place_card(index: int, place: Place, metres: float) -> dict[str, Any]:
    """One place for QML: the texts to show, the sentences to speak, the lines to print."""
    distance = distance_text(metres)
    hours = _("Open: {hours}").format(hours=place.opening_hours) if place.opening_hours else ""
    phone = _("Phone: {phone}").format(phone=place.phone) if place.phone else ""
    address = place.address
    sample = _("Sample place for practice, not a real one.") if place.is_sample else ""
    lines = [address, distance, hours, phone, sample]
    spoken = [f"{place.name}."] + [f"{line}." for line in lines if line]
    # One sentence a line: shown as the screen's instruction, so the voice reads it on opening.
    summary = "\n".join(line if line.endswith(".") else line + "." for line in lines if line)
    return {
        "index": index,
        "number": index + 1,
        "name": place.name,
        "address": address,
        "distance": distance,
        "hours": hours,
        "phone": phone,
        "sample": place.is_sample,
        "sampleText": sample,
        "lines": lines,
        "spoken": spoken,
        "summary": summary,
    }


def _data_date(iso: str) -> str:
    try:
        return format_date(date.fromisoformat(iso[:10]), format="long", locale=babel_locale())
    except ValueError:
        return iso


def source_lines(cached: Cached[NearbyPlaces], settings: Settings) -> list[str]:
    """Where the places come from and how current they are, in plain sentences."""
    del settings  # the kiosk's settings may add a licence note later
    result = cached.value
    lines: list[str] = []
    if any(p.is_sample for p, _m in result.places):
        lines.append(_("These are sample places for practice, not real ones."))
    if result.dataset_title:
        when = _data_date(result.data_date) if result.data_date else ""
        if when:
            lines.append(
                _("From the city's open data: {title}, as of {date}.").format(
                    title=result.dataset_title, date=when
                )
            )
        else:
            lines.append(
                _("From the city's open data: {title}.").format(title=result.dataset_title)
            )
    age = describe_age(cached.age_seconds)
    if cached.stale:
        lines.append(
            _(
                "The city's data service is not answering, so these places were saved on this "
                "kiosk {age}. Something may have changed since."
            ).format(age=age)
        )
    elif cached.from_cache and cached.age_seconds >= 3600:
        lines.append(_("Data from {age}, saved on this kiosk.").format(age=age))
    return lines


def qr_data_uri(text: str) -> str:
    """A QR code as a PNG data URI for an Image (large modules: old phone cameras read it)."""
    uri: str = segno.make(text, error="m", micro=False).png_data_uri(scale=8, border=4)
    return uri
