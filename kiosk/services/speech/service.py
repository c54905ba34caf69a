"""SpeechService: speak, stop, repeat; rate and volume steps; privacy; the word being spoken.

Lives on the GUI thread. Text is cut into sentences; the synthesis thread returns them one by one
and the first is played while the rest are synthesised. The playback position (polled every
40 ms) picks the word to highlight. `stop()` is synchronous: it bumps the request generation (so
late results are dropped), cancels synthesis and stops the sink, all within a millisecond or two.
"""

from __future__ import annotations

import bisect
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.i18n import _, current_language
from kiosk.services.speech.headset import HeadsetMonitor
from kiosk.services.speech.player import AudioPlayer, warning_tone
from kiosk.services.speech.port import (
    HEADSET_VOLUME_STEP,
    RATES,
    VOLUME_COUNT,
    SpeechEngine,
    Utterance,
    volume_gain,
)
from kiosk.services.speech.pronounce import Spoken, pronounce
from kiosk.services.speech.segment import phrases, sentences
from kiosk.services.speech.tables import TableError
from kiosk.services.speech.worker import Job, SynthesisWorker

log = logging.getLogger(__name__)

_TICK_MS = 40
REPEAT_WINDOW_S = 2.0  # ACCESSIBILITY 17: a second press within 2 s repeats the whole screen


@dataclass(frozen=True)
class _Said:
    """What the resident last asked to hear, kept for Repeat (never written to disk)."""

    text: str
    lang: str
    personal: bool
    neutral: str
    voice: str = ""


