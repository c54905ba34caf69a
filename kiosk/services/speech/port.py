"""The speech port: what an engine produces (an Utterance) and the steps of rate and volume."""

from __future__ import annotations

import abc
import math
from dataclasses import dataclass, field
from typing import NamedTuple

LANGUAGES = ("bg", "en", "uk", "tr")
# The voices the kiosk asks an engine for, by role: "" is the narrator (the language's voice),
# "other" a second voice, clearly different, for the other side of a pretend conversation (a
# caller in a lesson). Each engine maps a role to one of its voices for the language.
VOICES = ("", "other")


class Word(NamedTuple):
    """One spoken word: its place in the text (characters) and when it starts in the audio."""

    start: int
    length: int
    offset_ms: int


@dataclass(frozen=True)
class Utterance:
    """Signed 16-bit little-endian PCM for one piece of text, with word timings.

    `words` index into the text that was passed to `synthesise()`; they are in order, their
    offsets strictly increase, and together they cover every word of the text.
    """

    pcm: bytes
    sample_rate: int
    channels: int = 1
    sample_width: int = 2
    words: tuple[Word, ...] = field(default=())

    @property
    def duration_ms(self) -> int:
        return pcm_ms(len(self.pcm), self.sample_rate, self.channels, self.sample_width)


def pcm_ms(n_bytes: int, sample_rate: int, channels: int = 1, sample_width: int = 2) -> int:
    """How long `n_bytes` of PCM lasts, in whole milliseconds."""
    return n_bytes * 1000 // (sample_rate * channels * sample_width)


def silence(ms: int, sample_rate: int, channels: int = 1, sample_width: int = 2) -> bytes:
    """`ms` milliseconds of digital silence in the same format."""
    frames = sample_rate * max(ms, 0) // 1000
    return bytes(frames * channels * sample_width)


class EngineUnavailable(Exception):
    """The engine cannot run on this computer (library or child process missing)."""


class VoiceMissing(Exception):
    """No voice for the language is installed; the engine never falls back to another one."""

    def __init__(self, lang: str) -> None:
        super().__init__(f"no speech voice is installed for language {lang!r}")
        self.lang = lang


class SynthesisCancelled(Exception):
    """`cancel()` was called while this synthesis ran."""


class SpeechEngine(abc.ABC):
    """Turns text into PCM with word timings. Blocking: call it from the synthesis thread only.

    Engines need not be re-entrant: the service calls `synthesise()` from one thread, one text at
    a time. `cancel()` is the one method that may be called from any thread.
    """

    name: str = "engine"

    @abc.abstractmethod
    def synthesise(
        self, text: str, lang: str, rate_wpm: int, pause_ms: int, voice: str = ""
    ) -> Utterance:
        """Speak `text` in `lang` at `rate_wpm`, with `pause_ms` of extra silence after each
        phrase, in the `voice` role (one of VOICES; an engine with one voice per language uses
        it for every role). Raises VoiceMissing, SynthesisCancelled or EngineUnavailable."""

    def cancel(self) -> None:  # noqa: B027 - optional for engines that synthesise quickly
        """Abandon the synthesis in progress as soon as possible (any thread)."""

    def has_voice(self, lang: str) -> bool:
        """Whether a voice for `lang` is installed."""
        return True

    def version(self) -> str:
        return ""

    def close(self) -> None:  # noqa: B027 - most engines hold nothing to release
        """Release what the engine holds (child processes)."""


@dataclass(frozen=True)
class RateStep:
    """A speaking rate the resident can choose; slower rates also lengthen pauses."""

    name: str
    wpm: int
    pause_ms: int


# ACCESSIBILITY "Speech": ≈150 wpm default, steps ≈120 / 150 / 180–200, never below 120.
# "Slower" lengthens the pauses between phrases rather than stretching syllables (item 20).
RATES = (
    RateStep("slow", 125, 300),
    RateStep("normal", 150, 120),
    RateStep("fast", 190, 0),
)
RATE_NAMES = tuple(rate.name for rate in RATES)

# Six announced steps over 25 dB (ACCESSIBILITY 26 asks for at least 5 steps over 18 dB).
VOLUME_DB = (-25.0, -20.0, -15.0, -10.0, -5.0, 0.0)
VOLUME_COUNT = len(VOLUME_DB)
# ACCESSIBILITY 28: a headset starts at the second-lowest step.
HEADSET_VOLUME_STEP = 1


def volume_gain(step: int) -> float:
    """The linear gain for a 0-based volume step (clamped to the valid steps)."""
    step = min(max(step, 0), VOLUME_COUNT - 1)
    return math.pow(10.0, VOLUME_DB[step] / 20.0)
