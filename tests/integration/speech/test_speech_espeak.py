"""Real espeak-ng synthesis in bg, en, uk and tr: durations, rates, word timings, WAV files."""

from __future__ import annotations

import itertools
import statistics
import threading
import time
import wave
from pathlib import Path

import pytest

from kiosk.services.speech.port import RATES, SynthesisCancelled, VoiceMissing
from kiosk.services.speech.segment import word_spans
from tests.integration.speech.common import SAMPLES

espeak = pytest.importorskip("kiosk.services.speech.espeak")


@pytest.fixture(scope="module")
def engine() -> espeak.EspeakEngine:
    try:
        return espeak.EspeakEngine()
    except espeak.EngineUnavailable as exc:  # pragma: no cover - CI installs libespeak-ng1
        pytest.skip(f"espeak-ng missing: {exc}")


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_duration_is_plausible_for_text_and_rate(engine: espeak.EspeakEngine, lang: str) -> None:
    text = SAMPLES[lang]
    n_words = len(word_spans(text))
    durations = []
    for rate in RATES:
        utterance = engine.synthesise(text, lang, rate.wpm, rate.pause_ms)
        nominal_ms = n_words / rate.wpm * 60_000
        # Pauses, long Turkish words and espeak-ng's own pacing move it, but not by 2x.
        assert 0.6 * nominal_ms < utterance.duration_ms < 1.8 * nominal_ms, (rate, nominal_ms)
        durations.append(utterance.duration_ms)
    slow, normal, fast = durations
    assert slow > normal > fast


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_word_timings_increase_and_cover_the_text(engine: espeak.EspeakEngine, lang: str) -> None:
    text = SAMPLES[lang]
    utterance = engine.synthesise(text, lang, 150, 120)
    words = utterance.words
    assert [(w.start, w.length) for w in words] == word_spans(text)
    offsets = [w.offset_ms for w in words]
    assert all(a < b for a, b in itertools.pairwise(offsets))
    assert offsets[0] < 300 and offsets[-1] < utterance.duration_ms
    # The last word starts in the last fifth: the timings follow the audio, not the clock.
    assert offsets[-1] > 0.7 * utterance.duration_ms


def _brightness(pcm: bytes, rate: int) -> float:
    """The median number of zero crossings in the voiced 40 ms frames: higher for a brighter
    timbre (espeak-ng varies a little from run to run, about 3 % on this measure)."""
    samples = memoryview(pcm).cast("h")
    frame = rate * 40 // 1000
    counts = []
    for start in range(0, len(samples) - frame, frame):
        part = samples[start : start + frame]
        if sum(x * x for x in part) / frame < 1e5:
            continue  # a pause
        counts.append(sum(1 for a, b in itertools.pairwise(part) if (a < 0) != (b < 0)))
    return statistics.median(counts)


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_the_other_voice_is_another_voice_of_the_same_language(
    engine: espeak.EspeakEngine, lang: str
) -> None:
    """A pretend caller ("other") is heard as another person: the same words, about as long,
    with a clearly brighter timbre (measured 11-18 % in the four languages); the narrator's
    voice comes back after it."""
    text = SAMPLES[lang]
    narrator = engine.synthesise(text, lang, 150, 120)
    caller = engine.synthesise(text, lang, 150, 120, "other")
    again = engine.synthesise(text, lang, 150, 120)
    assert [(w.start, w.length) for w in caller.words] == word_spans(text)
    assert 0.75 < caller.duration_ms / narrator.duration_ms < 1.33
    base = _brightness(narrator.pcm, narrator.sample_rate)
    assert _brightness(caller.pcm, caller.sample_rate) / base >= 1.08
    assert 0.95 < _brightness(again.pcm, again.sample_rate) / base < 1.05


def test_thirty_words_at_150_wpm_last_10_to_14_seconds(engine: espeak.EspeakEngine) -> None:
    assert 10_000 <= engine.synthesise(SAMPLES["bg"], "bg", 150, 120).duration_ms <= 14_000


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_each_language_written_to_wav_has_the_expected_duration(
    engine: espeak.EspeakEngine, lang: str, tmp_path: Path
) -> None:
    utterance = engine.synthesise(SAMPLES[lang], lang, 150, 120)
    path = tmp_path / f"{lang}.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(utterance.channels)
        wav.setsampwidth(utterance.sample_width)
        wav.setframerate(utterance.sample_rate)
        wav.writeframes(utterance.pcm)
    with wave.open(str(path), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
    assert abs(seconds * 1000 - utterance.duration_ms) < 2
    # Not silence: the voice is there.
    assert (
        max(
            abs(int.from_bytes(utterance.pcm[i : i + 2], "little", signed=True))
            for i in range(0, len(utterance.pcm), 2000)
        )
        > 1000
    )


@pytest.mark.error_log  # the missing voice is logged
def test_unknown_language_is_reported_not_spoken_in_another_voice(
    engine: espeak.EspeakEngine, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(VoiceMissing) as info:
        engine.synthesise("Hello", "xx", 150, 0)
    assert info.value.lang == "xx"
    assert "no espeak-ng voice for language 'xx'" in caplog.text
    assert engine.has_voice("xx") is False
    assert all(engine.has_voice(lang) for lang in SAMPLES)
    # The previous voice is not left selected for the unknown language either.
    engine.synthesise("Здравейте.", "bg", 150, 0)
    with pytest.raises(VoiceMissing):
        engine.synthesise("Hello", "xx", 150, 0)


def test_cancel_abandons_a_long_synthesis(engine: espeak.EspeakEngine) -> None:
    text = " ".join([SAMPLES["en"]] * 40)
    timer = threading.Timer(0.01, engine.cancel)
    started = time.perf_counter()
    timer.start()
    with pytest.raises(SynthesisCancelled):
        engine.synthesise(text, "en", 150, 0)
    assert time.perf_counter() - started < 0.5
    # The next request is not affected by the old cancel.
    assert engine.synthesise("Again.", "en", 150, 0).duration_ms > 200


def test_version_is_reported(engine: espeak.EspeakEngine) -> None:
    assert engine.version()[0].isdigit()
