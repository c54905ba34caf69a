"""The lesson player's state: which step, what was done, which hint shows; no Qt, no I/O.

Hints never punish: a wrong try or the learner's own request moves one rung up the ladder
(words → highlight → show me → do it), and a pause only offers the hint button, never a timer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.core.lesson_judge import Verdict, judge
from kiosk.core.lesson_progress import Resume
from kiosk.core.lessons import Lesson, Step
from kiosk.i18n import _


@dataclass
class Player:
    lesson: Lesson
    index: int = 0
    seen: set[str] = field(default_factory=set)
    passed: set[str] = field(default_factory=set)
    right: set[str] = field(default_factory=set)
    hint_level: int = -1  # index into the step's hints; -1: none shown
    wrong_tries: int = 0
    feedback: str = ""
    feedback_right: bool = True
    picked: tuple[str, ...] = ()
    widget_state: dict[str, Any] = field(default_factory=dict)
    attempt: int = 0  # grows on Reset so the widget is rebuilt fresh

    @classmethod
    def resume(cls, lesson: Lesson, at: Resume | None) -> Player:
        player = cls(lesson)
        if at is not None:
            player.index = min(at.step, len(lesson.steps) - 1)
            player.seen, player.passed, player.right = set(at.seen), set(at.passed), set(at.right)
        player._enter()
        return player

    def snapshot(self) -> Resume:
        return Resume(self.index, set(self.seen), set(self.passed), set(self.right))

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.lesson.steps if not s.trainer_only)

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def done(self) -> bool:
        """The current step lets the learner go on (Next is never blocked: see `can_next`)."""
        s = self.step
        if s.widget is not None:
            return s.id in self.passed
        if s.question is not None:
            return s.question.id in self.right or s.question.type == "self_rating"
        return True

    @property
    def complete(self) -> bool:
        return self.lesson.is_complete(self.seen, self.passed, len(self.right))

    @property
    def last(self) -> bool:
        return self.index == len(self.steps) - 1

    def _enter(self) -> None:
        self.seen.add(self.step.id)
        self.hint_level = -1
        self.wrong_tries = 0
        self.feedback = ""
        self.feedback_right = True
        self.picked = ()
        self.widget_state = {}

    def go(self, delta: int) -> bool:
        target = self.index + delta
        if not 0 <= target < len(self.steps):
            return False
        self.index = target
        self._enter()
        return True

    def hint(self) -> str:
        """Climb one rung (staying on the top one); "do it" passes the practice for them."""
        hints = self.step.hints
        if not hints:
            return _("Take your time. Read the text again, or touch Repeat to hear it.")
        self.hint_level = min(self.hint_level + 1, len(hints) - 1)
        hint = hints[self.hint_level]
        if hint.level == "do_it" and self.step.widget is not None:
            self.passed.add(self.step.id)
        return hint.text

    def act(self, kind: str, value: str) -> Verdict:
        """A widget event; a wrong try also brings the next hint."""
        widget = self.step.widget
        if widget is None:
            return Verdict(False, "")
        verdict = judge(widget, self.widget_state, kind, value)
        if verdict.passed:
            self.passed.add(self.step.id)
        self._after(verdict)
        return verdict

    def reset(self) -> None:
        self.widget_state = {}
        self.feedback = ""
        self.picked = ()
        self.attempt += 1

    def skip(self) -> None:
        """Skip a practice: counts like "do it for me" (nobody is held back by a gesture)."""
        if self.step.widget is not None:
            self.passed.add(self.step.id)
        self.feedback, self.feedback_right = _("Skipped. You can come back to it later."), True

    def toggle(self, option_id: str) -> None:
        q = self.step.question
        if q is None:
            return
        if q.type == "multi_choice":
            chosen = set(self.picked) ^ {option_id}
            self.picked = tuple(o.id for o in q.options if o.id in chosen)
        else:
            self.picked = (option_id,)

    def answer(self) -> Verdict:
        """Check the picked options; every option's own feedback is shown (right or not)."""
        q = self.step.question
        if q is None or not self.picked:
            return Verdict(False, _("Choose an answer first."))
        ok = q.is_correct(self.picked)
        texts = [q.feedback_for(o) for o in self.picked]
        feedback = " ".join(t for t in texts if t)
        if ok:
            self.right.add(q.id)
            feedback = feedback or _("Right.")
        elif not feedback:
            feedback = _("Not quite. Have another look.")
        verdict = Verdict(ok, feedback, ok)
        self._after(verdict)
        return verdict

    def _after(self, verdict: Verdict) -> None:
        self.feedback, self.feedback_right = verdict.feedback, verdict.right
        if not verdict.right:
            self.wrong_tries += 1
            self.climb_without_doing()

    def climb_without_doing(self) -> None:
        """A wrong try or a long pause shows the next hint, but never "do it" by itself."""
        rungs = [h for h in self.step.hints if h.level != "do_it"]
        if rungs:
            self.hint_level = min(self.hint_level + 1, len(rungs) - 1)
