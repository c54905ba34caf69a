"""Helpers of the Lessons bridge: the step properties.

`view()` makes one property that reads the player (or gives a default when no lesson is open);
reading never loads or changes anything, so QML bindings cannot loop.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal

from kiosk.bridge.qt import Property
from kiosk.core.lesson_views import prepare
from kiosk.i18n import ngettext

if TYPE_CHECKING:
    from kiosk.core.lesson_player import Player
    from kiosk.core.lessons import Step


def plain(value: Any) -> Any:
    """Params as QML-friendly dicts and lists (the model holds mappings and tuples)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def view(kind: Any, read: Callable[[Player], Any], default: Any, notify: Signal) -> Any:
    """A property of the bridge computed from its `_player`."""

    def get(self: Any) -> Any:
        player: Player | None = self._player
        return read(player) if player is not None else default

    return Property(kind, get, notify=notify)


def hint_target(p: Player) -> str:
    if p.hint_level < 0 or not p.step.hints:
        return ""
    return p.step.hints[p.hint_level].target or ""


def options(p: Player) -> list[dict[str, Any]]:
    q = p.step.question
    if q is None:
        return []
    return [{"id": o.id, "text": o.text, "picked": o.id in p.picked} for o in q.options]


def widget_params(p: Player) -> dict[str, Any]:
    """The step's widget params, with what it draws worked out (core/lesson_views.py)."""
    widget = p.step.widget
    return plain(prepare(widget.type, widget.params)) if widget else {}


def _clause(text: str) -> str:
    return text.strip().rstrip(".!;,")


def spoken_step(step: Step) -> str:
    """What the voice says for a step: its narration, and for a question the question (when the
    narration does not already say it) and then its options, so a listener can answer."""
    parts = [step.narration.text.strip()] if step.narration.tts_allowed else []
    q = step.question
    if q is not None:
        asked = q.narration.text.strip()
        if asked and not any(asked.rstrip(".?!") in p for p in parts):
            parts.append(asked)
        options = [_clause(o.text) for o in q.options if o.text.strip()]
        if options:
            # TRANSLATORS: read after a question; {items} lists its options.
            parts.append(
                ngettext(
                    "{count} choice: {items}.", "{count} choices: {items}.", len(options)
                ).format(count=len(options), items="; ".join(options))
            )
    return " ".join(p for p in parts if p)
