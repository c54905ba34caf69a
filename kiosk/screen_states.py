"""Reaching a state of a resident's journey on the practice data, the way the screens would:
`reach(kiosk, "report", "review")` starts a report, answers each question and stops at the
review. The screenshot command (`python -m kiosk screenshot --journey report --at review`) and
the screen audit's tests use it, so a reviewer and the tests see the same states.

The bridges are driven as the screens drive them (Report.start, choose, next, …); the practice
portal answers over loopback, so the kiosk's backend must be started and the qasync loop running.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem

# journey -> its states, in the order a resident meets them (the first is the default)
# fmt: off
JOURNEYS: dict[str, tuple[str, ...]] = {
    "report": ("category", "service", "question", "typing", "number", "date", "choice",
               "location", "address", "contact", "review", "receipt"),
    "track": ("number", "result"),
    "places": ("categories", "list", "place"),
    "departures": ("board",),
    "lesson": ("step",),
    "lessons": ("list",),
    "easier": ("choices",),
}
# fmt: on
# What the report states stop at: a step id, or the first step of a kind.
REPORT_AT = {
    "category": ("id", "category"),
    "service": ("id", "service"),
    "question": ("screen", "report-question"),
    "typing": ("kind", "text"),
    "number": ("kind", "number"),
    "date": ("kind", "datetime"),
    "choice": ("screen-kind", "choices"),
    "location": ("id", "where"),
    "address": ("id", "address"),
    "contact": ("id", "contact"),
    "review": ("id", "review"),
}
# The answers that lead through the most kinds of question: a street problem with a number, a
# date and a choice; an address typed; details given.
SERVICE = "3"  # the practice portal's potholes: a number, a date, a choice and typed words
REPORT_CHOICES = {"service": SERVICE, "where": "address", "contact": "yes"}
SAMPLE_TEXT = {"text": "Шипка 6", "longtext": "", "number": "2"}
SAMPLE_BY_ID = {"name": "Мария", "phone": "0888123456", "email": ""}
WAIT_S = 20.0


class StateError(RuntimeError):
    """The state could not be reached (a message for the person who asked for it)."""


def settle(ms: int = 0, rounds: int = 6) -> None:
    """Let bindings, layouts and deferred calls run (the zero-interval timers they start too)."""
    for _ in range(rounds):
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()


def wait(condition: Callable[[], Any], what: str, seconds: float = WAIT_S) -> None:
    for _ in range(int(seconds * 100)):
        if condition():
            settle()
            return
        settle(10, 1)
    raise StateError(f"timed out waiting for {what}")


def begin(kiosk: Any, lang: str) -> None:
    """A new session in `lang`, on the home screen, once the portals are up."""
    bridges = kiosk.bridges
    if bridges.session.active:  # the last person's answers, lists and keyboard are gone
        bridges.session.wipe()
        settle()
    bridges.session.begin()
    bridges.session.setLanguage(lang)
    bridges.nav.go("home")
    wait(lambda: bridges.backend.started, "the portals to start")


def reach(kiosk: Any, journey: str, at: str = "", *, lesson: str = "", step: int = 1) -> None:
    """Drive the kiosk (session begun, on the home screen) to `journey`'s state `at`."""
    if journey not in JOURNEYS:
        raise StateError(f"no journey {journey!r}; journeys: {', '.join(JOURNEYS)}")
    at = at or JOURNEYS[journey][0]
    if at not in JOURNEYS[journey]:
        raise StateError(f"no state {at!r} in {journey}; states: {', '.join(JOURNEYS[journey])}")
    walks: dict[str, Callable[[Any, str], None]] = {
        "report": _report,
        "track": _track,
        "places": _places,
        "departures": _departures,
        "lesson": lambda k, a: _lesson(k, lesson, step),
        "lessons": lambda k, a: _go(k, "lessons"),
        "easier": lambda k, a: _go(k, "easier"),
    }
    walks[journey](kiosk, at)
    settle()


def _go(kiosk: Any, screen: str) -> None:
    kiosk.bridges.nav.go(screen)
    settle()


# --- reporting -------------------------------------------------------------------------------
def _report(kiosk: Any, at: str) -> None:
    start_report(kiosk)
    if at == "receipt":
        _answer_until(kiosk, ("id", "review"))
        send_report(kiosk)
        return
    _answer_until(kiosk, REPORT_AT[at])
    if at == "typing":
        show_keyboard(kiosk)


def _matches(kiosk: Any, target: tuple[str, str]) -> bool:
    how, value = target
    step = kiosk.bridges.report.step
    screen = kiosk.bridges.nav.screen
    if how == "id":
        return bool(step["id"] == value)
    if how == "kind":
        return bool(step["kind"] == value)
    if how == "screen":
        return bool(screen == value)
    return bool(screen == "report-question" and step["kind"] == value)


def _answer_until(kiosk: Any, target: tuple[str, str]) -> None:
    for _step in report_steps(kiosk):
        if _matches(kiosk, target):
            return
    raise StateError(f"the report has no step {target[1]!r}")


def report_steps(kiosk: Any) -> Iterator[dict[str, Any]]:
    """From the kind of problem (Report.start done) to the review, one step at a time: yields
    each step once it is shown, then answers it and goes on."""
    report = kiosk.bridges.report
    for _ in range(40):
        step = dict(report.step)
        yield step
        if step["id"] == "review":
            return
        if step["id"] == "category":
            _choose_category(report)
            continue
        answer(report, step)
        _next(report, step["id"])
        if report.error or report.problem:
            raise StateError(f"{step['id']}: {report.error or report.problem}")
    raise StateError("the report never reached its review")


