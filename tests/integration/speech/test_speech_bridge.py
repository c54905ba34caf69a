"""SpeechBridge: what QML sees and calls (with the recording fake, and once with real speech)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kiosk import i18n
from kiosk.bridge.speech import SpeechBridge, compose_screen
from kiosk.compose import speech_service
from kiosk.config.loader import Settings
from kiosk.services.speech.fake import RecordingSpeech
from kiosk.services.speech.headset import HeadsetMonitor
from tests.integration.speech.common import QT_MULTIMEDIA_NOISE

pytestmark = QT_MULTIMEDIA_NOISE


@pytest.fixture
def english() -> Iterator[None]:
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def fake(qapp) -> RecordingSpeech:  # type: ignore[no-untyped-def]
    return RecordingSpeech(HeadsetMonitor("manual"))


@pytest.fixture
def bridge(fake: RecordingSpeech, english: None) -> SpeechBridge:
    return SpeechBridge(fake, Settings({}))


def test_compose_screen_reads_title_instruction_and_choices(english: None) -> None:
    text = compose_screen("Report a problem", "Choose what is wrong", ["Pothole", "Street light"])
    assert text == "Report a problem. Choose what is wrong. 2 choices: Pothole, Street light."
    assert compose_screen("Help", "Ask at the desk!", []) == "Help. Ask at the desk!"


def test_listen_reads_the_screen_in_the_current_language(
    bridge: SpeechBridge, fake: RecordingSpeech
) -> None:
    bridge.readScreen("Home", "Choose what you want to do", ["Report", "Learn", "Buses"])
    assert (
        fake.spoken[-1].text == "Home. Choose what you want to do. 3 choices: Report, Learn, Buses."
    )
    assert fake.spoken[-1].lang == "en"
    i18n.set_language("bg")
    bridge.readScreen("Начало", "Изберете", [])
    assert fake.spoken[-1].lang == "bg"


def test_new_screen_is_read_only_when_auto_read_is_on(
    bridge: SpeechBridge, fake: RecordingSpeech
) -> None:
    assert bridge.autoRead is True
    bridge.showScreen("Home", "Choose", [])
    assert len(fake.spoken) == 1
    bridge.setAutoRead(False)
    bridge.showScreen("Buses", "Next departures", [])
    assert len(fake.spoken) == 1 and not bridge.speaking
    bridge.readScreen("Buses", "Next departures", [])  # Listen still works
    assert fake.texts[-1] == "Buses. Next departures."


def test_a_touch_stops_speech(qtbot: QtBot, bridge: SpeechBridge, fake: RecordingSpeech) -> None:
    bridge.speak("A long explanation.")
    assert bridge.speaking
    with qtbot.waitSignal(bridge.speakingChanged, timeout=500):
        bridge.stop()
    assert not bridge.speaking and len(fake.stops) == 1


def test_idle_warning_has_a_tone_and_is_spoken(bridge: SpeechBridge, fake: RecordingSpeech) -> None:
    bridge.warn("Are you still there?")
    assert fake.spoken[-1].tone and fake.spoken[-1].text == "Are you still there?"


def test_volume_and_rate_steps_are_announced(bridge: SpeechBridge, fake: RecordingSpeech) -> None:
    assert (bridge.volumeStep, bridge.volumeCount) == (3, 6)
    bridge.volumeUp()
    assert bridge.volumeStep == 4 and fake.texts[-1] == "Volume 5 of 6."
    for _ in range(8):
        bridge.volumeDown()
    assert bridge.volumeStep == 0 and fake.texts[-1] == "Volume 1 of 6."
    assert (bridge.rateStep, bridge.rateCount) == (1, 3)
    bridge.slower()
    assert bridge.rateStep == 0 and fake.texts[-1] == "Speech rate 1 of 3."
    bridge.faster()
    bridge.faster()
    bridge.faster()
    assert bridge.rateStep == 2


def test_repeat_after_an_announcement_repeats_the_screen(
    bridge: SpeechBridge, fake: RecordingSpeech
) -> None:
    bridge.readScreen("Home", "Choose", [])
    bridge.volumeUp()
    bridge.repeat()
    assert fake.texts[-1] == "Home. Choose."


def test_personal_entry_goes_to_the_speaker_only_as_a_neutral_phrase(
    bridge: SpeechBridge, fake: RecordingSpeech
) -> None:
    bridge.speakPersonal("7501020018", "10 digits entered.")
    assert fake.texts[-1] == "10 digits entered."
    bridge.setHeadset(True)
    assert bridge.headset and not bridge.headsetDetected
    bridge.speakPersonal("7501020018", "10 digits entered.")
    assert fake.texts[-1] == "7501020018"
    bridge.setHeadset(False)
    assert fake.texts[-1] == "The headphones are disconnected."
    assert all("7501020018" not in t for t in fake.texts[:-3])


def test_headset_greets_then_reads_the_screen(bridge: SpeechBridge, fake: RecordingSpeech) -> None:
    bridge.showScreen("Home", "Choose", [])
    fake.headset.set_detected(True)
    assert bridge.headset and bridge.headsetDetected and bridge.volumeStep == 1
    assert fake.texts[-1].startswith("Headphones connected.")
    assert fake.texts[-1].endswith("Home. Choose.")


def test_session_wipe_stops_and_restores_defaults(
    bridge: SpeechBridge, fake: RecordingSpeech
) -> None:
    bridge.readScreen("My report", "Your phone number is on the next screen", [])
    bridge.slower()
    bridge.volumeUp()
    bridge.setAutoRead(False)
    bridge.setHeadset(True)
    bridge.speak("Still talking")
    bridge.resetForNewSession()
    assert not bridge.speaking and fake.stops
    assert (bridge.rateStep, bridge.volumeStep, bridge.autoRead, bridge.headset) == (
        1,
        3,
        True,
        False,
    )
    spoken = len(fake.spoken)
    bridge.repeat()  # the transcript is gone
    assert len(fake.spoken) == spoken and bridge.currentText == ""


def test_created_from_settings_speaks_for_real(qtbot: QtBot, english: None) -> None:
    bridge = SpeechBridge(speech_service(Settings({})), Settings({}))
    try:
        if not bridge.available:  # pragma: no cover - CI installs libespeak-ng1
            pytest.skip("no speech engine on this machine")
        words: list[int] = []
        bridge.wordChanged.connect(lambda: words.append(bridge.wordStart))
        bridge.readScreen("Home", "Choose what you want to do", ["Report", "Learn"])
        assert bridge.speaking
        qtbot.waitUntil(lambda: len([w for w in words if w >= 0]) >= 3, timeout=5000)
        bridge.pause()
        assert bridge.paused and bridge.speaking
        bridge.resume()
        assert not bridge.paused
        text = bridge.currentText
        assert text.startswith("Home.") and text[words[0] : words[0] + 4] == "Home"
        bridge.stop()
        assert not bridge.speaking and bridge.wordStart == -1
    finally:
        bridge.shutdown()


def test_speech_off_is_quiet_and_safe(qapp) -> None:  # type: ignore[no-untyped-def]
    off = Settings({"speech.engine": "off"})
    bridge = SpeechBridge(speech_service(off), off)
    assert not bridge.available
    bridge.readScreen("Home", "Choose", [])
    bridge.repeat()
    assert not bridge.speaking
    bridge.resetForNewSession()
    bridge.shutdown()


def test_masked_entry_says_star_on_the_speaker(bridge: SpeechBridge, fake: RecordingSpeech) -> None:
    bridge.speakTyped("7", True)
    assert fake.texts[-1] == "star"
    bridge.speakTyped("a", False)
    assert fake.texts[-1] == "a"
    assert bridge.neutralFor("0888 123 456") == "10 digits entered."
    assert bridge.neutralFor("Ivan Petrov") == "10 characters entered."
    assert bridge.neutralFor("7") == "1 digit entered."
    bridge.setHeadset(True)
    bridge.speakTyped("7", True)
    assert fake.texts[-1] == "7"


def test_sink_player_without_a_device_ends_instead_of_hanging(qtbot: QtBot) -> None:
    from kiosk.services.speech.player import SinkPlayer, has_audio_output

    if has_audio_output():
        pytest.skip("this machine has an audio output")
    player = SinkPlayer()
    player.begin(22050)
    player.append(bytes(4410))
    with qtbot.waitSignal(player.finished, timeout=2000):
        player.close()
    player.stop()
    assert player.position_ms() == 0
