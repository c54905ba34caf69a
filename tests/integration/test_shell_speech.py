"""The voice in the running kiosk: Listen, auto-reading, touch to stop, the spoken idle warning,
the wipe, and captions with the spoken word highlighted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF

from kiosk.config import Settings
from tests.integration.conftest import find, find_paged, settle, tap, tap_at


def test_each_new_screen_is_read_aloud_in_its_language(kiosk: Any) -> None:
    fake = kiosk.bridges.speech.service
    tap(kiosk.window, find(kiosk.window, "language_en"))
    settle()
    assert fake.spoken[-1].lang == "en"
    assert fake.texts[-1].startswith("What would you like to do? Touch one of the large buttons.")
    assert "choices: " in fake.texts[-1] and "Make it easier for me" in fake.texts[-1]


def test_listen_reads_the_screen_in_bulgarian(kiosk: Any) -> None:
    fake = kiosk.bridges.speech.service
    tap(kiosk.window, find(kiosk.window, "language_bg"))
    kiosk.bridges.speech.setAutoRead(False)
    before = len(fake.spoken)
    tap(kiosk.window, find(kiosk.window, "barListen"))
    assert len(fake.spoken) == before + 1
    assert fake.spoken[-1].lang == "bg"
    from kiosk import i18n

    assert fake.texts[-1].startswith(i18n.lookup("What would you like to do?", "bg") or "?")


def test_a_touch_anywhere_stops_the_voice(kiosk: Any) -> None:
    fake = kiosk.bridges.speech.service
    tap(kiosk.window, find(kiosk.window, "language_en"))
    assert kiosk.bridges.speech.speaking
    caption = find(kiosk.window, "captionText")
    assert "What would you like to do?" in caption.property("text")
    tap_at(kiosk.window, 1900, 1000)
    assert not kiosk.bridges.speech.speaking
    assert fake.stops


def test_the_quiet_voices_hint_stays_inside_its_box(make_kiosk: Any) -> None:
    """A 1366 × 768 panel at the largest size: the caption's hint ("Touch Listen to hear this
    screen.") is longer than its line; it ends in "…" inside its box, never over Next."""
    kiosk = make_kiosk(
        Settings({"session.tap_filter_ms": 0}), size=(1366, 768), panel_mm=1366 * 476 / 1920
    )
    tap(kiosk.window, find(kiosk.window, "language_bg"))
    kiosk.bridges.speech.setAutoRead(False)
    kiosk.bridges.session.setTextStep(2)
    settle()
    kiosk.bridges.speech.stop()
    settle()
    caption = find(kiosk.window, "captionText")
    assert not kiosk.bridges.speech.speaking and caption.property("truncated") is True
    box = caption.mapRectToScene(QRectF(0, 0, caption.width(), caption.height()))
    assert box.left() + caption.property("contentWidth") <= box.right() + 1


def test_the_idle_warning_is_spoken_with_a_tone(make_kiosk: Any, clock: Any) -> None:
    kiosk = make_kiosk(Settings({"session.tap_filter_ms": 0}), clock=clock)
    fake = kiosk.bridges.speech.service
    tap(kiosk.window, find(kiosk.window, "language_en"))
    clock.advance(121)
    kiosk.bridges.session.tick()
    settle()
    assert fake.spoken[-1].tone
    assert fake.texts[-1].startswith("Are you still there? Your data will be deleted in 30")
    clock.advance(15)
    kiosk.bridges.session.tick()
    assert "15 seconds" in fake.texts[-1]
    clock.advance(6)
    kiosk.bridges.session.tick()
    assert fake.texts[-1] == "9"


def test_the_wipe_silences_and_resets_rate_and_volume(kiosk: Any) -> None:
    speech = kiosk.bridges.speech
    tap(kiosk.window, find(kiosk.window, "language_en"))
    default_rate, default_volume = speech.rateStep, speech.volumeStep
    kiosk.bridges.nav.go("easier")
    settle()
    tap(kiosk.window, find_paged(kiosk.window, "rate0"))
    tap(kiosk.window, find_paged(kiosk.window, "volumeUp"))
    tap(kiosk.window, find_paged(kiosk.window, "autoReadOff"))
    assert (speech.rateStep, speech.volumeStep, speech.autoRead) == (0, default_volume + 1, False)
    speech.speak("Something long")
    kiosk.bridges.session.wipe()
    assert not speech.speaking
    assert (speech.rateStep, speech.volumeStep, speech.autoRead) == (
        default_rate,
        default_volume,
        True,
    )
    assert speech.currentText == ""


def test_errors_are_spoken(kiosk: Any) -> None:
    fake = kiosk.bridges.speech.service
    kiosk.bridges.session.setLanguage("en")
    kiosk.bridges.shell.show_error()
    settle()
    assert fake.texts[-1].startswith("Sorry, something went wrong. It is not your fault.")
