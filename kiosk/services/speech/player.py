"""PCM playback on the GUI thread: QAudioSink in push mode, or a silent clock without a device.

Stopping a sink takes about a millisecond (DESIGN "Speech"). Without an audio output (CI, a kiosk
whose sound card failed) the silent-clock player keeps time from a monotonic clock so the word
highlight, `finished` and every test behave as if the audio played, and nothing waits on a device.
"""

from __future__ import annotations

import logging
import math
import struct
import time
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio

from kiosk.services.speech.port import pcm_ms, silence

log = logging.getLogger(__name__)

_FEED_MS = 20  # how often the sink is topped up; well inside its buffer
_SINK_BUFFER_MS = 250


class AudioPlayer(QObject):
    """One stream at a time: begin(), append() PCM as it is synthesised, close(), or stop().

    Signals:
        firstAudio()  the first PCM of a stream was handed over (benchmarks measure to here)
        finished()    a closed stream has played to its end (not emitted after stop())
    """

    firstAudio = Signal()
    finished = Signal()
    has_output = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sample_rate = 22050
        self.channels = 1
        self.sample_width = 2
        self.gain = 1.0
        self._queued_bytes = 0
        self._closed = False
        self._active = False
        self.paused = False

    @property
    def active(self) -> bool:
        return self._active

    def begin(self, sample_rate: int, channels: int = 1, sample_width: int = 2) -> None:
        self.stop()
        self.sample_rate, self.channels, self.sample_width = sample_rate, channels, sample_width
        self._queued_bytes = 0
        self._closed = False
        self._active = True

    def append(self, pcm: bytes) -> None:
        if not self._active:
            return
        if self._queued_bytes == 0 and pcm:
            self.firstAudio.emit()
        self._queued_bytes += len(pcm)

    def close(self) -> None:
        """No more PCM will come; `finished` follows when the stream has played."""
        self._closed = True

    def stop(self) -> None:
        self._active = False
        self.paused = False

    def set_paused(self, paused: bool) -> None:
        """Hold playback where it is (ACCESSIBILITY 17: pause and resume long texts)."""
        self.paused = paused and self._active

    def queued_ms(self) -> int:
        return pcm_ms(self._queued_bytes, self.sample_rate, self.channels, self.sample_width)

    def position_ms(self) -> int:
        """How much of the current stream has been heard, in milliseconds."""
        raise NotImplementedError

    def set_gain(self, gain: float) -> None:
        self.gain = gain

    def _finish(self) -> None:
        self._active = False
        self.finished.emit()


class SilentClockPlayer(AudioPlayer):
    """Plays nothing; the position advances in real time, as if a device played the PCM."""

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._start = 0.0
        self._held_at = 0  # position while paused
        self._timer = QTimer(self)
        self._timer.setInterval(_FEED_MS)
        self._timer.timeout.connect(self._tick)

    def begin(self, sample_rate: int, channels: int = 1, sample_width: int = 2) -> None:
        super().begin(sample_rate, channels, sample_width)
        self._start = self._clock()
        self._timer.start()

    def set_paused(self, paused: bool) -> None:
        if paused and not self.paused and self._active:
            self._held_at = self.position_ms()
        elif not paused and self.paused:
            self._start = self._clock() - self._held_at / 1000.0
        super().set_paused(paused)

    def position_ms(self) -> int:
        if not self._active:
            return 0
        if self.paused:
            return self._held_at
        elapsed = (self._clock() - self._start) * 1000.0
        queued = self.queued_ms()
        if elapsed > queued and not self._closed:
            # An underrun: a real sink would wait for data, so the clock waits too.
            self._start += (elapsed - queued) / 1000.0
            elapsed = queued
        return int(min(elapsed, queued))

    def _tick(self) -> None:
        if self.paused:
            return
        if self._active and self._closed and self.position_ms() >= self.queued_ms():
            self._timer.stop()
            self._finish()

    def stop(self) -> None:
        super().stop()
        self._timer.stop()


