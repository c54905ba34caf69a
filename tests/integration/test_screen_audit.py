"""The screen audit (tests/screen_audit.py) over every screen and overlay in real states with
data, on the practice portal: in Bulgarian at the three text sizes, and in English, Ukrainian
and Turkish at the largest, on a landscape 1920×1080, a portrait 1080×1920 and a small
1366×768 panel (each drawn as a 21.5-inch 1080p panel's pixels are: 476 mm per 1920 px).

One test per screen and panel, so one failure does not hide another. The states are reached as
a resident would meet them (kiosk.screen_states drives the bridges as the screens do), walking
each journey once per panel and language and looking at every screen it passes; a test runs the
walk its screen is on, once for all the tests that need it (with workers, the tests of one
walk and panel go to one worker: `work_unit` in tests/conftest.py). A failing look saves a
picture in the test artifacts folder (its path is in the finding).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtQuick import QQuickItem

from kiosk import screen_states as states
from kiosk.bridge.nav import SCREENS
from kiosk.config import Settings
from kiosk.runner import OVERLAYS, show_overlay
from tests.conftest import artifacts_dir
from tests.integration.conftest import find, find_paged, key, settle, tap
from tests.integration.test_audit import close_overlays
from tests.journeys import walk as walk_items
from tests.screen_audit import screen_audit

PANELS = {"landscape": (1920, 1080), "portrait": (1080, 1920), "small": (1366, 768)}
PANEL_MM_PER_PX = 476.0 / 1920
SIZES = ("normal", "large", "largest")
OTHER_LANGUAGES = ("en", "uk", "tr")
LESSON_STEPS = (("l01-touch", (1, 3, 6, 9, 10, 14)), ("l03-keyboard", (3,)))
TRAINER = [name for name in SCREENS if name.startswith("trainer")] + ["learnerCard"]

# The walks, and the screens and overlays each one looks at.
WALKS: dict[str, tuple[str, ...]] = {
    "start": ("attract", "home", "easier", "report-problem", *TRAINER),
    "report": (
        "report-category", "report-question", "report-location", "report-contact",
        "report-review", "report-receipt", "track", "track-result",
    ),
    "places": ("helpNearby", "places", "place"),
    "departures": ("departures",),
    "lessons": ("lessons", "lesson-step"),
    "overlays": OVERLAYS,
}  # fmt: skip
WALK_OF = {screen: walk for walk, screens in WALKS.items() for screen in screens}

# (walk, panel) -> screen -> findings; filled by the first test that needs a walk
_FOUND: dict[tuple[str, str], dict[str, list[str]]] = {}


class Look:
    """Audits what the kiosk shows at each text size, and once with the keypad's focus."""

    def __init__(self, kiosk: Any, panel: str) -> None:
        self.kiosk, self.panel = kiosk, panel
        self.found: dict[str, list[str]] = defaultdict(list)
        self.lang = "bg"
        self.shot: set[str] = set()

    def sizes(self) -> tuple[int, ...]:
        return (0, 1, 2) if self.lang == "bg" else (2,)

    def begin(self, lang: str) -> None:
        self.lang = lang
        states.begin(self.kiosk, lang)
        self.kiosk.bridges.session.setTextStep(self.sizes()[0])
        flush()

    def __call__(self, state: str, name: str = "") -> None:
        kiosk = self.kiosk
        name = name or kiosk.bridges.nav.screen
        self.found.setdefault(name, [])
        for size in self.sizes():
            kiosk.bridges.session.setTextStep(size)
            flush()
            self.audit(name, state, SIZES[size])
        if self.lang != "bg" or kiosk.window.property("overlay") or _typing(kiosk):
            return
        key(kiosk.window, Qt.Key.Key_Down)  # the keypad's first key: focus is drawn
        flush()
        self.audit(name, state, SIZES[self.sizes()[-1]], keypad=True)
        kiosk.bridges.shell.set_keypad_mode(False)

    def audit(self, name: str, state: str, size: str, keypad: bool = False) -> None:
        # A frame first: a list's pages are laid out only then, and a page that changed is
        # announced on the loop's next passes. Read the voice after that, not before: else the
        # audit compares what was said with a layout the kiosk has not yet spoken for (seen once
        # in a full run: the trainer's lessons list, "the voice said []").
        self.kiosk.window.grabWindow()
        flush()
        said = self.kiosk.bridges.speech.last_screen
        lines = screen_audit(
            self.kiosk.window,
            announced=said[2] if said and not keypad else None,
            more=said[3] if said and not keypad else None,
            keypad=keypad,
        )
        if not lines:
            return
        where = f"{self.panel} {self.lang} {size} {state}" + (" (keypad)" if keypad else "")
        shot = artifacts_dir() / f"screen-audit-{name}-{where.replace(' ', '-')}.png"
        if name not in self.shot:  # the first of each screen: PNG, little compression (fast)
            self.kiosk.window.grabWindow().save(str(shot), "PNG", 90)
            self.shot.add(name)
        self.found[name] += [f"{line}  @ {where} [{shot.name}]" for line in lines]


