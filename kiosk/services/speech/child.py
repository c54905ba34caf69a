"""Fallback engine where espeak-ng is absent (SAPI5, macOS): pyttsx3's Engine in a child process.

pyttsx3's `Engine.stop()` deadlocks in-process (DESIGN "Speech"), so it is never called: the
child only renders text to a WAV file with `save_to_file()`, the parent plays the PCM like any
other engine's, and cancelling means terminating the child (a new one starts on the next request).
The engine gives no usable word timings, so words are timed by their position in the text.
The frozen app must call `multiprocessing.freeze_support()` first thing in `main()`.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
import wave
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from kiosk.services.speech.port import (
    EngineUnavailable,
    SpeechEngine,
    SynthesisCancelled,
    Utterance,
    VoiceMissing,
    silence,
)
from kiosk.services.speech.segment import cover_words

log = logging.getLogger(__name__)

_START_TIMEOUT_S = 20.0
_SYNTH_TIMEOUT_S = 60.0


def _voice_for(engine: Any, lang: str) -> str | None:
    """The id of an installed voice for `lang` (by its language tags or id), or None."""
    for voice in engine.getProperty("voices"):
        tags = [str(t).lower().replace("_", "-") for t in (voice.languages or [])]
        ident = str(voice.id).lower()
        if any(t == lang or t.startswith(lang + "-") for t in tags) or ident.endswith("/" + lang):
            return str(voice.id)
    return None


def child_main(conn: Connection, driver: str | None) -> None:
    """The child: render each (text, lang, rate, path) request to a WAV file."""
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - pyttsx3 prints "Audio saved to ..."
    import pyttsx3

    try:
        engine = pyttsx3.init(driver) if driver else pyttsx3.init()
    except Exception as exc:  # any driver failure means "unavailable"
        conn.send(("error", f"pyttsx3 could not start: {exc}"))
        return
    conn.send(("ready", ""))
    voices: dict[str, str | None] = {}
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        kind, text, lang, rate, path = request
        if lang not in voices:
            voices[lang] = _voice_for(engine, lang)
        if voices[lang] is None:
            conn.send(("voice", lang))
            continue
        if kind == "probe":
            conn.send(("ok", ""))
            continue
        engine.setProperty("voice", voices[lang])
        engine.setProperty("rate", rate)
        for _attempt in range(2):
            engine.save_to_file(text, path)
            engine.runAndWait()
            if _written(path):
                conn.send(("ok", path))
                break
        else:
            conn.send(("error", "pyttsx3 wrote no audio"))


def _written(path: str, timeout_s: float = 5.0) -> bool:
    """Wait for the WAV file: pyttsx3's espeak driver can return before it writes it."""
    deadline = time.monotonic() + timeout_s
    size = -1
    while time.monotonic() < deadline:
        now = os.path.getsize(path) if os.path.exists(path) else -1
        if now > 44 and now == size:  # written and no longer growing
            return True
        size = now
        time.sleep(0.02)
    return False


class ChildEngine(SpeechEngine):
    """pyttsx3 in a spawned child process; `cancel()` terminates it."""

    name = "pyttsx3"

    def __init__(self, driver: str | None = None) -> None:
        self._driver = driver
        self._ctx = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._dir = Path(tempfile.mkdtemp(prefix="kiosk-speech-"))
        self._counter = 0
        self._ensure_child()

    def _ensure_child(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=child_main, args=(child, self._driver), daemon=True, name="speech-child"
        )
        process.start()
        child.close()
        if not parent.poll(_START_TIMEOUT_S):
            process.kill()
            raise EngineUnavailable("the pyttsx3 child process did not start")
        status, detail = parent.recv()
        if status != "ready":
            process.join(1)
            raise EngineUnavailable(detail)
        self._process, self._conn = process, parent
        return parent

    def _request(self, request: tuple[str, str, str, int, str]) -> tuple[str, str]:
        conn = self._ensure_child()
        conn.send(request)
        deadline = time.monotonic() + _SYNTH_TIMEOUT_S
        while not conn.poll(0.02):
            if self._cancel.is_set():
                self._kill()
                raise SynthesisCancelled()
            if time.monotonic() > deadline or self._process is None or not self._process.is_alive():
                self._kill()
                raise EngineUnavailable("the pyttsx3 child process stopped answering")
        reply: tuple[str, str] = conn.recv()
        return reply

    def _kill(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join(1)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def cancel(self) -> None:
        self._cancel.set()

    def has_voice(self, lang: str) -> bool:
        with self._lock:
            self._cancel.clear()
            return self._request(("probe", "", lang, 0, ""))[0] == "ok"

    def synthesise(
        self, text: str, lang: str, rate_wpm: int, pause_ms: int, voice: str = ""
    ) -> Utterance:
        # One voice per language here (SAPI5, macOS): every role speaks with it.
        with self._lock:
            self._cancel.clear()
            self._counter += 1
            path = self._dir / f"{self._counter}.wav"
            status, detail = self._request(("say", text, lang, rate_wpm, str(path)))
            if status == "voice":
                raise VoiceMissing(lang)
            if status != "ok":
                raise EngineUnavailable(detail)
            try:
                with wave.open(str(path), "rb") as wav:
                    rate, channels = wav.getframerate(), wav.getnchannels()
                    width = wav.getsampwidth()
                    pcm = wav.readframes(wav.getnframes())
            except (OSError, EOFError, wave.Error) as exc:
                raise EngineUnavailable(f"pyttsx3 wrote no usable audio ({exc})") from None
            finally:
                path.unlink(missing_ok=True)
        if width != 2:
            raise EngineUnavailable(f"pyttsx3 wrote {width * 8}-bit audio; 16-bit is needed")
        end_ms = len(pcm) * 1000 // (rate * channels * 2)
        pcm += silence(pause_ms, rate, channels)
        return Utterance(pcm, rate, channels, 2, cover_words(text, [], end_ms))

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError, ValueError):
                self._conn.send(None)
        self._kill()
        shutil.rmtree(self._dir, ignore_errors=True)
