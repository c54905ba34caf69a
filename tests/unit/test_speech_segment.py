"""Sentence and phrase splitting, word timing coverage, volume steps, and pactl parsing."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from kiosk.services.speech.headset import headphones_in_pactl
from kiosk.services.speech.port import RATES, VOLUME_COUNT, VOLUME_DB, Utterance, volume_gain
from kiosk.services.speech.segment import cover_words, phrases, sentences, word_spans


def test_sentences_split_on_end_punctuation_before_a_capital() -> None:
    text = "Здравейте. Добре дошли на ул. раковски! Какво ще правим? Ok"
    parts = [text[s:e].strip() for s, e in sentences(text)]
    assert parts == ["Здравейте.", "Добре дошли на ул. раковски!", "Какво ще правим?", "Ok"]


def test_sentences_cover_the_text() -> None:
    text = "One. Two three.\nFour"
    spans = sentences(text)
    assert "".join(text[s:e] for s, e in spans) == text


def test_phrases_split_at_commas_and_dashes() -> None:
    text = "Изберете, моля, услуга — или помощ"
    assert [text[s:e].strip() for s, e in phrases(text)] == [
        "Изберете,",
        "моля,",
        "услуга —",
        "или помощ",
    ]


def test_cover_words_fills_words_the_engine_skipped() -> None:
    text = "Добре дошли в библиотеката на града"
    # espeak-ng reports no event for "библиотеката" after the one-letter "в".
    events = [(0, 0), (6, 300), (12, 640), (27, 1500), (30, 1700)]
    words = cover_words(text, events, 2300)
    assert [text[w.start : w.start + w.length] for w in words] == text.split()
    assert [w.offset_ms for w in words][:3] == [0, 300, 640]
    assert 640 < words[3].offset_ms < 1500


@given(st.text(alphabet="абв гд,.ab 1", max_size=60), st.integers(min_value=0, max_value=9000))
def test_cover_words_always_increasing_and_inside(text: str, end_ms: int) -> None:
    events = [(i, i * 37) for i in range(0, len(text), 3)]
    words = cover_words(text, events, end_ms)
    assert len(words) == len(word_spans(text))
    offsets = [w.offset_ms for w in words]
    assert offsets == sorted(set(offsets))
    for w in words:
        assert w.start >= 0 and w.start + w.length <= len(text)


def test_volume_steps_span_at_least_18_db_in_at_least_five_steps() -> None:
    assert VOLUME_COUNT >= 5
    assert VOLUME_DB[-1] - VOLUME_DB[0] >= 18
    gains = [volume_gain(i) for i in range(VOLUME_COUNT)]
    assert gains == sorted(gains) and math.isclose(gains[-1], 1.0)
    assert volume_gain(99) == gains[-1] and volume_gain(-3) == gains[0]


def test_rates_are_about_120_150_190_and_slower_pauses_longer() -> None:
    assert [r.name for r in RATES] == ["slow", "normal", "fast"]
    assert RATES[0].wpm >= 120 and 140 <= RATES[1].wpm <= 160 and RATES[2].wpm >= 180
    assert RATES[0].pause_ms > RATES[1].pause_ms > RATES[2].pause_ms


def test_utterance_duration() -> None:
    assert Utterance(bytes(44100), 22050).duration_ms == 1000


PACTL_SPEAKER = """Sink #0
\tState: SUSPENDED
\tName: alsa_output.pci-0000_00_1f.3.analog-stereo
\tDescription: Built-in Audio Analog Stereo
\tPorts:
\t\tanalog-output-speaker: Speakers (type: Speaker, priority: 10000, availability unknown)
\t\tanalog-output-headphones: Headphones (type: Headphones, priority: 9900, not available)
\tActive Port: analog-output-speaker
"""


def test_pactl_speaker_only_is_not_a_headset() -> None:
    assert headphones_in_pactl(PACTL_SPEAKER) is False


def test_pactl_headphone_port_active_is_a_headset() -> None:
    plugged = PACTL_SPEAKER.replace("9900, not available", "9900, available").replace(
        "Active Port: analog-output-speaker", "Active Port: analog-output-headphones"
    )
    assert headphones_in_pactl(plugged) is True


def test_pactl_usb_headset_sink_is_a_headset() -> None:
    usb = PACTL_SPEAKER + (
        "\nSink #1\n\tState: RUNNING\n\tName: alsa_output.usb-headset\n"
        "\tDescription: USB Headset Analog Stereo\n"
    )
    assert headphones_in_pactl(usb) is True
