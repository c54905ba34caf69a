"""SpeechBridge: the `Speech` singleton QML uses to listen, repeat, stop, and set rate and volume.

Register one instance: `qmlRegisterSingletonInstance(SpeechBridge, "Kiosk", 1, 0, "Speech", b)`.
QML binds the highlight to `currentText`/`wordStart`/`wordLength`, calls `showScreen(...)` when
a screen opens (read aloud when `autoRead` is on), `readScreen(...)` for Listen, `stop()` on any
other touch, and `resetForNewSession()` comes from the session wipe.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.bridge.qt import Property
from kiosk.config.loader import Settings
from kiosk.config.schema import (
    SPEECH_AUTO_READ,
    SPEECH_DEFAULT_RATE,
    SPEECH_DEFAULT_VOLUME,
)
from kiosk.i18n import _, ngettext
from kiosk.services.speech.port import RATE_NAMES, RATES, VOLUME_COUNT
from kiosk.services.speech.privacy import masked_character, neutral_for
from kiosk.services.speech.service import SpeechService

log = logging.getLogger(__name__)


def _sentence(text: str) -> str:
    """`text` stripped and ending in a full stop (or its own . ! ? :), so the voice pauses."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:…" else text + "."


def compose_choices(choices: Sequence[str], more: bool = False) -> str:
    """The choices shown: "3 choices: a, b, c." and, when a list goes on to another page, "There
    are more choices." — exactly what is on the screen, no more, no less."""
    items = [c.strip() for c in choices if c and c.strip()]
    parts = []
    if items:
        # TRANSLATORS: read aloud after a screen's instruction; {items} is a comma-separated list.
        parts.append(
            ngettext("{count} choice: {items}.", "{count} choices: {items}.", len(items)).format(
                count=len(items), items=", ".join(items)
            )
        )
    if more:
        # TRANSLATORS: read aloud after the choices of a list that has another page
        parts.append(_("There are more choices on the next page."))
    return " ".join(parts)


def compose_screen(title: str, instruction: str, choices: Sequence[str], more: bool = False) -> str:
    """What Listen says: "Title. Instruction. 3 choices: a, b, c." in the current language."""
    parts = [_sentence(title), _sentence(instruction), compose_choices(choices, more)]
    return " ".join(p for p in parts if p)


