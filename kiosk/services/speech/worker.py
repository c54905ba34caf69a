"""The one synthesis thread: runs an engine's blocking `synthesise()` off the GUI thread.

This is the sanctioned dedicated worker of the speech service (STYLE 4 forbids ad-hoc threads):
libespeak-ng is a non-reentrant singleton, so all synthesis goes through one thread, one request
at a time, in order. Results cross back to the GUI thread through a Qt signal, which Qt queues
because the receiving QObject lives on the GUI thread.
"""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from kiosk.services.speech.port import (
    EngineUnavailable,
    SpeechEngine,
    SynthesisCancelled,
    Utterance,
    VoiceMissing,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """Synthesise `pieces` (text, char offset) in order; `generation` identifies the request."""

    generation: int
    pieces: tuple[tuple[str, int], ...]
    lang: str
    rate_wpm: int
    pause_ms: int
    voice: str = ""  # the voice role (port.VOICES)


class SynthesisWorker(QObject):
    """Queue of synthesis jobs served by one daemon thread.

    Signals (delivered on the thread this object lives on):
        ready(generation, piece_index, char_offset, utterance)
        done(generation)                     all pieces of the job were synthesised
        failed(generation, kind, detail)     kind: "voice" (detail = language) or "engine"
    """

    ready = Signal(int, int, int, object)
    done = Signal(int)
    failed = Signal(int, str, str)

    def __init__(self, engine: SpeechEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._current = 0  # the newest generation; older jobs are skipped
        self._thread = threading.Thread(target=self._run, name="speech-synthesis", daemon=True)
        self._thread.start()

    def submit(self, job: Job) -> None:
        """Queue `job`; it supersedes every earlier job."""
        self._current = job.generation
        self._jobs.put(job)

    def cancel(self, generation: int) -> None:
        """Abandon all jobs up to `generation` (call from the GUI thread; returns at once)."""
        self._current = max(self._current, generation)
        self.engine.cancel()

    def shutdown(self) -> None:
        self.engine.cancel()
        self._jobs.put(None)
        self._thread.join(timeout=2)
        self.engine.close()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if job.generation != self._current:
                continue
            self._serve(job)

    def _serve(self, job: Job) -> None:
        for index, (text, offset) in enumerate(job.pieces):
            if job.generation != self._current:
                return
            try:
                utterance: Utterance = self.engine.synthesise(
                    text, job.lang, job.rate_wpm, job.pause_ms, job.voice
                )
            except SynthesisCancelled:
                return
            except VoiceMissing as exc:
                self.failed.emit(job.generation, "voice", exc.lang)
                return
            except EngineUnavailable as exc:
                log.error("speech: %s", exc)
                self.failed.emit(job.generation, "engine", str(exc))
                return
            except Exception:  # the thread must survive any engine fault
                log.exception("speech: synthesis failed")
                self.failed.emit(job.generation, "engine", "synthesis failed")
                return
            if job.generation != self._current:
                return
            self.ready.emit(job.generation, index, offset, utterance)
        self.done.emit(job.generation)
