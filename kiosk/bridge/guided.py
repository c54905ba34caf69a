"""`Guided` in QML: the trainer steps a group through a lesson; a presenter view on a second
screen shows the trainer's notes, the next step and the time.

Built on the lesson model (the lesson library) so that it works as a projector deck on its own: the
group watches the big screen, the trainer talks, and practice steps can be skipped when the
group practises on their own kiosks.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from kiosk.bridge.qt import Property, asyncSlot
from kiosk.core import stats
from kiosk.i18n import _, current_language

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.core.lessons import Course, Lesson
    from kiosk.services.lessons.library import Library

    from .trainer_desk import TrainerDeskBridge
    from .usage import Usage

log = logging.getLogger(__name__)
PRACTICE_TYPES = frozenset({"try", "practice", "quiz"})


class GuidedBridge(QObject):
    changed = Signal()
    tick = Signal()

    def __init__(
        self,
        desk: TrainerDeskBridge,
        usage: Usage,
        clock: Callable[[], float] = time.monotonic,
        speak: Callable[[str], None] = lambda text: None,
        library: Library | None = None,
    ) -> None:
        super().__init__()
        self._desk, self._usage = desk, usage
        self._library = library
        self._speak = speak
        self._clock = clock
        self._course: Course | None = None
        self._lesson: Lesson | None = None
        self._step = 0
        self._started = 0.0
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._problem = ""
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)

    # --- the course ------------------------------------------------------------------------
    @asyncSlot()
    async def openCourse(self) -> None:
        if self._course is not None:
            return
        # the lesson library is imported when a trainer first asks, not at start-up
        from kiosk.services.lessons.library import Library

        library = self._library if self._library is not None else Library()
        shelf = await asyncio.to_thread(library.load, current_language())
        if shelf.course.lessons:
            self._course = shelf.course
        else:
            self._problem = _("The lessons could not be read. Please tell the kiosk's installer.")
        self.changed.emit()

    @Property("QVariantList", notify=changed)
    def lessons(self) -> list[dict[str, Any]]:
        if self._course is None:
            return []
        return [{"id": lesson.id, "title": lesson.title} for lesson in self._course.lessons]

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._problem

    # --- running a lesson ------------------------------------------------------------------
    @Slot(str)
    def start(self, lesson_id: str) -> None:
        if self._course is None:
            return
        self._lesson = next((x for x in self._course.lessons if x.id == lesson_id), None)
        if self._lesson is None:
            return
        self._step = 0
        self._started = self._clock()
        self._paused_at = None
        self._paused_total = 0.0
        self._timer.start()
        self._usage.count(stats.LESSON_STARTED, lesson_id)
        log.info("guided lesson %s", lesson_id)
        self._entered()

    @Property(bool, notify=changed)
    def running(self) -> bool:
        return self._lesson is not None

    @Slot()
    def next(self) -> None:
        if self._lesson is None or self._paused_at is not None:
            return
        if self._step + 1 < len(self._lesson.steps):
            self._step += 1
        else:
            self.finish()
            return
        self._entered()

    @Slot()
    def back(self) -> None:
        if self._lesson is not None and self._step > 0 and self._paused_at is None:
            self._step -= 1
            self._entered()

    @Slot()
    def skipPractice(self) -> None:
        """Past this and any following practice steps (the group practises on their kiosks)."""
        if self._lesson is None or self._paused_at is not None:
            return
        steps = self._lesson.steps
        i = self._step + 1
        while i < len(steps) and steps[i].type in PRACTICE_TYPES:
            i += 1
        if i >= len(steps):
            self.finish()
            return
        self._step = i
        self._entered()

    def _entered(self) -> None:
        self.changed.emit()
        self.replay()

    @Slot()
    def replay(self) -> None:
        """Play the step's narration for the room (once on arrival; again on request)."""
        if self._lesson is not None:
            narration = self._lesson.steps[self._step].narration
            if narration.tts_allowed and narration.text:
                self._speak(narration.text)

    @Slot()
    def togglePause(self) -> None:
        if self._lesson is None:
            return
        if self._paused_at is None:
            self._paused_at = self._clock()
        else:
            self._paused_total += self._clock() - self._paused_at
            self._paused_at = None
        self.changed.emit()

    @Slot()
    def finish(self) -> None:
        """The lesson ran to its end: it counts, and today's certificates may list it."""
        if self._lesson is None:
            return
        lesson_id = self._lesson.id
        if lesson_id not in self._desk.guided_today:
            self._desk.guided_today.append(lesson_id)
        self._usage.count(stats.LESSON_COMPLETED, lesson_id)
        self.stop()

    @Slot()
    def stop(self) -> None:
        self._lesson = None
        self._timer.stop()
        self.changed.emit()

    def reset(self) -> None:
        self.stop()

    # --- what the screens show -------------------------------------------------------------
    @Property(str, notify=changed)
    def lessonTitle(self) -> str:
        return self._lesson.title if self._lesson else ""

    @Property(int, notify=changed)
    def stepNumber(self) -> int:
        return self._step + 1 if self._lesson else 0

    @Property(int, notify=changed)
    def stepCount(self) -> int:
        return len(self._lesson.steps) if self._lesson else 0

    @Property(str, notify=changed)
    def stepTitle(self) -> str:
        return self._lesson.steps[self._step].title if self._lesson else ""

    @Property(str, notify=changed)
    def stepBody(self) -> str:
        return self._lesson.steps[self._step].body.strip() if self._lesson else ""

    @Property(bool, notify=changed)
    def isPractice(self) -> bool:
        lesson = self._lesson
        return lesson is not None and lesson.steps[self._step].type in PRACTICE_TYPES

    @Property(str, notify=changed)
    def nextTitle(self) -> str:
        if self._lesson is None or self._step + 1 >= len(self._lesson.steps):
            return _("The end of the lesson")
        return self._lesson.steps[self._step + 1].title

    @Property(str, notify=changed)
    def notes(self) -> str:
        return self._lesson.trainer.notes.strip() if self._lesson else ""

    @Property(bool, notify=changed)
    def paused(self) -> bool:
        return self._paused_at is not None

    @Property(str, notify=tick)
    def elapsed(self) -> str:
        """Minutes and seconds since the lesson began, pauses not counted."""
        if self._lesson is None:
            return "0:00"
        end = self._paused_at if self._paused_at is not None else self._clock()
        seconds = int(max(0.0, end - self._started - self._paused_total))
        return f"{seconds // 60}:{seconds % 60:02d}"

    @Property(str, notify=changed)
    def plannedMinutes(self) -> str:
        return str(self._lesson.est_minutes.guided) if self._lesson else ""

    @Property(bool, notify=changed)
    def presenterAvailable(self) -> bool:
        """A second screen is connected: the presenter view goes there."""
        return len(QGuiApplication.screens()) > 1

    @Property("QVariantList", notify=changed)
    def presenterGeometry(self) -> list[int]:
        """x, y, width, height of the second screen (the presenter window is placed there, and
        Qt gives a window the screen it lies on)."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return [0, 0, 0, 0]
        g = screens[1].geometry()
        return [g.x(), g.y(), g.width(), g.height()]
