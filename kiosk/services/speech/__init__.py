"""Speech: one service behind a port; espeak-ng first, pyttsx3 in a child process as fallback.

Use `create_engine(settings)` for the engine the config asks for, and SpeechService (service.py)
to speak; the composition root (kiosk.compose.speech_service) builds the whole thing.
"""

from __future__ import annotations

import logging

from kiosk.config.loader import Settings
from kiosk.config.schema import SPEECH_ENGINE
from kiosk.services.speech.port import EngineUnavailable, SpeechEngine

log = logging.getLogger(__name__)


def create_engine(settings: Settings) -> SpeechEngine | None:
    """The engine per `speech.engine`; None (speech off) with a log line when none can run.

    auto: espeak-ng when libespeak-ng loads, else pyttsx3 in a child process, else off.
    """
    choice = settings[SPEECH_ENGINE]
    if choice == "off":
        log.info("speech: off by configuration")
        return None
    if choice in ("auto", "espeak-ng"):
        from kiosk.services.speech.espeak import EspeakEngine

        try:
            engine: SpeechEngine = EspeakEngine()
        except EngineUnavailable as exc:
            log.warning("speech: espeak-ng is not available: %s", exc)
            if choice == "espeak-ng":
                log.error("speech: off (speech.engine is 'espeak-ng' but it cannot run)")
                return None
        else:
            log.info("speech: engine espeak-ng %s", engine.version())
            return engine
    from kiosk.services.speech.child import ChildEngine

    try:
        engine = ChildEngine()
    except EngineUnavailable as exc:
        log.error("speech: off (no engine can run: %s)", exc)
        return None
    log.info("speech: engine pyttsx3 in a child process")
    return engine