class SinkPlayer(AudioPlayer):
    """QAudioSink in push mode on the default output device (re-read for each stream)."""

    has_output = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sink: QAudioSink | None = None
        self._key: tuple[bytes, int, int] | None = None
        self._io: QIODevice | None = None
        self._pending = bytearray()
        self._timer = QTimer(self)
        self._timer.setInterval(_FEED_MS)
        self._timer.timeout.connect(self._feed)

    def begin(self, sample_rate: int, channels: int = 1, sample_width: int = 2) -> None:
        super().begin(sample_rate, channels, sample_width)
        fmt = QAudioFormat()
        fmt.setSampleRate(sample_rate)
        fmt.setChannelCount(channels)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        device = QMediaDevices.defaultAudioOutput()
        key = (bytes(device.id().data()), sample_rate, channels)
        # Reuse the sink while the device and format stay the same (opening one costs time);
        # a headset that became the default output gets a new sink on the next stream.
        if self._sink is None or key != self._key:
            if self._sink is not None:
                self._sink.deleteLater()
            self._sink = QAudioSink(device, fmt, self)
            self._sink.setBufferSize(
                sample_rate * channels * sample_width * _SINK_BUFFER_MS // 1000
            )
            self._key = key
        self._sink.setVolume(self.gain)
        self._pending.clear()
        self._io = self._sink.start()
        if self._io is None:
            log.warning("speech: the audio output could not be opened (%s)", self._sink.error())
        self._timer.start()

    def append(self, pcm: bytes) -> None:
        super().append(pcm)
        if self._active:
            self._pending += pcm
            self._feed()

    def _feed(self) -> None:
        sink, io = self._sink, self._io
        if sink is None or io is None or not self._active:
            if self._active and self._closed:
                self._timer.stop()
                self._finish()  # no device could be opened: end rather than hang
            return
        free = sink.bytesFree()
        if self._pending and free > 0:
            n = min(free, len(self._pending))
            written = io.write(QByteArray(bytes(self._pending[:n])))
            if written > 0:
                del self._pending[:written]
        if self.paused:
            return
        drained = not self._pending and sink.state() != QtAudio.State.ActiveState
        if self._closed and drained:
            self._timer.stop()
            self._finish()

    def position_ms(self) -> int:
        if self._sink is None or not self._active:
            return 0
        return min(int(self._sink.processedUSecs() // 1000), self.queued_ms())

    def stop(self) -> None:
        super().stop()
        self._timer.stop()
        self._pending.clear()
        if self._sink is not None:
            self._sink.stop()
        self._io = None

    def set_paused(self, paused: bool) -> None:
        super().set_paused(paused)
        if self._sink is not None:
            if self.paused:
                self._sink.suspend()
            elif self._active:
                self._sink.resume()

    def set_gain(self, gain: float) -> None:
        super().set_gain(gain)
        if self._sink is not None:
            self._sink.setVolume(gain)


def has_audio_output() -> bool:
    """Whether Qt sees any audio output device."""
    return not QMediaDevices.defaultAudioOutput().isNull()


def create_player(parent: QObject | None = None) -> AudioPlayer:
    """A sink player when there is an output device, else the silent clock (logged once)."""
    if has_audio_output():
        return SinkPlayer(parent)
    log.warning("speech: no audio output device; speech is synthesised but not heard")
    return SilentClockPlayer(parent)


def warning_tone(sample_rate: int = 22050, ms: int = 420) -> bytes:
    """A short, distinct two-note chime (≤ 0.5 s, ACCESSIBILITY 23) as 16-bit mono PCM."""
    notes = ((880.0, ms // 2), (660.0, ms - ms // 2))
    out = bytearray()
    for freq, length in notes:
        frames = sample_rate * length // 1000
        fade = max(sample_rate * 15 // 1000, 1)  # 15 ms fades: no clicks
        for i in range(frames):
            envelope = min(1.0, i / fade, (frames - i) / fade)
            value = 0.45 * envelope * math.sin(2.0 * math.pi * freq * i / sample_rate)
            out += struct.pack("<h", int(value * 32767))
    return bytes(out) + silence(150, sample_rate)
