"""The primary engine: libespeak-ng through pyttsx3's ctypes binding, in synchronous mode.

pyttsx3's `Engine` is not used: its `stop()` deadlocks and its word events fire before the audio
plays (DESIGN "Speech"). The C library is a non-reentrant process-wide singleton, so every call
into it holds one lock and, in the kiosk, comes from the one synthesis thread (see worker.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
import threading
from types import ModuleType
from typing import Any

from kiosk.services.speech.port import (
    EngineUnavailable,
    SpeechEngine,
    SynthesisCancelled,
    Utterance,
    VoiceMissing,
    Word,
    silence,
)
from kiosk.services.speech.segment import cover_words, phrases, shift

log = logging.getLogger(__name__)

# Length of each PCM buffer handed to the callback; short so that a cancel acts quickly.
_BUFFER_MS = 50
_WORD_GAP = 7  # espeakWORDGAP, not in pyttsx3's binding
_LOCK = threading.Lock()  # the library is one per process, so its lock is too
# espeak-ng's voice variants (espeak-ng-data/voices/!v) for the roles of port.VOICES: "m3"
# speaks the same language with another timbre, so a pretend caller is heard as someone else.
VARIANTS = {"": "", "other": "m3"}
_initialised: dict[str, int] = {}


def _use_bundled_library() -> None:
    """In a packaged build, use the bundled libespeak-ng and its voice data (bg, en, uk, tr)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or bundle is None:
        return
    if os.path.isdir(os.path.join(bundle, "espeak-ng-data")):
        # espeak_Initialize(path=None) reads this; it looks for <path>/espeak-ng-data.
        os.environ.setdefault("ESPEAK_DATA_PATH", bundle)
    library = os.path.join(bundle, "libespeak-ng.so.1")
    if os.path.exists(library):
        # Loaded by full path first, the binding's dlopen("libespeak-ng.so.1") finds this copy.
        with contextlib.suppress(OSError):
            ctypes.CDLL(library)


def load_binding() -> ModuleType:
    """pyttsx3's ctypes binding, or EngineUnavailable when libespeak-ng cannot be loaded."""
    _use_bundled_library()
    try:
        from pyttsx3.drivers import _espeak
    except (ImportError, OSError, RuntimeError) as exc:
        raise EngineUnavailable(f"libespeak-ng cannot be loaded ({exc})") from None
    binding: ModuleType = _espeak
    return binding


class EspeakEngine(SpeechEngine):
    """espeak-ng voices for bg, en, uk and tr; 22,050 Hz mono PCM with word events."""

    name = "espeak-ng"

    def __init__(self) -> None:
        self._e: Any = load_binding()
        self._cancel = threading.Event()
        self._pcm: list[bytes] = []
        self._events: list[tuple[int, int]] = []
        self._voice: str | None = None
        self._voice_ok: dict[str, bool] = {}
        self._sample_rate = self._initialise()

    def _initialise(self) -> int:
        with _LOCK:
            if "rate" not in _initialised:
                rate = self._e.Initialize(self._e.AUDIO_OUTPUT_SYNCHRONOUS, _BUFFER_MS, None, 0)
                if rate <= 0:
                    raise EngineUnavailable("libespeak-ng did not initialise (no voice data?)")
                _initialised["rate"] = rate
            # The binding keeps the callback object alive in a module global.
            self._e.SetSynthCallback(self._on_synth)
            return _initialised["rate"]

    def _on_synth(self, wav: Any, n_samples: int, events: Any) -> int:
        """Called by the library (on the synthesising thread) for each buffer; 1 aborts."""
        if self._cancel.is_set():
            return 1
        if n_samples > 0:
            self._pcm.append(ctypes.string_at(wav, n_samples * 2))
        i = 0
        while events[i].type != self._e.EVENT_LIST_TERMINATED:
            event = events[i]
            # A word event with no text (position 0) marks the end of some clauses: skip it.
            if event.type == self._e.EVENT_WORD and event.text_position > 0 and event.length > 0:
                # text_position counts characters from 1, also in UTF-8 mode.
                self._events.append((event.text_position - 1, event.audio_position))
            i += 1
        return 0

    def version(self) -> str:
        info = self._e.Info(None)
        return info.decode("ascii", "replace") if isinstance(info, bytes) else str(info)

    def _select_voice(self, lang: str, role: str = "") -> None:
        """Select the voice for `lang` in a role of port.VOICES (lock held). Never falls back
        to another language; a variant that cannot be had leaves the language's own voice."""
        key = f"{lang}+{role}"
        if self._voice == key:
            return
        spec = self._e.VOICE()
        spec.languages = lang.encode("ascii")
        result = self._e.SetVoiceByProperties(ctypes.byref(spec))
        current = self._e.GetCurrentVoice()
        # The languages field starts with a priority byte, then e.g. "bg" or "en-gb".
        chosen = b""
        if current and current.contents.languages:
            chosen = current.contents.languages[1:]
        if result != 0 or not (chosen == lang.encode() or chosen.startswith(lang.encode() + b"-")):
            self._voice = None
            if self._voice_ok.get(lang) is not False:
                log.error("speech: no espeak-ng voice for language %r; it will not be spoken", lang)
            self._voice_ok[lang] = False
            raise VoiceMissing(lang)
        if lang not in self._voice_ok:
            name = current.contents.name.decode("utf-8", "replace")
            log.info("speech: espeak-ng voice %r for language %r", name, lang)
        self._voice_ok[lang] = True
        self._voice = key
        variant = VARIANTS.get(role, "")
        if variant and self._e.SetVoiceByName(
            current.contents.identifier + b"+" + variant.encode("ascii")
        ):
            log.warning(
                "speech: no espeak-ng variant %r; %r speaks with the same voice", variant, role
            )

    def has_voice(self, lang: str) -> bool:
        if lang not in self._voice_ok:
            with _LOCK, contextlib.suppress(VoiceMissing):
                self._select_voice(lang)
        return self._voice_ok.get(lang, False)

    def cancel(self) -> None:
        self._cancel.set()

    def synthesise(
        self, text: str, lang: str, rate_wpm: int, pause_ms: int, voice: str = ""
    ) -> Utterance:
        # A cancel that arrived before this call belongs to the previous request.
        self._cancel.clear()
        pcm = bytearray()
        words: list[Word] = []
        with _LOCK:
            self._e.SetSynthCallback(self._on_synth)
            self._select_voice(lang, voice)
            self._e.SetParameter(self._e.RATE, rate_wpm, 0)
            self._e.SetParameter(_WORD_GAP, 0, 0)
            spans = phrases(text) or [(0, len(text))]
            for start, end in spans:
                self._pcm, self._events = [], []
                flags = self._e.CHARS_UTF8 | self._e.ENDPAUSE
                result = self._e.Synth(text[start:end], flags=flags)
                if self._cancel.is_set():
                    raise SynthesisCancelled()
                if result != 0:
                    raise EngineUnavailable(f"espeak-ng could not synthesise (error {result})")
                offset_ms = len(pcm) * 1000 // (self._sample_rate * 2)
                chunk = b"".join(self._pcm)
                end_ms = len(chunk) * 1000 // (self._sample_rate * 2)
                timed = cover_words(text[start:end], self._events, end_ms)
                words.extend(shift(timed, start, offset_ms))
                pcm += chunk
                # "Slower" lengthens the pauses between phrases, not the syllables.
                pcm += silence(pause_ms, self._sample_rate)
        return Utterance(bytes(pcm), self._sample_rate, words=tuple(words))
