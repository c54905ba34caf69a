"""`Lessons` in QML: the course (loaded when the lessons screen opens), progress, and the player.

The lessons come from the kiosk's lesson library (kiosk/services/lessons/library.py: the
installed content packages and the site's folder, each with its own catalogs). A lesson is shown
in the interface language when its folder's catalog translates all of it, otherwise in
Bulgarian, the course's own language; `languageNotice` says so on screen, and each lesson in the
list names the languages it has. The lessons are read again for each new person, so a content
package installed meanwhile is there for the next one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal, Slot

from kiosk.bridge.lesson_languages import language_names, language_notice
from kiosk.bridge.lesson_step import (
    hint_target,
    options,
    spoken_step,
    view,
    widget_params,
)
from kiosk.bridge.qt import Property, asyncSlot
from kiosk.core.errors import PortalError
from kiosk.core.lesson_player import Player
from kiosk.core.lesson_progress import ProgressStore, SessionProgress
from kiosk.core.portal import NewRequest
from kiosk.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from kiosk.core.lessons import Course, Lesson
    from kiosk.services.lessons.languages import CourseLanguages
    from kiosk.services.lessons.library import Library
    from kiosk.services.portals.open311 import Open311Client

log = logging.getLogger(__name__)


class LessonsBridge(QObject):
    changed = Signal()  # the course or the progress
    stepChanged = Signal()  # anything about the current step

    def __init__(
        self,
        language: Callable[[], str],
        speak: Callable[..., None],  # (text, voice="") — voice "other": a pretend caller
        practice: Open311Client | None = None,
        progress: ProgressStore | None = None,
        library: Library | None = None,
    ) -> None:
        super().__init__()
        self._library = library
        self._roots: dict[str, Path] = {}  # lesson id -> its course folder (for its images)
        self._player: Player | None = None
        self._hint = ""
        self._busy = False
        # The practice portal (never the city's, whatever the mode) for the practice form.
        self._language, self._speak, self._practice = language, speak, practice
        self._progress: ProgressStore = progress or SessionProgress()
        self._course: Course | None = None  # the course in the interface language (or Bulgarian)
        self._course_lang = ""
        self._languages: CourseLanguages | None = None  # Bulgarian course, languages per lesson
        self._in_lesson = False  # the step screen is open (the notice is about its lesson)
        self._problem = ""

    # --- the course ------------------------------------------------------------------------
    @Slot()
    def openCourse(self) -> None:
        """Load (or reload after a language change) the course; never before the first frame."""
        ui = self._language()
        if self._in_lesson:
            self._in_lesson = False
            self.changed.emit()
        if self._course is not None and self._course_lang == ui:
            return
        if self._library is None:
            # the loader (YAML, the model) is imported here, when the lessons screen first opens
            from kiosk.services.lessons.library import Library

            self._library = Library()
        shelf = self._library.load(ui)
        self._course, self._languages, self._roots = shelf.course, shelf.languages, shelf.roots
        self._problem = ""
        if not shelf.course.lessons:
            self._course, self._languages = None, None
            self._problem = _("The lessons cannot be shown just now. Please ask a member of staff.")
        self._course_lang = ui
        if self._player is not None and self._course is not None:
            # the same lesson in the new language (when it has it), at the same step
            at = self._player.snapshot()
            self._player = Player.resume(self._shown(self._player.lesson.id), at)
        self.changed.emit()
        self.stepChanged.emit()

    def _shown(self, lesson_id: str) -> Lesson:
        """The lesson as shown: in the interface language when complete in it, else Bulgarian."""
        assert self._course is not None
        known = self._languages
        if known is None or known.has(lesson_id, self._course_lang):
            return self._course.lesson(lesson_id)
        return known.source.lesson(lesson_id)

    @Slot()
    def relanguage(self) -> None:
        """The interface language changed: show the lessons in it, if they were open."""
        if self._course is not None:
            in_lesson = self._in_lesson
            self.openCourse()
            self._in_lesson = in_lesson
            self.changed.emit()

    @property
    def course(self) -> Course | None:
        return self._course

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._problem

    @Property(str, notify=changed)
    def languageNotice(self) -> str:
        lesson = self._player.lesson.id if self._player is not None and self._in_lesson else None
        return language_notice(self._languages, self._language(), lesson)

    @Property("QVariantList", notify=changed)
    def modules(self) -> list[dict[str, Any]]:
        if self._course is None:
            return []
        done, started = self._progress.completed(), self._progress.in_progress()
        return [
            {
                "id": mod.id,
                "title": mod.title,
                "summary": mod.summary,
                "lessons": [
                    {
                        "id": lesson.id,
                        "title": self._shown(lesson.id).title,
                        "minutes": lesson.est_minutes.self,
                        "languages": language_names(self._languages, lesson.id),
                        "done": lesson.id in done,
                        "started": lesson.id in started,
                    }
                    for lesson in mod.lessons
                ],
            }
            for mod in self._course.modules
        ]

    # --- choosing and leaving a lesson -----------------------------------------------------
    @Slot(str)
    def start(self, lesson_id: str) -> None:
        """Open a lesson where this person left it, or at its first step."""
        self.openCourse()
        if self._course is None:
            return
        lesson = self._shown(lesson_id)
        self._player = Player.resume(lesson, self._progress.resume_point(lesson_id))
        self._in_lesson = True
        self.changed.emit()
        self._entered()

    def _ensure_player(self) -> Player | None:
        """The step screen opened directly (audit, screenshots): the first lesson's first step."""
        if self._player is None:
            self.openCourse()
            if self._course is not None and self._course.lessons:
                self._player = Player.resume(self._shown(self._course.lessons[0].id), None)
        return self._player

    @Slot()
    def prepare(self) -> None:
        """The step screen opened: make sure a lesson is open (the first one, if none is)."""
        if self._player is None and self._ensure_player() is not None:
            self.stepChanged.emit()
        if not self._in_lesson:
            self._in_lesson = True
            self.changed.emit()

    def show_step(self, lesson_id: str, step: int) -> None:
        """Open a given step (1-based) of a lesson: screenshots and tests."""
        self.start(lesson_id)
        if self._player is not None:
            self._player.go(max(0, min(step - 1, len(self._player.steps) - 1)) - self._player.index)
            self._entered(speak=False)

    @Slot()
    def leave(self) -> None:
        """Leave mid-lesson: the place is kept for this session."""
        if self._player is not None:
            self._progress.save_resume(self._player.lesson.id, self._player.snapshot())
        self._in_lesson = False
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        """The session wipe: forget progress and the open lesson."""
        self._progress.clear()
        self._player, self._hint, self._busy = None, "", False
        self._in_lesson = False
        self._course = None  # read again for the next person: new lessons may be installed
        self.changed.emit()
        self.stepChanged.emit()

    # --- moving through steps --------------------------------------------------------------
    def _entered(self, speak: bool = True) -> None:
        self._hint = ""
        player = self._player
        if player is not None:
            self._progress.save_resume(player.lesson.id, player.snapshot())
            if speak:
                self.narrate()
        self.stepChanged.emit()

    @Slot()
    def narrate(self) -> None:
        """Speak the step's narration, and a question with its options (the caption highlights
        each word as it is said)."""
        player = self._ensure_player()
        if player is not None:
            text = spoken_step(player.step)
            if text:
                self._speak(text)

    @Slot()
    def next(self) -> None:
        player = self._ensure_player()
        if player is None:
            return
        if player.last:
            if player.complete:
                self._progress.mark_completed(player.lesson.id)
                self._speak(_("Well done! You have finished this lesson."))
            else:
                # TRANSLATORS: the last step of a lesson, with a practice or question left open.
                self._speak(
                    _(
                        "You reached the end. Some practice is still open: the lesson waits "
                        "for you where it is."
                    )
                )
            self._progress.save_resume(
                player.lesson.id, None if player.complete else player.snapshot()
            )
            self.changed.emit()
            return
        player.go(1)
        self._entered()

    @Slot()
    def back(self) -> None:
        player = self._ensure_player()
        if player is not None and player.go(-1):
            self._entered()

    # --- hints, practice and questions -----------------------------------------------------
    @Slot()
    def askHint(self) -> None:
        player = self._ensure_player()
        if player is not None:
            self._hint = player.hint()
            self._speak(self._hint)
            self.stepChanged.emit()

    @Slot()
    def paused(self) -> None:
        """No touch for a while: show the first hint (no time limit, nothing is taken away)."""
        player = self._ensure_player()
        if player is not None and player.hint_level < 0 and not player.done and player.step.hints:
            player.climb_without_doing()
            self._hint = player.step.hints[player.hint_level].text
            self.stepChanged.emit()

    @Slot(str, str)
    def act(self, kind: str, value: str) -> None:
        player = self._ensure_player()
        if player is None:
            return
        verdict = player.act(kind, value)
        self._after_verdict(player, verdict.feedback)

    def _after_verdict(self, player: Player, feedback: str) -> None:
        if not player.feedback_right and player.hint_level >= 0:
            self._hint = player.step.hints[player.hint_level].text
        if feedback:
            self._speak(feedback)
        self.stepChanged.emit()

    @Slot(str)
    def hearLine(self, node_id: str) -> None:
        """Say a line of a pretend phone call (call_sim): the caller's in the second voice of
        the speech port, a narrator's note in the narrator's."""
        player = self._ensure_player()
        widget = player.step.widget if player is not None else None
        if widget is None or widget.type != "call_sim":
            return
        nodes = widget.params.get("nodes") or []
        node = next((n for n in nodes if n.get("id") == node_id), None)
        if node is not None and node.get("says"):
            voice = "" if node.get("speaker") == "narrator" else "other"
            self._speak(str(node["says"]), voice=voice)

    @Slot()
    def resetWidget(self) -> None:
        player = self._ensure_player()
        if player is not None:
            player.reset()
            self.stepChanged.emit()

    @Slot()
    def skip(self) -> None:
        player = self._ensure_player()
        if player is not None:
            player.skip()
            self.stepChanged.emit()

    @Slot(str)
    def pick(self, option_id: str) -> None:
        player = self._ensure_player()
        if player is not None:
            player.toggle(option_id)
            player.feedback = ""
            self.stepChanged.emit()

    @Slot()
    def checkAnswer(self) -> None:
        player = self._ensure_player()
        if player is not None:
            verdict = player.answer()
            self._after_verdict(player, verdict.feedback)

    @asyncSlot(str, str)
    async def submitPractice(self, place: str, description: str) -> None:
        """Send the practice form to the practice portal; one request at a time."""
        player = self._ensure_player()
        if player is None or self._busy or player.step.widget is None:
            return
        if not place.strip():
            # TRANSLATORS: the practice form's place field was left empty.
            player.feedback = _("Place: please write where it is, e.g. a street and number.")
            player.feedback_right = False
            self._after_verdict(player, player.feedback)
            return
        self._busy = True
        player.feedback, player.feedback_right = _("Sending your practice report…"), True
        self._speak(player.feedback)
        self.stepChanged.emit()
        try:
            client = self._practice
            if client is None:  # screenshots and tests built without the portals
                raise LookupError
            code = str(player.step.widget.params.get("service_code") or "")
            request = NewRequest(code, address_string=place, description=description)
            result = await client.submit(request, locale=self._language())
            number = result.service_request_id or result.token
            verdict = player.act("submitted", number)
            self._after_verdict(player, verdict.feedback)
        except PortalError as exc:
            player.feedback, player.feedback_right = exc.human(), False
            self._after_verdict(player, player.feedback)
        except (LookupError, ValueError) as exc:
            log.warning("practice report not sent: %r", exc)
            player.feedback = _("The practice portal is not available here. Touch Skip to go on.")
            player.feedback_right = False
            self._after_verdict(player, player.feedback)
        finally:
            self._busy = False
            self.stepChanged.emit()

    # --- what the step screen shows --------------------------------------------------------
    lessonTitle = view(str, lambda p: p.lesson.title, "", stepChanged)
    stepNumber = view(int, lambda p: p.index + 1, 0, stepChanged)
    stepCount = view(int, lambda p: len(p.steps), 0, stepChanged)
    stepType = view(str, lambda p: p.step.type, "", stepChanged)
    stepTitle = view(str, lambda p: p.step.title, "", stepChanged)
    stepBody = view(str, lambda p: p.step.body, "", stepChanged)
    stepAlt = view(str, lambda p: p.step.media.alt, "", stepChanged)
    narration = view(str, lambda p: p.step.narration.text, "", stepChanged)
    widgetType = view(str, lambda p: p.step.widget.type if p.step.widget else "", "", stepChanged)
    widgetParams = view("QVariantMap", widget_params, {}, stepChanged)
    attempt = view(int, lambda p: p.attempt, 0, stepChanged)
    questionType = view(
        str, lambda p: p.step.question.type if p.step.question else "", "", stepChanged
    )
    questionStem = view(
        str, lambda p: p.step.question.stem if p.step.question else "", "", stepChanged
    )
    options = view("QVariantList", options, [], stepChanged)
    feedback = view(str, lambda p: p.feedback, "", stepChanged)
    feedbackRight = view(bool, lambda p: p.feedback_right, True, stepChanged)
    hintTarget = view(str, hint_target, "", stepChanged)
    stepDone = view(bool, lambda p: p.done, False, stepChanged)
    isLast = view(bool, lambda p: p.last, True, stepChanged)
    lessonComplete = view(bool, lambda p: p.complete, False, stepChanged)

    @Property(bool, notify=stepChanged)
    def busy(self) -> bool:
        return self._busy

    @Property(str, notify=stepChanged)
    def hint(self) -> str:
        return self._hint

    @Property(str, notify=stepChanged)
    def stepImage(self) -> str:
        p = self._player
        if p is None or not p.step.media.image:
            return ""
        return self.imageUrl(p.step.media.image)

    @Slot(str, result=str)
    def imageUrl(self, path: str) -> str:
        """A lesson image (a path relative to the course folder) as a URL for Image.source;
        '' for a path that leads out of the folder (the loader refuses those already)."""
        if not path:
            return ""
        root = self._roots.get(self._player.lesson.id) if self._player is not None else None
        if root is None:
            return ""
        full = (root / path).resolve()
        if not full.is_relative_to(root.resolve()):
            log.error("lesson image %r leads out of the course folder; not shown", path)
            return ""
        return QUrl.fromLocalFile(str(full)).toString()
