"""`Learner` in QML: a resident carries on with a learner card by typing its code; "forget me".

`CardProgress` is the lesson player's progress store: the session's progress as before, plus,
once a card's code is typed, the same written to the card (by hash) and counted anonymously.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.bridge.qt import Property, asyncSlot
from kiosk.core import learners, stats
from kiosk.core.lesson_progress import Resume, SessionProgress
from kiosk.i18n import _, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.services.lessons.learners import LearnerStore

    from .usage import Usage

log = logging.getLogger(__name__)


class CardProgress(SessionProgress):
    """Session progress that also counts lessons and writes them to a typed-in learner card."""

    def __init__(self, usage: Usage) -> None:
        super().__init__()
        self._usage = usage
        self.code: str | None = None  # in memory for this session only
        self._started: set[str] = set()

    def resume_point(self, lesson_id: str) -> Resume | None:
        # the player asks this when a lesson opens: the moment it counts as started
        if lesson_id not in self._started:
            self._started.add(lesson_id)
            self._usage.count(stats.LESSON_STARTED, lesson_id)
            if self.code is not None:
                self._usage.record(self.code, lesson_id, learners.STARTED)
        return super().resume_point(lesson_id)

    def mark_completed(self, lesson_id: str) -> None:
        if lesson_id not in self.completed():
            self._usage.count(stats.LESSON_COMPLETED, lesson_id)
            if self.code is not None:
                self._usage.record(self.code, lesson_id, learners.COMPLETED)
        super().mark_completed(lesson_id)

    def load(self, code: str, progress: learners.Progress) -> None:
        """A card was typed: its finished lessons join this session's, and new ones go to it."""
        self.code = code
        for lesson_id in progress.completed():
            super().mark_completed(lesson_id)
        for lesson_id in self.completed():  # finished before the code was typed, this visit
            self._usage.record(code, lesson_id, learners.COMPLETED)

    def clear(self) -> None:
        super().clear()
        self.code = None
        self._started.clear()


class LearnerBridge(QObject):
    changed = Signal()

    def __init__(
        self,
        progress: CardProgress,
        learners: LearnerStore,
        speak: Callable[[str], None],
        lessons_changed: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__()
        self._progress = progress
        self._learners = learners
        self._speak = speak
        self._lessons_changed = lessons_changed
        self._message = ""
        self._busy = False

    @Property(bool, notify=changed)
    def hasCard(self) -> bool:
        return self._progress.code is not None

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property(str, constant=True)
    def codeAlphabet(self) -> str:
        """The symbols a card's code is made of: the code keypad shows exactly these."""
        return learners.ALPHABET

    @Property(int, constant=True)
    def codeLength(self) -> int:
        return learners.CODE_LENGTH

    def _say(self, text: str, busy: bool = False) -> None:
        self._message, self._busy = text, busy
        self.changed.emit()
        if text:
            self._speak(text)  # never the code itself: it stays on the screen only

    @asyncSlot(str)
    async def resume(self, typed: str) -> None:
        if self._busy:
            return
        code = learners.normalise(typed)
        if code is None:
            self._say(
                _(
                    "A card code has 8 letters and numbers, like K7MW-3QXD. Please check it and "
                    "type it again."
                )
            )
            return
        self._say(_("Looking for your card…"), busy=True)
        try:
            found = await self._learners.resume(code)
        except Exception:
            log.exception("learner card lookup")
            self._say(_("The kiosk cannot look up cards just now. Please ask a member of staff."))
            return
        if found is None:
            self._say(
                _(
                    "That code is not known. Cards not used for a long time are deleted. A trainer "
                    "can give you a new card."
                )
            )
            return
        self._progress.load(code, found)
        self._lessons_changed()
        n = len(self._progress.completed())
        self._say(
            ngettext(
                "Welcome back. You have finished %(n)d lesson.",
                "Welcome back. You have finished %(n)d lessons.",
                n,
            )
            % {"n": n}
        )

    @asyncSlot()
    async def forgetMe(self) -> None:
        """Delete the typed card and all its progress from the kiosk."""
        code = self._progress.code
        if code is None or self._busy:
            return
        await self._learners.forget(code)
        self._progress.clear()
        self._lessons_changed()
        self._say(_("Your card and everything it remembered are deleted from this kiosk."))

    def reset(self) -> None:
        self._message, self._busy = "", False
        self.changed.emit()
