"""The fallback engine: pyttsx3 in a child process (exercised here with its espeak driver)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from kiosk.services.speech.child import ChildEngine
from kiosk.services.speech.port import EngineUnavailable, SynthesisCancelled, VoiceMissing
from kiosk.services.speech.segment import word_spans
from tests.integration.speech.common import SAMPLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def child() -> Iterator[ChildEngine]:
    try:
        engine = ChildEngine("espeak")
    except EngineUnavailable as exc:
        pytest.skip(f"the pyttsx3 child cannot start here: {exc}")
    yield engine
    engine.close()


def test_child_synthesises_bulgarian_with_timed_words(child: ChildEngine) -> None:
    text = SAMPLES["bg"]
    utterance = child.synthesise(text, "bg", 150, 0)
    n_words = len(word_spans(text))
    assert 0.6 * n_words / 150 * 60_000 < utterance.duration_ms < 1.8 * n_words / 150 * 60_000
    assert [(w.start, w.length) for w in utterance.words] == word_spans(text)
    offsets = [w.offset_ms for w in utterance.words]
    assert offsets == sorted(set(offsets))


def test_child_reports_a_missing_voice(child: ChildEngine) -> None:
    with pytest.raises(VoiceMissing):
        child.synthesise("Hello", "xx", 150, 0)
    assert child.has_voice("uk") and not child.has_voice("xx")


def test_cancel_terminates_the_child_and_the_next_request_works(child: ChildEngine) -> None:
    text = " ".join([SAMPLES["en"]] * 60)
    timer = threading.Timer(0.05, child.cancel)
    timer.start()
    started = time.perf_counter()
    with pytest.raises(SynthesisCancelled):
        child.synthesise(text, "en", 150, 0)
    assert time.perf_counter() - started < 1.0
    assert child.synthesise("Again.", "en", 150, 0).duration_ms > 200