def flush(rounds: int = 6) -> None:
    """Let bindings, layouts and the zero-interval timers they start run (no waiting)."""
    settle(0, rounds)


def _typing(kiosk: Any) -> bool:
    strip = kiosk.window.findChild(QQuickItem, "typingStrip")
    return strip is not None and strip.isVisible()


# --- the walks ---------------------------------------------------------------------------------
def walk_start(kiosk: Any, look: Look) -> None:
    for name in ("home", "easier", "report-problem", *TRAINER):
        kiosk.bridges.nav.go("home")
        if name != "home":
            kiosk.bridges.nav.go(name)
        flush()
        if name == "trainerGuided":  # its lessons are read in a thread, as the screen opens
            ready = lambda g=kiosk.bridges.guided: bool(g.lessons or g.problem)  # noqa: E731
            states.wait(ready, "the lessons")
            flush()
        look("opened")
        if name == "trainerPrint":
            walk_print_steps(kiosk, look)
    kiosk.bridges.nav.reset()
    flush()
    look("waiting", "attract")


def walk_print_steps(kiosk: Any, look: Look) -> None:
    """Learner cards and certificates: each job's step, reached by touch from the choice (a new
    card made, with its code; a certificate's fields; forgetting a card), typing in it, and its
    action refused with nothing typed (the answer shows under the fields)."""
    desk = kiosk.bridges.trainer_desk
    for choice, state, action in (
        ("printNewCard", "card made", ""),
        ("printCertificateStep", "certificate", "printCertificate"),
        ("forgetCardStep", "forget", "forgetCard"),
    ):
        tap(kiosk.window, find_paged(kiosk.window, choice))
        states.wait(lambda: not desk.busy, "the trainer's desk")
        flush()
        look(state)
        if action:
            states.show_keyboard(kiosk)
            look(f"{state} typing")
            states.hide_keyboard(kiosk)
            # the footer's action with nothing typed: what to type is said under the fields
            tap(kiosk.window, find(kiosk.window, action))
            states.wait(lambda: not desk.busy and desk.message != "", "the desk's answer")
            flush()
            look(f"{state} refused")
        tap(kiosk.window, find(kiosk.window, "printBack"))  # to the choice
        flush()


def walk_report(kiosk: Any, look: Look) -> None:
    states.start_report(kiosk)
    for step in states.report_steps(kiosk):
        look(step["id"])
        if step["kind"] in ("text", "longtext"):
            states.show_keyboard(kiosk)
            look(f"{step['id']} typing")
            states.hide_keyboard(kiosk)
        if step["id"] == "attr:DANGER":
            show_overlay(kiosk, "help")
            flush()
            look(f"{step['id']} help", "help")
            close_overlays(kiosk)
    states.send_report(kiosk)
    look("sent")
    number = str(kiosk.bridges.report.receipt["number"])
    kiosk.bridges.nav.go("home")
    kiosk.bridges.nav.go("track")
    flush()
    look("empty")
    states.track(kiosk, number)
    look("found")


def walk_places(kiosk: Any, look: Look) -> None:
    for at in states.JOURNEYS["places"]:
        states.reach(kiosk, "places", at)
        look(at)
        kiosk.bridges.nav.go("home")


def walk_departures(kiosk: Any, look: Look) -> None:
    states.reach(kiosk, "departures")
    look("board")


