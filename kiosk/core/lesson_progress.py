"""Which lessons a learner finished and where they left off: a small store the player writes to.

The kiosk keeps progress for the current session only (`SessionProgress`, emptied by the session
wipe); a trainer feature with learner codes can supply another `ProgressStore` later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class Resume:
    """Where a learner left a lesson, and what they had done in it."""

    step: int = 0
    seen: set[str] = field(default_factory=set)
    passed: set[str] = field(default_factory=set)
    right: set[str] = field(default_factory=set)


class ProgressStore(Protocol):
    def completed(self) -> set[str]: ...

    def mark_completed(self, lesson_id: str) -> None: ...

    def resume_point(self, lesson_id: str) -> Resume | None: ...

    def in_progress(self) -> set[str]: ...

    def save_resume(self, lesson_id: str, resume: Resume | None) -> None: ...

    def clear(self) -> None: ...


class SessionProgress:
    """Progress held in memory for one person at the kiosk; `clear()` forgets it all."""

    def __init__(self) -> None:
        self._done: set[str] = set()
        self._resume: dict[str, Resume] = {}

    def completed(self) -> set[str]:
        return set(self._done)

    def mark_completed(self, lesson_id: str) -> None:
        self._done.add(lesson_id)

    def resume_point(self, lesson_id: str) -> Resume | None:
        return self._resume.get(lesson_id)

    def in_progress(self) -> set[str]:
        """Lessons left part-way (for the lessons screen; asking does not open them)."""
        return set(self._resume)

    def save_resume(self, lesson_id: str, resume: Resume | None) -> None:
        if resume is None:
            self._resume.pop(lesson_id, None)
        else:
            self._resume[lesson_id] = resume

    def clear(self) -> None:
        self._done.clear()
        self._resume.clear()
