"""When a resident noticed a problem, asked as choices: today, yesterday, earlier this week, not
remembered, or an exact day picked from a list of the last weeks (one touch, no steppers).

A date question of a service definition (GeoReport `datetime`) becomes two steps: the choices,
and, only when "I will choose the day" is touched, the list of days. What the resident knows is
a day, not an hour: the answer goes to the city as the start of the earliest day it may have
been, in Sofia's time, with its offset (PORTALS.md §1) — "not before this day".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.core.city import TIME_ZONE
from kiosk.core.wizard_steps import Answer, Choice, Step
from kiosk.i18n import _

SOFIA = ZoneInfo(TIME_ZONE)
TODAY, YESTERDAY, THIS_WEEK, UNKNOWN, EXACT = "today", "yesterday", "week", "unknown", "exact"
DAY_PREFIX = "day:"  # the id of the list of days that follows a date question
DAYS_LISTED = 28  # the exact day: the last four weeks, a page at a time
EARLIER = "earlier"  # a day before the list: said, not dated
FormatDay = Callable[[date], str]


def day_step_id(step_id: str) -> str:
    return DAY_PREFIX + step_id


def when_step(base: Step) -> Step:
    """The date question as choices; "not remembered" only where the city does not need it."""
    choices = [
        Choice(TODAY, _("Today")),
        Choice(YESTERDAY, _("Yesterday")),
        Choice(THIS_WEEK, _("Earlier this week")),
    ]
    if not base.required:
        choices.append(Choice(UNKNOWN, _("I do not remember")))
    choices.append(Choice(EXACT, _("I will choose the exact day")))
    return Step(
        base.id, "choices", base.title, base.question, required=base.required,
        choices=tuple(choices), stage=base.id, dated=True, notice=base.notice,
    )  # fmt: skip


def day_step(base: Step, today: date, format_day: FormatDay) -> Step:
    """The exact day: the last four weeks, newest first, then "more than four weeks ago"."""
    days = [today - timedelta(days=n) for n in range(0, DAYS_LISTED)]
    choices = [Choice(d.isoformat(), format_day(d)) for d in days]
    choices.append(Choice(EARLIER, _("More than four weeks ago")))
    return Step(
        day_step_id(base.id), "choices", base.title, _("Touch the day."),
        required=True, choices=tuple(choices), stage=base.id, dated=True,
    )  # fmt: skip


def earliest_day(answer: Answer | None, day: Answer | None, today: date) -> date | None:
    """The earliest day the answer allows, or None when it names no day."""
    if answer == TODAY:
        return today
    if answer == YESTERDAY:
        return today - timedelta(days=1)
    if answer == THIS_WEEK:
        return today - timedelta(days=6)  # within the last seven days
    if answer == EXACT and isinstance(day, str) and day != EARLIER:
        try:
            return date.fromisoformat(day)
        except ValueError:
            return None
    return None


def wire_value(answer: Answer | None, day: Answer | None, today: date) -> str:
    """The answer for the city: ISO 8601 with Sofia's offset, or '' (nothing is sent)."""
    found = earliest_day(answer, day, today)
    if found is None:
        return ""
    return datetime.combine(found, time(0, 0), SOFIA).isoformat()


def when_text(answer: Answer | None, day: Answer | None, today: date, format_day: FormatDay) -> str:
    """The answer in words, for the review and the slip: "Yesterday (14 March 2026)"."""
    if answer == UNKNOWN:
        return _("I do not remember")
    if answer == EXACT and day == EARLIER:
        return _("More than four weeks ago")
    found = earliest_day(answer, day, today)
    if found is None:
        return ""
    if answer == EXACT:
        return format_day(found)
    label = {TODAY: _("Today"), YESTERDAY: _("Yesterday"), THIS_WEEK: _("Earlier this week")}
    if answer == THIS_WEEK:
        return label[THIS_WEEK]
    return f"{label[str(answer)]} ({format_day(found)})"
