"""`TrainerDesk` in QML: the trainer's menu behind the PIN — cards, certificates, progress,
statistics, the outbox and the portal switch — and the anonymous counting of sessions.

Trainer mode ends when the trainer leaves the trainer screens (Nav) and at every session wipe.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date
from PySide6.QtCore import QObject, Signal, Slot

from kiosk.bridge.qt import Property, asyncSlot
from kiosk.bridge.trainer import TRAINER_SCREENS
from kiosk.config import Settings
from kiosk.config import schema as opt
from kiosk.core import learners
from kiosk.i18n import _, ngettext
from kiosk.services.lessons.learners import LearnerStore
from kiosk.services.storage.database import StorageError
from kiosk.services.trainer.stats import StatsStore, removable_folders

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.services.lessons.library import Library
    from kiosk.services.printing.certificates import LessonDone
    from kiosk.services.reports.outbox import Outbox

    from .backend import BackendBridge
    from .trainer import TrainerBridge
    from .usage import Usage

log = logging.getLogger(__name__)


class TrainerDeskBridge(QObject):
    """The trainer's desk; `outbox` is None in hand-off mode (nothing is sent)."""

    changed = Signal()
    ended = Signal()  # trainer mode is over: the other trainer bridges drop their state

    def __init__(
        self,
        settings: Settings,
        *,
        stats: StatsStore,
        learners: LearnerStore,
        outbox: Outbox | None,
        usage: Usage,
        backend: BackendBridge,
        trainer: TrainerBridge,
        speak: Callable[[str], None],
        session_dir: Path,
        clock: Callable[[], float] = time.time,
        library: Library | None = None,
    ) -> None:
        super().__init__()
        self._settings = settings
        self._stats, self._learners, self._outbox = stats, learners, outbox
        self.usage = usage  # the guided lessons count through it
        self._backend = backend  # the database's state, for the staff notice
        self._library = library
        self._lessons_notice = ""
        self._staff_notice = ""
        self._trainer = trainer
        self._speak = speak
        self._session_dir = session_dir
        self._clock = clock
        self._busy = False
        self._message = ""
        self._card_code = ""
        self._outbox_text = ""
        self._progress_text = ""
        self.guided_today: list[str] = []  # lesson ids run as guided lessons in this visit

    # --- state shown in QML --------------------------------------------------------------
    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property(str, notify=changed)
    def cardCode(self) -> str:
        """The code of the card just made, shown once for the trainer to hand over."""
        return learners.show(self._card_code) if self._card_code else ""

    @Property(str, notify=changed)
    def outboxText(self) -> str:
        return self._outbox_text

    @Property(str, notify=changed)
    def progressText(self) -> str:
        return self._progress_text

    @Property(str, notify=changed)
    def lessonsNotice(self) -> str:
        """Lesson folders the kiosk refused (their files have errors): which, and what to do."""
        return self._lessons_notice

    @Property(str, notify=changed)
    def staffNotice(self) -> str:
        """Faults the kiosk works around (database, PIN lock, outbox), for staff ('' if none)."""
        return self._staff_notice

    @asyncSlot()
    async def checkKiosk(self) -> None:
        """The trainer's menu opened: gather what staff must know about the kiosk's faults."""
        from kiosk.bridge.staff_notices import outbox_notes, pin_lock_note

        notes = [self._backend.storageProblem, pin_lock_note(self._trainer.lockProblem)]
        try:
            if self._outbox is not None:
                status = await self._outbox.status()
                notes += outbox_notes(status, self._settings[opt.OUTBOX_RETENTION_DAYS])
        except StorageError as exc:
            log.error("staff notice: %s", exc.detail)
        self._staff_notice = "\n".join(note for note in dict.fromkeys(notes) if note)
        self.changed.emit()

    @Property("QStringList", notify=changed)
    def drives(self) -> list[str]:
        return [str(p) for p in removable_folders()]

    @Property(str, constant=True)
    def portalMode(self) -> str:
        return self._settings[opt.PORTAL_MODE]

    @Property(bool, constant=True)
    def realPortalConfigured(self) -> bool:
        return bool(self._settings[opt.OPEN311_URL])

    # --- lessons the kiosk refused ---------------------------------------------------------
    def _lesson_library(self) -> Library:
        if self._library is None:
            from kiosk.services.lessons.library import Library

            self._library = Library()
        return self._library

    @asyncSlot()
    async def checkLessons(self) -> None:
        """The trainer's menu opened: tell the trainer about lesson folders that were refused."""
        shelf = await asyncio.to_thread(self._lesson_library().load, "bg")
        self._lessons_notice = ""
        if shelf.refused:
            names = ", ".join(refusal.source.name for refusal in shelf.refused)
            first = shelf.refused[0].problems[0] if shelf.refused[0].problems else ""
            # TRANSLATORS: {names} are lesson folders (packages); {first} is the validator's
            # first message, e.g. "l03.yaml:12: error: step 's2' has no narration".
            self._lessons_notice = _(
                "Some lessons are not shown because their files have mistakes: {names}. The "
                "other lessons work. Please tell the kiosk's installer. The first mistake: {first}"
            ).format(names=names, first=first)
        self.changed.emit()

    @Slot()
    def clearMessage(self) -> None:
        """A new job on a trainer screen: what the last one said is not about it."""
        if self._message and not self._busy:
            self._message = ""
            self.changed.emit()

    def _say(self, text: str, busy: bool = False) -> None:
        self._message = text
        self._busy = busy
        self.changed.emit()
        if text:
            self._speak(text)

    # --- trainer mode ends ---------------------------------------------------------------
    def screen_changed(self, screen: str) -> None:
        """Nav moved: outside the trainer screens trainer mode is over."""
        if screen not in TRAINER_SCREENS and self._trainer.unlocked:
            log.info("trainer mode ended")
            self._trainer.lock()
            self.reset()
            self.ended.emit()

    def reset(self) -> None:
        """Wipe hook: nothing of the trainer's visit stays on screen."""
        self._message = self._card_code = self._outbox_text = self._progress_text = ""
        self._busy = False
        self.guided_today.clear()
        self.changed.emit()

    # --- cards and certificates ----------------------------------------------------------
    @asyncSlot()
    async def newCard(self) -> None:
        if self._busy:
            return
        self._card_code = ""  # the last card's code is not shown as this one's
        self._say(_("Making a learner card…"), busy=True)
        try:
            code = await self._learners.new_card()
        except Exception:
            log.exception("learner card")
            self._say(_("The card could not be made. The kiosk cannot save right now."))
            return
        self._card_code = code
        from kiosk.services.printing.certificates import print_card  # printing loads on first use

        result = print_card(code, self._settings[opt.VENUE_NAME], self._session_dir)
        if result.printed:
            self._say(_("The card is printing. Please take it from the printer."))
        elif result.pdf is not None:  # a file in this visit's folder nobody can take home
            self._say(_("There is no printer here. Copy the code onto a card by hand."))
        else:
            self._say(result.message)

    @asyncSlot(str, str)
    async def printCertificate(self, name: str, code: str) -> None:
        """A certificate for `name` (never stored) with the lessons of card `code`, or, without a
        code, the lessons run as guided lessons in this trainer visit."""
        if self._busy:
            return
        if not name.strip():
            self._say(_("Type the learner's name first. It is printed and not kept."))
            return
        lesson_ids = list(self.guided_today)
        if code.strip():
            clean = learners.normalise(code)
            progress = None
            if clean is not None:
                self._say(_("Looking up the card…"), busy=True)
                progress = await self._learners.resume(clean)
            if progress is None:
                self._say(
                    _(
                        "That card code is not known. Check the 8 characters on the card, or "
                        "leave the code empty to print the lessons of today's class."
                    )
                )
                return
            lesson_ids = sorted(set(progress.completed()) | set(lesson_ids))
        if not lesson_ids:
            self._say(_("No finished lessons to print yet. Run a guided lesson or type a code."))
            return
        self._say(_("Printing the certificate…"), busy=True)
        done = await self._lessons_done(lesson_ids)
        day = format_date(datetime.fromtimestamp(self._clock()).date(), "long", locale="bg")
        from kiosk.services.printing.certificates import print_certificate

        result = print_certificate(
            name, done, self._settings[opt.VENUE_NAME], day, self._session_dir
        )
        del name  # the name lived only for the page
        self._say(result.message)

    async def _lessons_done(self, lesson_ids: list[str]) -> list[LessonDone]:
        from kiosk.services.printing.certificates import LessonDone

        course = (await asyncio.to_thread(self._lesson_library().load, "bg")).course
        known = {lesson.id: lesson for lesson in course.lessons}
        return [
            LessonDone(known[i].title, tuple(sorted({c.id for c in known[i].competences})))
            for i in lesson_ids
            if i in known
        ]

    @asyncSlot(str)
    async def forgetCard(self, code: str) -> None:
        clean = learners.normalise(code)
        if clean is None:
            self._say(_("A card code has 8 letters and digits. Please check it."))
            return
        gone = await self._learners.forget(clean)
        self._say(_("The card and its progress are deleted.") if gone else _("No such card."))

    # --- progress, outbox ----------------------------------------------------------------
    @asyncSlot()
    async def refreshProgress(self) -> None:
        cards, lessons = await self._learners.summary()
        floor = self._settings[opt.STATS_SUPPRESS_BELOW]
        shown = [f"{i}: {n if n >= floor else f'<{floor}'}" for i, n in lessons.items()]
        text = ngettext("%(n)d learner card in use.", "%(n)d learner cards in use.", cards) % {
            "n": cards
        }
        if shown:
            text += " " + _("Finished, by lesson: %s.") % "; ".join(shown)
        self._progress_text = text
        self.changed.emit()

    @asyncSlot()
    async def refreshOutbox(self) -> None:
        if self._outbox is None or not self._outbox.sends_reports:
            self._outbox_text = _("Reports are not sent from this kiosk (hand-off mode).")
        else:
            s = await self._outbox.status()
            text = _("Waiting to be sent: %(w)d. Delivered: %(d)d. Refused: %(r)d.") % {
                "w": s.waiting,
                "d": s.delivered,
                "r": s.rejected,
            }
            if s.oldest_waiting_seconds is not None:
                text += " " + _("The oldest has waited %d minutes.") % (
                    s.oldest_waiting_seconds // 60
                )
            from kiosk.bridge.staff_notices import outbox_notes

            days = self._settings[opt.OUTBOX_RETENTION_DAYS]
            text = " ".join([text, *outbox_notes(s, days)])
            self._outbox_text = text
        self.changed.emit()

    @asyncSlot()
    async def sendNow(self) -> None:
        if self._outbox is not None:
            await self._outbox.retry_now()
        self._say(_("The kiosk is trying to send the waiting reports now."))
        await self.refreshOutbox()

    # --- statistics export ---------------------------------------------------------------
    @asyncSlot(str)
    async def exportStats(self, folder: str) -> None:
        """Save this month's and last month's counts as CSV in `folder` (a USB stick)."""
        if self._busy:
            return
        target = Path(folder.strip())
        if not folder.strip() or not target.is_dir():
            self._say(_("That folder does not exist. Plug in the USB stick or check the path."))
            return
        today = datetime.fromtimestamp(self._clock()).date()
        first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        self._say(_("Saving the statistics…"), busy=True)
        try:
            path = await self._stats.export(
                target, first, today, self._settings[opt.STATS_SUPPRESS_BELOW]
            )
        except OSError:
            log.exception("statistics export")
            self._say(_("The file could not be saved there. Is the stick full or locked?"))
            return
        self._say(_("Saved as %s. You can remove the stick now.") % path.name)
