"""Headset state: PulseAudio/PipeWire port state via `pactl`, output-device changes, or a toggle.

Detection (mode "auto") watches `pactl subscribe` for sink and card events and re-reads
`pactl list sinks`; QMediaDevices.audioOutputsChanged is a second trigger (USB and Bluetooth
headsets appear as new outputs). Where neither is available, or in mode "manual", only the
resident's "I am using headphones" toggle counts. The audio server itself moves the stream to the
headphone port when a jack is plugged in, so the kiosk only has to follow the state.
"""

from __future__ import annotations

import logging
import re
import shutil

from PySide6.QtCore import QObject, QProcess, QTimer, Signal
from PySide6.QtMultimedia import QMediaDevices

log = logging.getLogger(__name__)

_HEADSET_WORDS = re.compile(r"head(phone|set)|earphone|слушалки", re.IGNORECASE)
_DEBOUNCE_MS = 150


def headphones_in_pactl(listing: str) -> bool:
    """Whether `pactl list sinks` shows a headphone or headset port (or sink) in use.

    A sink counts when its active port is a headphone port that is not marked "not available",
    or when the sink itself is a headset (USB, Bluetooth) and is running or idle.
    """
    for block in re.split(r"^Sink #\d+", listing, flags=re.MULTILINE)[1:]:
        active = re.search(r"^\s*Active Port:\s*(\S+)", block, re.MULTILINE)
        if active:
            port = active.group(1)
            line = re.search(rf"^\s*{re.escape(port)}:(.*)$", block, re.MULTILINE)
            detail = line.group(1) if line else ""
            if _HEADSET_WORDS.search(port + detail) and "not available" not in detail:
                return True
        description = re.search(r"^\s*Description:\s*(.*)$", block, re.MULTILINE)
        state = re.search(r"^\s*State:\s*(\S+)", block, re.MULTILINE)
        if (
            description
            and _HEADSET_WORDS.search(description.group(1))
            and (state is None or state.group(1) in ("RUNNING", "IDLE", "SUSPENDED"))
        ):
            return True
    return False


class HeadsetMonitor(QObject):
    """`active` is true when a headset is detected or the resident says they use one.

    Signals: detectedChanged(bool), manualChanged(bool), activeChanged(bool).
    """

    detectedChanged = Signal(bool)
    manualChanged = Signal(bool)
    activeChanged = Signal(bool)

    def __init__(self, mode: str = "auto", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self._detected = False
        self._manual = False
        self._pactl = shutil.which("pactl") if mode == "auto" else None
        self._watch: QProcess | None = None
        self._query: QProcess | None = None
        self._devices: QMediaDevices | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)

    @property
    def detection(self) -> str:
        """How a headset is noticed: "pactl", "devices" or "manual"."""
        if self._pactl:
            return "pactl"
        return "devices" if self.mode == "auto" else "manual"

    @property
    def detected(self) -> bool:
        return self._detected

    @property
    def manual(self) -> bool:
        return self._manual

    @property
    def active(self) -> bool:
        return self._detected or self._manual

    def start(self) -> None:
        """Begin watching (auto mode). Safe to call when nothing can be watched."""
        if self.mode != "auto":
            return
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._debounce.start)
        if self._pactl:
            self._watch = QProcess(self)
            self._watch.readyReadStandardOutput.connect(self._on_events)
            self._watch.errorOccurred.connect(self._on_watch_error)
            self._watch.start(self._pactl, ["subscribe"])
            log.info("speech: watching headset state with pactl")
        else:
            log.info("speech: pactl not found; headset noticed from output devices or the toggle")
        self.refresh()

    def stop(self) -> None:
        for process in (self._watch, self._query):
            if process is not None and process.state() != QProcess.ProcessState.NotRunning:
                process.kill()
                process.waitForFinished(500)
        self._watch = self._query = None

    def set_manual(self, on: bool) -> None:
        """The resident's "I am using headphones" toggle."""
        if on == self._manual:
            return
        was = self.active
        self._manual = on
        self.manualChanged.emit(on)
        if self.active != was:
            self.activeChanged.emit(self.active)

    def set_detected(self, on: bool) -> None:
        if on == self._detected:
            return
        was = self.active
        self._detected = on
        log.info("speech: headset %s", "connected" if on else "disconnected")
        self.detectedChanged.emit(on)
        if self.active != was:
            self.activeChanged.emit(self.active)

    def refresh(self) -> None:
        """Read the current state again (pactl if present, else the default output's name)."""
        if self._pactl:
            if self._query is not None and self._query.state() != QProcess.ProcessState.NotRunning:
                return
            self._query = QProcess(self)
            self._query.finished.connect(self._on_listing)
            self._query.start(self._pactl, ["list", "sinks"])
        elif self.mode == "auto":
            name = QMediaDevices.defaultAudioOutput().description()
            self.set_detected(bool(_HEADSET_WORDS.search(name)))

    def _on_events(self) -> None:
        if self._watch is None:
            return
        data = bytes(self._watch.readAllStandardOutput().data()).decode("utf-8", "replace")
        if re.search(r"on (sink|card|server)", data):
            self._debounce.start()

    def _on_listing(self) -> None:
        if self._query is None:
            return
        listing = bytes(self._query.readAllStandardOutput().data()).decode("utf-8", "replace")
        self.set_detected(headphones_in_pactl(listing))

    def _on_watch_error(self, error: QProcess.ProcessError) -> None:
        log.warning("speech: pactl cannot watch the headset (%s); use the toggle", error)