def start_report(kiosk: Any) -> None:
    report = kiosk.bridges.report
    report.start()
    wait(lambda: report.loaded or report.problem, "the kinds of problem")
    if report.problem:
        raise StateError(report.problem)


def send_report(kiosk: Any) -> None:
    """On the review: send it, and wait for the receipt."""
    kiosk.bridges.report.submit()
    wait(lambda: kiosk.bridges.nav.screen == "report-receipt", "the receipt")


def _choose_category(report: Any) -> None:
    """The potholes: their own tile where the wizard offers it first (its everyday name), else
    the kind of problem whose list holds them (the keys are the portal's groups)."""
    featured = f"s:{SERVICE}"
    if any(o["key"] == featured for o in report.step["options"]):
        _choose(report, featured)
        _next(report, "category")
        return
    for option in report.step["options"]:
        _choose(report, option["key"])
        _next(report, "category")
        if any(o["key"] == SERVICE for o in report.step["options"]):
            return
        report.back()
        settle()
    raise StateError(f"the practice portal has no service {SERVICE}")


def _choose(report: Any, key: str) -> None:
    """Touch a tile once the wizard takes touches (a touch right after a question appears is
    taken for a tremor's second tap and ignored)."""
    for _ in range(int(WAIT_S * 20)):
        report.choose(key)
        if report.value == key:
            return
        settle(50, 1)
    raise StateError(f"the tile {key!r} was not taken")


def _next(report: Any, step_id: str) -> None:
    """Next, again if it was refused because the list was still arriving (a second tap)."""
    moved = lambda: report.step["id"] != step_id or report.error or report.problem  # noqa: E731
    for _ in range(int(WAIT_S)):
        report.next()
        try:
            wait(moved, f"the step after {step_id}", seconds=1.0)
            return
        except StateError:
            continue
    raise StateError(f"timed out waiting for the step after {step_id}")


def answer(report: Any, step: dict[str, Any]) -> None:
    """A valid answer to a report step, as a resident would give it."""
    options = [o["key"] for o in step.get("options") or []]
    wanted = REPORT_CHOICES.get(step["id"])
    if options:
        if step["kind"] == "multichoices":
            if not report.selected:
                report.toggle(options[0])
        else:
            _choose(report, wanted if wanted is not None and wanted in options else options[-1])
    elif step["kind"] in SAMPLE_TEXT and not report.value:
        text = SAMPLE_BY_ID.get(step["id"], SAMPLE_TEXT[step["kind"]])
        if text:
            report.setText(text)
    elif step["kind"] == "datetime" and not report.value:
        report.shift("day", 0)


def show_keyboard(kiosk: Any) -> None:
    """Touch the screen's text field: the keyboard comes up for it."""
    field = next(
        (i for i in _walk(kiosk.window.contentItem())
         if i.inherits("QQuickTextInput") and i.isVisible() and i.isEnabled()),
        None,
    )  # fmt: skip
    if field is None:
        raise StateError("this screen has no text field")
    field.forceActiveFocus(Qt.FocusReason.MouseFocusReason)
    QGuiApplication.inputMethod().show()
    wait(lambda: _keyboard_up(kiosk), "the keyboard")


def hide_keyboard(kiosk: Any) -> None:
    kiosk.window.contentItem().forceActiveFocus(Qt.FocusReason.OtherFocusReason)
    QGuiApplication.inputMethod().hide()
    wait(lambda: not _keyboard_up(kiosk), "the keyboard to go")


def _keyboard_up(kiosk: Any) -> bool:
    keyboard = kiosk.window.findChild(QQuickItem, "keyboard")
    return keyboard is not None and bool(keyboard.property("active"))


def _walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from _walk(child)


# --- tracking, places, departures, lessons ---------------------------------------------------
def _track(kiosk: Any, at: str) -> None:
    if at == "number":
        _go(kiosk, "track")
        return
    _report(kiosk, "receipt")
    track(kiosk, str(kiosk.bridges.report.receipt["number"]))


def track(kiosk: Any, number: str) -> None:
    """From home, the report's number typed on the track screen: its status."""
    kiosk.bridges.nav.go("home")
    _go(kiosk, "track")
    tracker = kiosk.bridges.track
    tracker.lookup(number)
    wait(lambda: kiosk.bridges.nav.screen == "track-result" or tracker.problem, "the report")
    if tracker.problem:
        raise StateError(tracker.problem)


def _places(kiosk: Any, at: str) -> None:
    _go(kiosk, "helpNearby")
    if at == "categories":
        return
    places = kiosk.bridges.places
    places.choose("pharmacy")
    _go(kiosk, "places")
    wait(lambda: not places.busy and (places.loaded or places.problem), "the places")
    if places.problem:
        raise StateError(places.problem)
    if at == "place":
        places.select(0)
        _go(kiosk, "place")


def _departures(kiosk: Any, at: str) -> None:
    departures = kiosk.bridges.departures
    _go(kiosk, "departures")
    wait(lambda: departures.loaded or departures.problem, "the departures")


def _lesson(kiosk: Any, lesson: str, step: int) -> None:
    lessons = kiosk.bridges.lessons
    lesson = lesson or "l01-touch"
    lessons.openCourse()
    known = [item["id"] for module in lessons.modules for item in module["lessons"]]
    if lesson not in known:
        raise StateError(f"no lesson {lesson!r}; lessons: {', '.join(known)}")
    lessons.show_step(lesson, step)
    _go(kiosk, "lesson-step")