class SpeechBridge(QObject):
    """QML face of the SpeechService. Steps are 0-based; announcements count from 1."""

    speakingChanged = Signal()
    currentTextChanged = Signal()
    wordChanged = Signal()
    rateStepChanged = Signal()
    volumeStepChanged = Signal()
    autoReadChanged = Signal()
    headsetChanged = Signal()
    pausedChanged = Signal()
    voiceMissing = Signal(str)  # language code; QML may show that this language has no voice

    def __init__(
        self, service: SpeechService, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._settings = settings
        self._word = (-1, 0)
        self._auto_read = True
        self._screen: tuple[str, str, tuple[str, ...], bool] | None = None
        self._resetting = False
        service.speakingChanged.connect(lambda _on: self.speakingChanged.emit())
        service.pausedChanged.connect(lambda _on: self.pausedChanged.emit())
        service.textChanged.connect(lambda _t: self.currentTextChanged.emit())
        service.wordChanged.connect(self._on_word)
        service.rateChanged.connect(lambda _s: self.rateStepChanged.emit())
        service.volumeChanged.connect(lambda _s: self.volumeStepChanged.emit())
        service.headsetChanged.connect(self._on_headset)
        service.headset.detectedChanged.connect(lambda _d: self.headsetChanged.emit())
        service.voiceMissing.connect(self.voiceMissing)
        self._apply_defaults()

    # --- properties --------------------------------------------------------------------------
    def _speaking(self) -> bool:
        return self.service.speaking

    def _paused(self) -> bool:
        return self.service.paused

    def _current_text(self) -> str:
        return self.service.text

    def _word_start(self) -> int:
        return self._word[0]

    def _word_length(self) -> int:
        return self._word[1]

    def _rate_step(self) -> int:
        return self.service.rate_step

    def _rate_count(self) -> int:
        return len(RATES)

    def _volume_step(self) -> int:
        return self.service.volume_step

    def _volume_count(self) -> int:
        return VOLUME_COUNT

    def _get_auto_read(self) -> bool:
        return self._auto_read

    def _headset(self) -> bool:
        return self.service.headset.active

    def _headset_detected(self) -> bool:
        return self.service.headset.detected

    def _available(self) -> bool:
        return self.service.available

    def _has_audio_output(self) -> bool:
        return self.service.player.has_output

    speaking = Property(bool, _speaking, notify=speakingChanged)
    paused = Property(bool, _paused, notify=pausedChanged)
    currentText = Property(str, _current_text, notify=currentTextChanged)
    wordStart = Property(int, _word_start, notify=wordChanged)
    wordLength = Property(int, _word_length, notify=wordChanged)
    rateStep = Property(int, _rate_step, notify=rateStepChanged)
    rateCount = Property(int, _rate_count, constant=True)
    volumeStep = Property(int, _volume_step, notify=volumeStepChanged)
    volumeCount = Property(int, _volume_count, constant=True)
    headset = Property(bool, _headset, notify=headsetChanged)
    headsetDetected = Property(bool, _headset_detected, notify=headsetChanged)
    available = Property(bool, _available, constant=True)
    hasAudioOutput = Property(bool, _has_audio_output, constant=True)

    @Slot(bool)
    def setAutoRead(self, on: bool) -> None:
        if on != self._auto_read:
            self._auto_read = on
            self.autoReadChanged.emit()

    autoRead = Property(bool, _get_auto_read, setAutoRead, notify=autoReadChanged)

    # --- speaking ----------------------------------------------------------------------------
    @Slot(str)
    def speak(self, text: str) -> None:
        """Speak `text` (a message, an error) in the interface language."""
        self.service.speak(text)

    @Slot(str, str)
    def speakAs(self, text: str, voice: str) -> None:
        """Speak `text` in a voice role of the speech port ("other": a pretend caller in a
        lesson), through the same pronunciation layer; Repeat says it in that voice again."""
        self.service.speak(text, voice=voice)

    @Slot(str, str)
    def speakPersonal(self, text: str, neutralReplacement: str) -> None:
        """On request: `text` through a headset only; the speaker says `neutralReplacement`."""
        self.service.speak(text, personal=True, neutral=neutralReplacement)

    @Slot(str, bool)
    def speakTyped(self, character: str, masked: bool) -> None:
        """A key was typed: masked fields say "star" on the speaker (the key only to a headset)."""
        if masked:
            self.service.speak(character, personal=True, neutral=masked_character(), remember=False)
        else:
            self.service.speak(character, remember=False)

    @Slot(str, result=str)
    def neutralFor(self, value: str) -> str:
        """The speaker's replacement for a personal value, e.g. "10 digits entered."."""
        return neutral_for(value)

    @Slot(str, str, "QVariantList")
    @Slot(str, str, "QVariantList", bool)
    def readScreen(
        self, title: str, instruction: str, choices: Sequence[Any], more: bool = False
    ) -> None:
        """Listen: read the screen's title, instruction and the choices shown."""
        self._screen = (title, instruction, tuple(str(c) for c in choices or ()), more)
        self.service.speak(compose_screen(*self._screen))

    @Slot(str, str, "QVariantList")
    @Slot(str, str, "QVariantList", bool)
    def showScreen(
        self, title: str, instruction: str, choices: Sequence[Any], more: bool = False
    ) -> None:
        """A new screen opened: remember it for Listen and Repeat; read it when autoRead is on."""
        self._screen = (title, instruction, tuple(str(c) for c in choices or ()), more)
        if self._auto_read:
            self.service.speak(compose_screen(*self._screen))
        else:
            self.service.stop()

    @Slot(str, str, "QVariantList", bool)
    def noteScreen(self, title: str, instruction: str, choices: Sequence[Any], more: bool) -> None:
        """What the screen shows changed while something else speaks (a lesson's next step,
        narrated by the lesson): remember it for Listen and Repeat, say nothing."""
        self._screen = (title, instruction, tuple(str(c) for c in choices or ()), more)

    @Slot(str, str, "QVariantList", bool)
    def showChoices(self, title: str, instruction: str, choices: Sequence[Any], more: bool) -> None:
        """What the screen shows changed (a list arrived, another page): say the choices now
        shown, so the voice never disagrees with the screen."""
        self._screen = (title, instruction, tuple(str(c) for c in choices or ()), more)
        if self._auto_read:
            # still saying the screen: say it again whole, not only the choices
            whole = self.service.speaking
            self.service.speak(
                compose_screen(*self._screen) if whole else compose_choices(self._screen[2], more)
            )

    @Slot(str)
    def warn(self, text: str) -> None:
        """The idle warning: a short tone, then `text`."""
        self.service.warn(text)

    @Slot()
    def stop(self) -> None:
        self.service.stop()

    @Slot()
    def pause(self) -> None:
        """Hold the voice where it is (for long texts); resume() goes on from there."""
        self.service.set_paused(True)

    @Slot()
    def resume(self) -> None:
        self.service.set_paused(False)

    @property
    def last_screen(self) -> tuple[str, str, tuple[str, ...], bool] | None:
        """What the voice last said of the screen: title, instruction, the choices shown and
        whether there are more (the screen audit compares it with what is shown)."""
        return self._screen

    @Slot()
    def repeat(self) -> None:
        """One press: the last sentence; a second press within 2 s: the whole screen."""
        self.service.repeat()

    # --- rate and volume ---------------------------------------------------------------------
    @Slot(int)
    def setRateStep(self, step: int) -> None:
        self.service.set_rate_step(step)
        # TRANSLATORS: said after the speaking rate changes, e.g. "Speech rate 1 of 3".
        self._announce(
            _("Speech rate {step} of {count}.").format(
                step=self.service.rate_step + 1, count=len(RATES)
            )
        )

    @Slot()
    def slower(self) -> None:
        self.setRateStep(self.service.rate_step - 1)

    @Slot()
    def faster(self) -> None:
        self.setRateStep(self.service.rate_step + 1)

    @Slot(int)
    def setVolumeStep(self, step: int) -> None:
        self.service.set_volume_step(step)
        # TRANSLATORS: said after the volume changes, e.g. "Volume 3 of 6" ("Сила 3 от 6").
        self._announce(
            _("Volume {step} of {count}.").format(
                step=self.service.volume_step + 1, count=VOLUME_COUNT
            )
        )

    @Slot()
    def volumeUp(self) -> None:
        self.setVolumeStep(self.service.volume_step + 1)

    @Slot()
    def volumeDown(self) -> None:
        self.setVolumeStep(self.service.volume_step - 1)

    @Slot(bool)
    def setHeadset(self, on: bool) -> None:
        """The resident's "I am using headphones" toggle."""
        self.service.headset.set_manual(on)

    # --- session -----------------------------------------------------------------------------
    @Slot()
    def resetForNewSession(self) -> None:
        """Session wipe: stop, flush queue and transcript, per-person settings to defaults."""
        self._resetting = True  # no "headphones disconnected" for the next person
        try:
            self.service.headset.set_manual(False)
        finally:
            self._resetting = False
        self.service.forget()
        self._screen = None
        self._apply_defaults()

    @Slot()
    def shutdown(self) -> None:
        """At exit: stop speaking, end the synthesis thread and the headset watcher."""
        self.service.headset.stop()
        self.service.shutdown()

    def _apply_defaults(self) -> None:
        self.service.set_rate_step(RATE_NAMES.index(self._settings[SPEECH_DEFAULT_RATE]))
        self.service.speaker_volume_step = self._settings[SPEECH_DEFAULT_VOLUME] - 1
        self.service.set_volume_step(self.service.volume_step)
        self.setAutoRead(self._settings[SPEECH_AUTO_READ])

    def _announce(self, text: str) -> None:
        # Not remembered: Repeat still repeats the screen, not "Volume 3 of 6".
        self.service.speak(text, remember=False)

    def _on_word(self, start: int, length: int) -> None:
        self._word = (start, length)
        self.wordChanged.emit()

    def _on_headset(self, active: bool) -> None:
        self.headsetChanged.emit()
        if self._resetting:
            return
        if active:
            # ACCESSIBILITY 28: greeting and volume hint, then start reading.
            text = _("Headphones connected. Press Volume up to make it louder.")
            if self._screen is not None:
                text += " " + compose_screen(*self._screen)
        else:
            text = _("The headphones are disconnected.")
        self.service.speak(text, remember=False)
