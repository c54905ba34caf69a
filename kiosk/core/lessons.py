"""The lesson content model: Course → Module → Lesson → Step (with a Widget, a Question or media).

Frozen dataclasses, pure Python. Strings are already translated when a loader builds them; each
object carries `at` (file and line of its source) so a validator and a trainer can point at it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

STEP_TYPES = (
    "intro",
    "explain",
    "show_me",
    "common_mistake",
    "try",
    "check",
    "recap",
    "discuss",
    "bridge",
)
QUESTION_TYPES = ("single_choice", "multi_choice", "true_false", "self_rating", "order")
# Hints escalate in this order; a step's hints never go back down the ladder.
HINT_LEVELS = ("words", "highlight", "show_me", "do_it")
STATUSES = ("draft", "review", "published", "retired")
PREREQUISITE_KINDS = ("hard", "soft")
MAX_BODY_WORDS = 60
MAX_WHY_WORDS = 40
MAX_CARD_STEPS = 8
MIN_CHECK_QUESTIONS = 3


@dataclass(frozen=True)
class Loc:
    """Where something was written: a file and a 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


# Locations never take part in equality: the same lesson read twice is the same lesson.
NOWHERE = Loc("", 0)


@dataclass(frozen=True)
class Narration:
    """What the voice says, separate from the screen text (abbreviations spelled out etc.)."""

    text: str
    audio: str | None = None
    tts_allowed: bool = True


@dataclass(frozen=True)
class Region:
    """A named rectangle on an image (fractions 0–1), for hints that highlight it."""

    id: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Media:
    image: str | None = None
    alt: str = ""
    regions: tuple[Region, ...] = ()
    video: str | None = None
    transcript: str = ""


@dataclass(frozen=True)
class Hint:
    """One rung of the ladder. `target` names a region or widget element for `highlight`."""

    level: str
    text: str
    target: str | None = None
    at: Loc = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class Widget:
    """A practice sandbox: its type from the catalogue, its params, and its pass rule."""

    type: str
    params: Mapping[str, Any]
    pass_rule: Mapping[str, Any]
    at: Loc = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class Choice:
    """An answer option; `feedback` says why it is right or not and is shown for every option."""

    id: str
    text: str
    feedback: str
    at: Loc = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    stem: str
    narration: Narration
    options: tuple[Choice, ...]
    # single/multi/true_false: the right option ids; order: the ids in the right order;
    # self_rating: empty (every answer is fine).
    correct: tuple[str, ...]
    explanation: str = ""
    difficulty: int = 1
    competence_ref: str | None = None
    at: Loc = field(default=NOWHERE, compare=False, repr=False)

    def is_correct(self, answer: tuple[str, ...]) -> bool:
        """Whether an answer (ids picked, or ids in order for `order`) is right."""
        if self.type == "self_rating":
            return True
        if self.type == "order":
            return answer == self.correct
        return set(answer) == set(self.correct)

    def feedback_for(self, option_id: str) -> str:
        return next((o.feedback for o in self.options if o.id == option_id), "")


@dataclass(frozen=True)
class Shows:
    """What a step's practice widget must show on screen, checked on the rendered widget.

    `elements` are widget parts by name (a part such as "callEnd", or a prefix and an item id
    such as "target-red"); `texts` must be visible in the widget; `colours` name the colour an
    element is drawn in (one of lesson_widgets.COLOURS); `keys` are labels the on-screen
    keyboard shows.
    """

    elements: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    colours: tuple[tuple[str, str], ...] = ()
    keys: tuple[str, ...] = ()
    at: Loc = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class Step:
    id: str
    type: str
    title: str
    body: str
    narration: Narration
    media: Media = Media()
    widget: Widget | None = None
    question: Question | None = None
    hints: tuple[Hint, ...] = ()
    greyed_controls: tuple[str, ...] = ()
    trainer_only: bool = False
    sync_point: bool = False
    demo_step_seconds: int = 8
    shows: Shows | None = None
    # Fields the loader could not read (it said why): the rules leave them to that message.
    unread: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    at: Loc = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class Goal:
    id: str
    text: str


