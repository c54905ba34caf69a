"""`doctor` findings for speech: engine, voices (one missing), audio output, speech off."""

from __future__ import annotations

from kiosk.config.loader import Settings
from kiosk.services.speech.doctor import engine_findings, findings, output_findings
from kiosk.services.speech.fake import RecordingEngine
from kiosk.services.speech.player import has_audio_output
from tests.integration.speech.common import QT_MULTIMEDIA_NOISE

pytestmark = QT_MULTIMEDIA_NOISE


class _NoTurkish(RecordingEngine):
    def has_voice(self, lang: str) -> bool:
        return lang != "tr"


def test_a_missing_voice_is_a_failure_naming_the_language() -> None:
    found = engine_findings(_NoTurkish(), "auto")
    assert ("fail", "no speech voice for 'tr': text in it will not be spoken") in found
    assert ("ok", "speech voice for 'bg' found") in found


def test_speech_off_and_no_engine() -> None:
    assert engine_findings(None, "off")[0][0] == "warn"
    assert engine_findings(None, "auto")[0][0] == "fail"


def test_real_findings_name_engine_voices_and_output(qapp) -> None:  # type: ignore[no-untyped-def]
    found = findings(Settings({}))
    assert all(level in ("ok", "warn", "fail") and text for level, text in found)
    texts = [text for _level, text in found]
    assert any(t.startswith("speech engine espeak-ng") for t in texts)
    for lang in ("bg", "en", "uk", "tr"):
        assert f"speech voice for '{lang}' found" in texts
    assert output_findings(has_audio_output())[0] in found
    if not has_audio_output():
        assert ("warn", "no audio output device: speech is synthesised but not heard") in found
