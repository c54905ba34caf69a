"""Fixtures for the speech integration tests: real espeak-ng, a service on the silent clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.services.speech.headset import HeadsetMonitor
from kiosk.services.speech.player import SilentClockPlayer
from kiosk.services.speech.service import SpeechService


@pytest.fixture(scope="module")
def espeak_engine():  # type: ignore[no-untyped-def]
    from kiosk.services.speech.espeak import EngineUnavailable, EspeakEngine

    try:
        return EspeakEngine()
    except EngineUnavailable as exc:  # pragma: no cover - CI installs libespeak-ng1
        pytest.skip(f"espeak-ng missing: {exc}")


@pytest.fixture
def service(qapp, espeak_engine) -> Iterator[SpeechService]:  # type: ignore[no-untyped-def]
    svc = SpeechService(
        espeak_engine, SilentClockPlayer(), HeadsetMonitor("manual"), language=lambda: "bg"
    )
    yield svc
    svc.shutdown()  # stops the synthesis thread; espeak-ng's engine itself stays loaded
    svc.deleteLater()
