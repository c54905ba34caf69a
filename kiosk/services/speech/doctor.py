"""`doctor` findings for speech: engine, version, a voice per language, audio output, headset."""

from __future__ import annotations

import shutil

from kiosk.config.loader import Settings
from kiosk.config.schema import SPEECH_ENGINE, SPEECH_HEADSET_DETECTION
from kiosk.services.speech.port import LANGUAGES, SpeechEngine

Finding = tuple[str, str]


def engine_findings(engine: SpeechEngine | None, choice: str) -> list[Finding]:
    """What the engine can do: its name and version, and a voice for each interface language."""
    if engine is None:
        if choice == "off":
            return [("warn", "speech is off (speech.engine = 'off'): the kiosk will not speak")]
        return [("fail", "no speech engine can run: install libespeak-ng1 and espeak-ng-data")]
    found: list[Finding] = []
    version = engine.version()
    found.append(("ok", f"speech engine {engine.name}{' ' + version if version else ''}"))
    for lang in LANGUAGES:
        if engine.has_voice(lang):
            found.append(("ok", f"speech voice for '{lang}' found"))
        else:
            found.append(("fail", f"no speech voice for '{lang}': text in it will not be spoken"))
    return found


def output_findings(has_output: bool) -> list[Finding]:
    if has_output:
        return [("ok", "audio output device present")]
    return [("warn", "no audio output device: speech is synthesised but not heard")]


def headset_findings(mode: str) -> list[Finding]:
    if mode == "manual":
        return [("ok", "headset: the 'I am using headphones' button only (by configuration)")]
    if shutil.which("pactl"):
        return [("ok", "headset detection through pactl (PulseAudio/PipeWire)")]
    return [
        (
            "warn",
            "pactl not found: headsets are noticed only as new output devices or by the button",
        )
    ]


def findings(settings: Settings) -> list[Finding]:
    """Every speech finding as ("ok" | "warn" | "fail", one line of English)."""
    from PySide6.QtCore import QCoreApplication

    from kiosk.services.speech import create_engine
    from kiosk.services.speech.player import has_audio_output

    # QtMultimedia needs an application object; `doctor` runs without the GUI.
    app = QCoreApplication.instance() or QCoreApplication([])
    choice = settings[SPEECH_ENGINE]
    engine = create_engine(settings)
    try:
        result = engine_findings(engine, choice)
    finally:
        if engine is not None:
            engine.close()
    result += output_findings(has_audio_output())
    del app
    result += headset_findings(settings[SPEECH_HEADSET_DETECTION])
    return result
