"""A site's opening hours, in a small part of OpenStreetMap's opening_hours syntax.

"Mo-Fr 09:00-19:00; Sa 10:00-14:00" — rules separated by ";", each a list of days or day ranges
(Mo Tu We Th Fr Sa Su) and one or more time ranges separated by ","; "24/7" is always open, ""
never. A range may end at 24:00 or run past midnight (22:00-02:00 belongs to the day it starts).
Used to keep software updates out of the hours residents come (kiosk/services/updates/window.py,
`silver-kiosk updates check`, run by the update policy in packaging/updates/).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_TIME = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


class HoursError(ValueError):
    """The text is not opening hours this parser understands; the message says what is wrong."""


@dataclass(frozen=True)
class Span:
    day: int  # 0 = Monday
    start: int  # minutes from the day's midnight
    end: int  # may exceed 1440 when the span runs past midnight


def _minutes(text: str) -> int:
    match = _TIME.match(text.strip())
    if not match or (match.group(1) == "24" and match.group(2) != "00"):
        raise HoursError(f"'{text.strip()}' is not a time like 09:30")
    return int(match.group(1)) * 60 + int(match.group(2))


def _days(text: str) -> list[int]:
    found: list[int] = []
    for part in text.split(","):
        first, _sep, last = part.strip().partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise HoursError(f"'{part.strip()}' is not a day or days like Mo-Fr")
        a, b = DAYS.index(first), DAYS.index(last or first)
        found += [d % 7 for d in range(a, b + 1 if b >= a else b + 8)]
    return found


def parse_hours(text: str) -> tuple[Span, ...]:
    """The spans of a week the site is open. Raises HoursError."""
    text = text.strip()
    if text == "24/7":
        return tuple(Span(d, 0, 1440) for d in range(7))
    spans: list[Span] = []
    for rule in filter(None, (r.strip() for r in text.split(";"))):
        days, _sep, times = rule.partition(" ")
        if not times.strip():
            raise HoursError(f"'{rule}' needs days and times, like Mo-Fr 09:00-19:00")
        for day in _days(days):
            if times.strip() == "off":
                spans = [s for s in spans if s.day != day]
                continue
            for span in times.split(","):
                start, sep, end = span.partition("-")
                if not sep:
                    raise HoursError(f"'{span.strip()}' is not a time range like 09:00-19:00")
                a, b = _minutes(start), _minutes(end)
                if a == b:
                    raise HoursError(f"'{span.strip()}' is empty")
                spans.append(Span(day, a, b if b > a else b + 1440))
    return tuple(spans)


def is_open(spans: tuple[Span, ...], when: datetime) -> bool:
    """Whether `when` (local time) falls in an opening span, counting spans past midnight."""
    minute = when.hour * 60 + when.minute
    today = when.weekday()
    for span in spans:
        if span.day == today and span.start <= minute < span.end:
            return True
        if span.day == (today - 1) % 7 and span.end > 1440 and minute < span.end - 1440:
            return True
    return False


def closed_for(spans: tuple[Span, ...], when: datetime, minutes: int) -> bool:
    """Whether the site stays closed from `when` for at least `minutes` (an update's margin)."""
    step = timedelta(minutes=5)
    end = when + timedelta(minutes=minutes)
    t = when
    while t <= end:
        if is_open(spans, t):
            return False
        t += step
    return True