def walk_lessons(kiosk: Any, look: Look) -> None:
    states.reach(kiosk, "lessons")
    look("list")
    for lesson, steps in LESSON_STEPS:
        for step in steps:
            states.reach(kiosk, "lesson", lesson=lesson, step=step)
            look(f"{lesson} step {step}")
            if kiosk.bridges.lessons.questionType:
                answer_first(kiosk, look, f"{lesson} step {step}")


def answer_first(kiosk: Any, look: Look, where: str) -> None:
    """A question answered by touch (its first answer): the answer's feedback, then the screen
    once any dialog it opened is closed."""
    first = next(i for i in walk_items(kiosk.window.contentItem())
                 if i.objectName().startswith("option-") and i.isVisible())  # fmt: skip
    tap(kiosk.window, first, reveal=False)  # a touch: no keypad focus
    flush()
    look(f"{where} answered")
    dialog = kiosk.window.findChild(QQuickItem, "feedbackDialog")
    if dialog is not None and dialog.isVisible():
        tap(kiosk.window, find(kiosk.window, "feedbackClose"), reveal=False)
        flush()
        look(f"{where} answered, its feedback closed")


def walk_overlays(kiosk: Any, look: Look) -> None:
    for name in OVERLAYS:
        kiosk.bridges.nav.go("home")
        show_overlay(kiosk, name)
        flush()
        look("over home", name)
        close_overlays(kiosk)


WALKERS: dict[str, Callable[[Any, Look], None]] = {
    "start": walk_start,
    "report": walk_report,
    "places": walk_places,
    "departures": walk_departures,
    "lessons": walk_lessons,
    "overlays": walk_overlays,
}


def survey(make_kiosk: Any, tmp_path_factory: Any, walk: str, panel: str) -> dict[str, list[str]]:
    if (walk, panel) not in _FOUND:
        width, height = PANELS[panel]
        kiosk = make_kiosk(
            Settings({
                "session.tap_filter_ms": 0,
                "paths.data_dir": str(tmp_path_factory.mktemp("data")),
                "site.address": "пл. „Славейков“ 4",
            }),
            backend=True, size=(width, height), panel_mm=width * PANEL_MM_PER_PX,
        )  # fmt: skip
        look = Look(kiosk, panel)
        for lang in ("bg", *OTHER_LANGUAGES):
            look.begin(lang)
            WALKERS[walk](kiosk, look)
        _FOUND[(walk, panel)] = dict(look.found)
    return _FOUND[(walk, panel)]


# Screens that still fail the audit somewhere (a panel, a language, a size): each is known and
# named here with what fails, and the mark is strict: it must go as soon as the screen passes.
PENDING: dict[str, str] = {}


# screens whose state depends on the hour (a timetable's departures): a pass there is not news
UNSTEADY: set[str] = set()


def every_screen() -> Iterator[Any]:
    """Each screen on each panel; the tests of one walk on one panel go to one worker (the
    first of them walks, the others read what it found), the walks to different workers."""
    for name in (*SCREENS, *OVERLAYS):
        for panel in PANELS:
            marks = []
            if name in PENDING:
                strict = name not in UNSTEADY
                marks.append(pytest.mark.xfail(strict=strict, reason=PENDING[name]))
            yield pytest.param(name, panel, marks=marks, id=f"{WALK_OF[name]}-{panel}:{name}")


def test_every_screen_and_overlay_has_a_walk() -> None:
    assert sorted(WALK_OF) == sorted((*SCREENS, *OVERLAYS))


@pytest.mark.slow
@pytest.mark.parametrize(("name", "panel"), list(every_screen()))
def test_the_screen_passes_the_screen_audit(
    make_kiosk: Any, tmp_path_factory: Any, name: str, panel: str
) -> None:
    found = survey(make_kiosk, tmp_path_factory, WALK_OF[name], panel)
    assert name in found, f"the {WALK_OF[name]} walk never showed {name} on {panel}"
    assert not found[name], summary(found[name])


def summary(problems: list[str]) -> str:
    """Each finding once, with how often and where it was seen first (a panel, a language, a
    size, a state) and its picture."""
    seen: dict[str, list[str]] = defaultdict(list)
    for line in problems:
        finding, where = line.split("  @ ", 1)
        seen[finding].append(where)
    lines = [f"{len(wheres)}× {finding}  @ {wheres[0]}" for finding, wheres in seen.items()]
    return f"{len(problems)} findings, {len(seen)} different:\n" + "\n".join(lines[:40])
