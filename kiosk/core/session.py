"""The idle state machine of a resident's session: active, warned, expired. Clock injected."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass


class IdleState(enum.Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdlePolicy:
    idle_seconds: float
    form_idle_seconds: float
    warning_seconds: float
    max_extensions: int


class IdleTracker:
    """Counts time since the last activity; warns, then expires. Times are monotonic seconds.

    While the warning shows, ordinary activity does not dismiss it: only `extend()` does, so a
    passing hand on the screen cannot keep an abandoned session alive. The counter of extensions
    lives until `reset()` (a new person).
    """

    def __init__(self, policy: IdlePolicy, now: float) -> None:
        self.policy = policy
        self.state = IdleState.ACTIVE
        self.extensions = 0
        self.in_form = False
        self._last_activity = now
        self._warned_at = 0.0

    def reset(self, now: float) -> None:
        self.state = IdleState.ACTIVE
        self.extensions = 0
        self.in_form = False
        self._last_activity = now

    @property
    def threshold(self) -> float:
        return self.policy.form_idle_seconds if self.in_form else self.policy.idle_seconds

    @property
    def can_extend(self) -> bool:
        return self.extensions < self.policy.max_extensions

    def activity(self, now: float) -> None:
        if self.state is IdleState.ACTIVE:
            self._last_activity = now

    def extend(self, now: float) -> bool:
        """'More time': back to active with the full threshold. False when none is left."""
        if self.state is not IdleState.WARNING or not self.can_extend:
            return False
        self.extensions += 1
        self.state = IdleState.ACTIVE
        self._last_activity = now
        return True

    def warn_now(self, now: float) -> None:
        """Show the warning at once (the Finish flow's preview and screenshots)."""
        self.state = IdleState.WARNING
        self._warned_at = now

    def tick(self, now: float) -> IdleState:
        if self.state is IdleState.ACTIVE and now - self._last_activity >= self.threshold:
            self.state = IdleState.WARNING
            self._warned_at = now
        if self.state is IdleState.WARNING and now - self._warned_at >= self.policy.warning_seconds:
            self.state = IdleState.EXPIRED
        return self.state

    def seconds_left(self, now: float) -> int:
        """Whole seconds left to answer the warning (0 when not warning)."""
        if self.state is not IdleState.WARNING:
            return 0
        return max(0, math.ceil(self.policy.warning_seconds - (now - self._warned_at)))


def countdown_should_speak(seconds_left: int, warning_seconds: int) -> bool:
    """Speak the countdown at the start, every 15 s, then each second for the last 10 s."""
    if seconds_left <= 0:
        return False
    return (
        seconds_left == warning_seconds
        or seconds_left <= 10
        or (warning_seconds - seconds_left) % 15 == 0
    )
