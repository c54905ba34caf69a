"""The accessibility audit of the 'find help nearby' and departures screens with real data on
them (the audit of every screen sees them empty), in English at every text size and theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.audit import audit_window
from tests.integration.conftest import settle
from tests.integration.test_departures import open_board
from tests.integration.test_help_nearby import wait_for

SCREENS = ("helpNearby", "places", "place", "departures")


def audit(kiosk: Any, screens: tuple[str, ...]) -> list[str]:
    session = kiosk.bridges.session
    problems: list[str] = []
    for step in range(session.textStepCount):
        for high_contrast in (False, True):
            session.setTextStep(step)
            session.setHighContrast(high_contrast)
            for name in screens:
                kiosk.bridges.nav.go(name)
                settle(10, 3)
                if name == "departures":
                    wait_for(lambda: not kiosk.bridges.departures.busy)
                    settle(10, 2)
                where = f"{name} step {step + 1} {'high' if high_contrast else 'normal'}"
                found = audit_window(kiosk.window, kiosk.bridges.display.pxPerMm, step, "en")
                problems += [f"{where}: {line}" for line in found]
    return problems


@pytest.mark.slow
def test_nearby_screens_pass_the_audit_empty_and_with_data(make_kiosk: Any, tmp_path: Path) -> None:
    kiosk = open_board(make_kiosk, tmp_path)
    problems = audit(kiosk, ("places", "place"))  # opened directly, nothing chosen yet
    places = kiosk.bridges.places
    places.choose("pharmacy")
    wait_for(lambda: places.loaded)
    places.select(0)
    problems += audit(kiosk, SCREENS)
    assert not problems, "\n".join(problems[:40])
