"""The running kiosk holds the session lock the update policy waits for: from the first touch
of a resident's session to the wipe, and not on the attract screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk import updates as kiosk_updates
from kiosk.config import Settings
from kiosk.services.updates.session_lock import is_held
from kiosk.services.updates.window import check
from tests.unit.test_updates import MONDAY_3

from .conftest import settle


def test_a_session_holds_the_lock_and_the_wipe_releases_it(make_kiosk: Any, tmp_path: Path) -> None:
    lock = tmp_path / "run" / "session.lock"
    settings = Settings({"updates.session_lock": str(lock)})
    kiosk = make_kiosk(settings)
    restarts: list[int] = []
    updates = kiosk_updates.start(settings, kiosk, restarts.append)
    try:
        assert not is_held(lock) and check(settings, MONDAY_3).allowed
        kiosk.bridges.session.begin()  # the resident's first touch
        settle()
        assert is_held(lock)
        verdict = check(settings, MONDAY_3)
        assert not verdict.allowed and "a resident is in a session" in verdict.reason
        kiosk.bridges.session.wipe()  # "Finish" or the idle timeout
        settle()
        assert not is_held(lock) and check(settings, MONDAY_3).allowed
        assert restarts == []  # a source checkout is never "upgraded"
    finally:
        updates.stop()
