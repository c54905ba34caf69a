"""Kill -9 the kiosk (and now and then the portal) while reports are being sent: after the
restarts every report reached the portal exactly once — none lost, none twice.

A report left `sending` by a kill is looked up on the portal (GET requests, matched by its
kiosk reference) before it is sent again. The full benchmark, 1,000 trials, is
benchmarks/outbox_kill.py; this is its short version.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.e2e.outbox_kill_harness import PortalProcess, free_port, run_round

REPORTS = 300
KILLS = 20


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_no_report_is_lost_or_sent_twice_when_the_kiosk_is_killed(tmp_path: Path) -> None:
    portal = PortalProcess(tmp_path / "portal.sqlite3", free_port())
    portal.start()
    rng = random.Random(int(os.environ.get("KILL_SEED", "311")))
    try:
        tally = run_round(portal, tmp_path, "t", kills=KILLS, reports=REPORTS,
                          portal_kill_share=0.15, rng=rng)  # fmt: skip
    finally:
        portal.stop()
    print(
        f"\n{tally.trials} kills ({tally.while_sending} while sending, {tally.portal_kills} with"
        f" the portal) in {tally.seconds:.1f} s: {tally.received} received,"
        f" {tally.duplicates} duplicates, {tally.lost} lost"
    )
    assert tally.while_sending >= KILLS // 2, "the kills should land while reports are sent"
    assert tally.unexpected_errors == []
    assert tally.lost == 0
    assert tally.duplicates == 0