class SpeechService(QObject):
    """The speech port the app uses. `engine=None` means speech is off (nothing is synthesised).

    Signals:
        speakingChanged(bool)
        textChanged(str)          the text now being spoken (what word offsets index into)
        wordChanged(int, int)     start and length of the word being heard; (-1, 0) for none
        voiceMissing(str)         no voice for that language: nothing was spoken
        engineFailed(str)         the engine failed; detail for the log
        headsetChanged(bool)      a headset became active (detected or toggled) or inactive
        volumeChanged(int), rateChanged(int), pausedChanged(bool)
    """

    speakingChanged = Signal(bool)
    textChanged = Signal(str)
    wordChanged = Signal(int, int)
    voiceMissing = Signal(str)
    engineFailed = Signal(str)
    headsetChanged = Signal(bool)
    volumeChanged = Signal(int)
    rateChanged = Signal(int)
    pausedChanged = Signal(bool)

    def __init__(
        self,
        engine: SpeechEngine | None,
        player: AudioPlayer,
        headset: HeadsetMonitor | None = None,
        *,
        language: Callable[[], str] = current_language,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.player = player
        self.headset = headset or HeadsetMonitor(mode="manual", parent=self)
        self._language = language
        self._clock = clock
        self._worker = SynthesisWorker(engine, self) if engine is not None else None
        self._generation = 0
        self._speaking = False
        self._text = ""
        self._spoken = Spoken("", "", ())  # what the engine was given for _text
        self._tone = False
        self._offsets: list[int] = []  # word start times in the stream, ms
        self._words: list[tuple[int, int]] = []  # (start, length) in the current text
        self._word = -1
        self._sentences: list[tuple[int, int]] = []
        self._last_sentence = ""
        self._said: _Said | None = None
        self._last_repeat = -1e9
        self._track = False  # whether the words heard now update the last sentence
        self.rate_step = 1
        self.speaker_volume_step = 3
        self.headset_volume_step = HEADSET_VOLUME_STEP
        self._timer = QTimer(self)
        self._timer.setInterval(_TICK_MS)
        self._timer.timeout.connect(self._tick)
        if self._worker is not None:
            self._worker.ready.connect(self._on_ready)
            self._worker.done.connect(self._on_done)
            self._worker.failed.connect(self._on_failed)
        self.player.finished.connect(self._on_finished)
        self.headset.activeChanged.connect(self._on_headset)
        self.player.set_gain(volume_gain(self.volume_step))

    # --- state -------------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self._worker is not None

    @property
    def speaking(self) -> bool:
        return self._speaking

    @property
    def text(self) -> str:
        return self._text

    @property
    def volume_step(self) -> int:
        return self.headset_volume_step if self.headset.active else self.speaker_volume_step

    def set_volume_step(self, step: int) -> None:
        step = min(max(step, 0), VOLUME_COUNT - 1)
        if self.headset.active:
            self.headset_volume_step = step
        else:
            self.speaker_volume_step = step
        self.player.set_gain(volume_gain(step))
        self.volumeChanged.emit(step)

    def set_rate_step(self, step: int) -> None:
        self.rate_step = min(max(step, 0), len(RATES) - 1)
        self.rateChanged.emit(self.rate_step)

    # --- speaking ----------------------------------------------------------------------------
    def speak(
        self,
        text: str,
        lang: str | None = None,
        *,
        personal: bool = False,
        neutral: str = "",
        tone: bool = False,
        remember: bool = True,
        voice: str = "",
    ) -> None:
        """Speak `text`, replacing whatever is being spoken.

        Personal text (PINs, codes, contact details) is spoken only while a headset is active;
        otherwise `neutral` (e.g. "10 digits entered") is spoken instead, or "hidden".
        `voice` is a role of port.VOICES: "" the narrator, "other" a second voice (a caller).
        """
        lang = lang or self._language()
        self._track = remember
        if remember:
            self._said = _Said(text, lang, personal, neutral, voice)
            self._last_sentence = ""
        if personal and not self.headset.active:
            text = neutral or _("Hidden.")
        self._halt()
        if not text.strip():
            self._set_speaking(False)
            return
        self._start(text, lang, tone, voice)

    def _start(self, text: str, lang: str, tone: bool, voice: str = "") -> None:
        """Synthesise and play `text` (already cleared for privacy) in the `voice` role."""
        self._generation += 1
        self._text = text
        self._tone = tone
        self._sentences = sentences(text)
        if self._track and not self._last_sentence:
            self._last_sentence = text[slice(*self._sentences[0])] if self._sentences else text
        self.textChanged.emit(text)
        if self._worker is None:
            self._set_speaking(False)
            return
        # The pronunciation layer comes after the privacy rule (speak() chose what may be said):
        # the caption keeps `text`, the engine hears "едно едно две" for "112".
        self._spoken = self._pronounce(text, lang)
        said = self._spoken.text
        rate = RATES[self.rate_step]
        # The first sentence goes phrase by phrase so that its first phrase plays at once;
        # espeak-ng synthesises phrase by phrase anyway, so the audio is the same.
        parts = sentences(said) or [(0, len(said))]
        first, rest = parts[0], parts[1:]
        spans = [(first[0] + a, first[0] + b) for a, b in phrases(said[first[0] : first[1]])]
        pieces = tuple((said[s:e], s) for s, e in [*spans, *rest])
        self._set_speaking(True)
        self._worker.submit(Job(self._generation, pieces, lang, rate.wpm, rate.pause_ms, voice))

    @staticmethod
    def _pronounce(text: str, lang: str) -> Spoken:
        try:
            return pronounce(text, lang)
        except TableError as exc:  # a broken table must not silence the kiosk
            log.error("speech: the pronunciation table cannot be used: %s", exc)
            return Spoken(text, text, ())

    def warn(self, text: str, lang: str | None = None) -> None:
        """The idle warning: a short tone, then `text`."""
        self.speak(text, lang, tone=True, remember=False)

    def stop(self) -> None:
        """Silence at once; results still being synthesised are dropped."""
        self._halt()
        self._set_speaking(False)

    @property
    def paused(self) -> bool:
        return self.player.paused

    def set_paused(self, paused: bool) -> None:
        """Pause or resume what is being spoken (the word highlight holds still)."""
        if self._speaking and paused != self.player.paused:
            self.player.set_paused(paused)
            self.pausedChanged.emit(self.player.paused)

    def repeat(self) -> None:
        """Say the last sentence again; a second press within 2 s says the whole text."""
        said = self._said
        if said is None:
            return
        now = self._clock()
        whole = now - self._last_repeat <= REPEAT_WINDOW_S
        self._last_repeat = now
        if whole or said.personal:
            self.speak(
                said.text,
                said.lang,
                personal=said.personal,
                neutral=said.neutral,
                remember=False,
                voice=said.voice,
            )
        else:
            self.speak(
                self._last_sentence or said.text, said.lang, remember=False, voice=said.voice
            )
        self._track = True  # what Repeat says is still the remembered text

    def forget(self) -> None:
        """Stop and drop the transcript (the session wipe)."""
        self.stop()
        self._said = None
        self._last_sentence = ""
        self._last_repeat = -1e9
        self._text = ""
        self.textChanged.emit("")

    def shutdown(self) -> None:
        self.stop()
        if self._worker is not None:
            self._worker.shutdown()

    # --- internals ---------------------------------------------------------------------------
    def _halt(self) -> None:
        if self.player.paused:
            self.player.set_paused(False)
            self.pausedChanged.emit(False)
        self._generation += 1
        if self._worker is not None:
            self._worker.cancel(self._generation)
        self.player.stop()
        self._timer.stop()
        self._offsets.clear()
        self._words.clear()
        if self._word != -1:
            self._word = -1
            self.wordChanged.emit(-1, 0)

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self._speaking:
            self._speaking = speaking
            self.speakingChanged.emit(speaking)

    def _on_ready(self, generation: int, index: int, offset: int, utterance: Utterance) -> None:
        if generation != self._generation:
            return
        if not self.player.active:
            self.player.begin(utterance.sample_rate, utterance.channels, utterance.sample_width)
            if self._tone:
                self.player.append(warning_tone(utterance.sample_rate))
            self._timer.start()
        base = self.player.queued_ms()
        for word in utterance.words:
            # offsets index the spoken text; the caption highlights the words on screen
            self._words.append(self._spoken.original_span(word.start + offset, word.length))
            self._offsets.append(word.offset_ms + base)
        self.player.append(utterance.pcm)

    def _on_done(self, generation: int) -> None:
        if generation != self._generation:
            return
        if self.player.active:
            self.player.close()
        else:
            self.stop()

    def _on_failed(self, generation: int, kind: str, detail: str) -> None:
        if generation != self._generation:
            return
        self.stop()
        if kind == "voice":
            self.voiceMissing.emit(detail)
        else:
            self.engineFailed.emit(detail)

    def _on_finished(self) -> None:
        self._timer.stop()
        if self._track and self._sentences:  # heard to the end: Repeat says the last one
            self._last_sentence = self._text[slice(*self._sentences[-1])]
        if self._word != -1:
            self._word = -1
            self.wordChanged.emit(-1, 0)
        self._set_speaking(False)

    def _tick(self) -> None:
        if not self._offsets:
            return
        index = bisect.bisect_right(self._offsets, self.player.position_ms()) - 1
        if index < 0 or index == self._word:
            return
        self._word = index
        start, length = self._words[index]
        for s, e in self._sentences if self._track else ():
            if s <= start < e:
                self._last_sentence = self._text[s:e]
        self.wordChanged.emit(start, length)

    def _on_headset(self, active: bool) -> None:
        # Insertion and removal both stop: private content must never continue on the speaker.
        self.stop()
        if active:
            self.headset_volume_step = HEADSET_VOLUME_STEP
        self.player.set_gain(volume_gain(self.volume_step))
        self.volumeChanged.emit(self.volume_step)
        self.headsetChanged.emit(active)
