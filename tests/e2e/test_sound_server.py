"""Speech really reaches a sound server: the kiosk under Xvfb plays to a PulseAudio null sink
whose monitor is recorded. Touching the attract screen starts a visit and the home screen is
read aloud (speech energy); a touch while it speaks silences it within 100 ms of the touch,
measured on the recording's own clock against the moment the X server had the touch."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.screens import (
    BACKGROUND,
    Xvfb,
    artifact_dir,
    kiosk_log,
    running_kiosk,
    share,
    shows_attract_screen,
    wait_for,
    xvfb_display,
)
from tests.e2e.sound import WINDOW_MS, PulseServer, Recorder
from tests.e2e.xtest import XTest

pytestmark = pytest.mark.slow

LOUD = 0.02  # RMS of a 10 ms window while espeak-ng speaks (its peaks are near full scale)
SILENT = 0.0005  # the null sink's monitor carries digital silence when nothing plays
QUIET_AFTER_MS = 100
# Places with nothing to touch (the screen's background), at 1280x720: beside the attract
# screen's greeting, and on the home screen under its second tile, beside "More".
ATTRACT_SPOT, HOME_SPOT = (1100, 50), (560, 570)


@pytest.fixture
def pulse() -> Iterator[PulseServer]:
    server = PulseServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


def empty_spot(x: Xvfb, spot: tuple[int, int], shot: Path) -> None:
    """The spot shows the screen's background: touching it presses nothing."""
    region = x.screenshot(shot).copy(spot[0] - 10, spot[1] - 10, 20, 20)
    assert share(region, BACKGROUND) > 0.9, f"{spot} is not empty background in {shot}"


def speaking_for(recorder: Recorder, since: float, ms: int) -> bool:
    """At least `ms` of speech since `since`, and speaking right now (mid-word)."""
    levels = recorder.rms()[recorder.index_at(since) :]
    loud = sum(v > LOUD for v in levels) * WINDOW_MS
    return loud >= ms and len(levels) >= 5 and all(v > LOUD for v in levels[-5:])


def test_speech_reaches_the_sound_server_and_a_touch_silences_it(
    tmp_path: Path, pulse: PulseServer
) -> None:
    shots = artifact_dir(tmp_path)
    with xvfb_display(tmp_path) as x:
        env = dict(x.env(), PULSE_SERVER=pulse.env()["PULSE_SERVER"])
        recorder, pointer = Recorder(pulse), XTest(x.display)
        try:
            with running_kiosk(env, tmp_path) as kiosk:

                def attract_up() -> bool:
                    assert kiosk.poll() is None, f"the kiosk ended: {kiosk_log(tmp_path)}"
                    return shows_attract_screen(x.screenshot(shots / "sound-attract.png"))

                wait_for("the attract screen", attract_up, timeout=120, every=1.0)
                empty_spot(x, ATTRACT_SPOT, shots / "sound-attract.png")
                started = pointer.tap(*ATTRACT_SPOT)
                wait_for("speech on the home screen", lambda: speaking_for(recorder, started, 300),
                         timeout=60, every=0.05)  # fmt: skip
                empty_spot(x, HOME_SPOT, shots / "sound-home.png")
                # the home screen is being read: touch in the middle of a word
                wait_for("more speech", lambda: speaking_for(recorder, started, 1500), 60, 0.01)
                touched = pointer.tap(*HOME_SPOT)
                time.sleep(1.5)  # enough recording after the touch; the verdict uses its clock
                levels = recorder.rms()
                at_start, at_touch = recorder.index_at(started), recorder.index_at(touched)
        finally:
            recorder.stop()
            pointer.close()
    print(f"speech stopped {first_silence_ms(levels, at_touch)} ms after the touch")
    read = levels[at_start:at_touch]
    assert sum(v > LOUD for v in read) * WINDOW_MS >= 1500, "less speech was heard than read"
    # a word was being said within 100 ms of the touch (on a loaded machine the touch can land as
    # a word ends; the second of silence below tells a touch that stopped it from a pause)
    assert max(levels[at_touch - 10 : at_touch]) > LOUD, "it was not speaking at the touch"
    after = levels[at_touch + QUIET_AFTER_MS // WINDOW_MS :]
    assert len(after) * WINDOW_MS >= 1000
    loud_after = [i for i, v in enumerate(after) if v > SILENT]
    assert not loud_after, (
        f"sound {QUIET_AFTER_MS + loud_after[0] * WINDOW_MS} ms after the touch "
        f"(levels from the touch: {[round(v, 4) for v in levels[at_touch : at_touch + 30]]})"
    )


def first_silence_ms(levels: list[float], at: int) -> int:
    """How long after window `at` the sound stopped (for the report on failure and timing)."""
    for i in range(len(levels) - at):
        if all(v <= SILENT for v in levels[at + i : at + i + 20]):
            return i * WINDOW_MS
    return -1