@dataclass(frozen=True)
class Competence:
    id: str
    level: int
    framework: str = "DigComp"
    version: str = "2.2"


@dataclass(frozen=True)
class Minutes:
    self: int
    guided: int


@dataclass(frozen=True)
class Prerequisite:
    lesson_id: str
    kind: str = "hard"
    at: Loc = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class TakeHomeCard:
    title: str
    steps: tuple[str, ...]
    qr: str | None = None
    qr_label: str = ""
    at: Loc = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Hotline:
    label: str
    number: str


@dataclass(frozen=True)
class Bridge:
    """Where real life continues: official sites, phone numbers, places to go."""

    urls: tuple[Link, ...] = ()
    hotlines: tuple[Hotline, ...] = ()
    offices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Trainer:
    notes: str = ""
    timing_plan: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    common_questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    checked: date | None = None


@dataclass(frozen=True)
class Freshness:
    last_verified: date
    review_by: date
    sources: tuple[Source, ...] = ()
    at: Loc = field(default=NOWHERE, compare=False, repr=False)

    def overdue(self, today: date) -> bool:
        return today > self.review_by


@dataclass(frozen=True)
class CompletionRule:
    """Done when every step is seen, every practice passed and enough check answers were right."""

    all_steps: bool = True
    practice: bool = True
    quiz_min_correct: int = 3


@dataclass(frozen=True)
class Lesson:
    id: str
    version: int
    status: str
    title: str
    short_title: str
    why_it_matters: str
    learning_goals: tuple[Goal, ...]
    competences: tuple[Competence, ...]
    est_minutes: Minutes
    steps: tuple[Step, ...]
    take_home_card: TakeHomeCard | None
    bridge: Bridge
    prerequisites: tuple[Prerequisite, ...] = ()
    glossary_terms: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    completion_rule: CompletionRule = CompletionRule()
    trainer: Trainer = Trainer()
    safety_notes: str = ""
    freshness: Freshness | None = None
    licence: str = ""
    credits: tuple[str, ...] = ()
    content_hash: str = ""
    # Fields the loader could not read (it said why): the rules leave them to that message.
    unread: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    at: Loc = field(default=NOWHERE, compare=False, repr=False)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(s.question for s in self.steps if s.question is not None)

    @property
    def widgets(self) -> tuple[Widget, ...]:
        return tuple(s.widget for s in self.steps if s.widget is not None)

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def is_complete(self, seen: set[str], passed: set[str], right_first_or_later: int) -> bool:
        """Whether a learner finished, by the completion rule.

        Args:
            seen: ids of the steps shown to the learner.
            passed: ids of the steps whose practice widget succeeded ("do it for me" counts).
            right_first_or_later: check questions answered right (retries count: no marks off).
        """
        rule = self.completion_rule
        learner_steps = {s.id for s in self.steps if not s.trainer_only}
        if rule.all_steps and not learner_steps <= seen:
            return False
        if rule.practice and not {s.id for s in self.steps if s.widget} <= passed:
            return False
        asked = len([q for q in self.questions if q.type != "self_rating"])
        return right_first_or_later >= min(rule.quiz_min_correct, asked)


@dataclass(frozen=True)
class Module:
    id: str
    order: int
    title: str
    summary: str
    lessons: tuple[Lesson, ...]
    certificate: bool = True
    # Modules about safety and state services hold facts that go stale (CURRICULUM.md §5).
    freshness_required: bool = False
    at: Loc = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class SessionPlan:
    id: str
    title: str
    lesson_ids: tuple[str, ...]
    at: Loc = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class Course:
    id: str
    version: str
    title: str
    modules: tuple[Module, ...]
    session_plans: tuple[SessionPlan, ...] = ()
    licence: str = ""
    language: str = "bg"
    at: Loc = field(default=NOWHERE, compare=False, repr=False)

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return tuple(lesson for m in self.modules for lesson in m.lessons)

    def lesson(self, lesson_id: str) -> Lesson:
        return next(lesson for lesson in self.lessons if lesson.id == lesson_id)


def word_count(text: str) -> int:
    return len(text.split())
