"""Recording fakes for tests of the layers above: what would be spoken, and when stop came.

RecordingSpeech is a SpeechService that synthesises nothing: the privacy rule, transcript,
repeat, rate and volume logic are the real ones; only the audio is replaced by a list.
RecordingEngine wraps any engine (or none) and records every text it is asked to synthesise.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject

from kiosk.i18n import current_language
from kiosk.services.speech.headset import HeadsetMonitor
from kiosk.services.speech.player import SilentClockPlayer
from kiosk.services.speech.port import SpeechEngine, Utterance, silence
from kiosk.services.speech.segment import cover_words
from kiosk.services.speech.service import SpeechService


@dataclass(frozen=True)
class Spoken:
    """One thing that would have been said."""

    text: str
    lang: str
    tone: bool
    at: float
    voice: str = ""


class RecordingSpeech(SpeechService):
    """A speech service that records instead of speaking. `finish()` ends the current text."""

    def __init__(
        self,
        headset: HeadsetMonitor | None = None,
        *,
        language: Callable[[], str] = current_language,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(
            None, SilentClockPlayer(), headset, language=language, clock=clock, parent=parent
        )
        self.spoken: list[Spoken] = []
        self.stops: list[float] = []

    @property
    def available(self) -> bool:
        return True

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.spoken]

    def _start(self, text: str, lang: str, tone: bool, voice: str = "") -> None:
        self.spoken.append(Spoken(text, lang, tone, self._clock(), voice))
        self._text = text
        self._sentences = [(0, len(text))]
        if self._track:
            self._last_sentence = text
        self.textChanged.emit(text)
        self._set_speaking(True)

    def stop(self) -> None:
        if self.speaking:
            self.stops.append(self._clock())
        super().stop()

    def finish(self) -> None:
        """The current text has been heard to its end."""
        self._set_speaking(False)


class RecordingEngine(SpeechEngine):
    """Records every text passed to `synthesise()`; delegates to `inner` or returns silence."""

    name = "recording"

    def __init__(self, inner: SpeechEngine | None = None, ms_per_char: int = 60) -> None:
        self.inner = inner
        self.ms_per_char = ms_per_char
        self._lock = threading.Lock()
        self._texts: list[tuple[str, str]] = []
        self.voices: list[str] = []  # the voice role of each text, in order

    @property
    def texts(self) -> list[str]:
        with self._lock:
            return [text for text, _lang in self._texts]

    def synthesise(
        self, text: str, lang: str, rate_wpm: int, pause_ms: int, voice: str = ""
    ) -> Utterance:
        with self._lock:
            self._texts.append((text, lang))
            self.voices.append(voice)
        if self.inner is not None:
            return self.inner.synthesise(text, lang, rate_wpm, pause_ms, voice)
        duration = len(text) * self.ms_per_char
        events = [(start, start * self.ms_per_char) for start in range(0, len(text), 5)]
        return Utterance(silence(duration, 22050), 22050, words=cover_words(text, events, duration))

    def cancel(self) -> None:
        if self.inner is not None:
            self.inner.cancel()

    def has_voice(self, lang: str) -> bool:
        return self.inner.has_voice(lang) if self.inner is not None else True
