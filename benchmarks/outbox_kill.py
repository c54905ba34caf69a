"""Exactly once under kill -9: 1,000 trials of a kiosk sending reports to the practice portal
(`python -m kiosk portal serve`), SIGKILLed at random moments, some with the portal killed too.

Rounds of KILLS trials on a fresh kiosk database with REPORTS reports each (the harness is
tests/e2e/outbox_kill_harness.py, shared with the suite's short version). Prints each round and
the totals: trials, kills while sending, portal kills, reports lost and sent twice.

    python benchmarks/outbox_kill.py [ROUNDS] [KILLS] [REPORTS] [SEED]
    KILL_NO_LOOKUP=1 python benchmarks/outbox_kill.py 2   # before: no look-up on the portal
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.outbox_kill_harness import PortalProcess, Tally, free_port, run_round

PORTAL_KILL_SHARE = 0.1


def main() -> int:
    defaults = ["20", "50", "600", "1"]
    given = sys.argv[1:5]
    rounds, kills, reports, seed = (int(a) for a in given + defaults[len(given) :])
    rng = random.Random(seed)
    total = Tally()
    with tempfile.TemporaryDirectory(prefix="outbox-kill-") as folder:
        workdir = Path(folder)
        portal = PortalProcess(workdir / "portal.sqlite3", free_port())
        portal.start()
        try:
            for n in range(rounds):
                tally = run_round(portal, workdir, f"r{n}-", kills=kills, reports=reports,
                                  portal_kill_share=PORTAL_KILL_SHARE, rng=rng)  # fmt: skip
                total.add(tally)
                print(
                    f"round {n + 1:2}: {tally.trials} kills ({tally.while_sending} while sending,"
                    f" {tally.portal_kills} with the portal), {tally.received}/{tally.expected}"
                    f" received, {tally.lost} lost, {tally.duplicates} duplicates,"
                    f" {tally.seconds:.0f} s" + (" ERRORS" if tally.unexpected_errors else ""),
                    flush=True,
                )
                for line in tally.unexpected_errors[:5]:
                    print("   ", line, flush=True)
        finally:
            portal.stop()
    print(
        f"total: {total.trials} kill -9 trials ({total.while_sending} while sending,"
        f" {total.portal_kills} with the portal killed too), {total.expected} reports:"
        f" {total.lost} lost, {total.duplicates} duplicates, {len(total.unexpected_errors)}"
        f" unexpected errors, {total.seconds / 60:.1f} min"
    )
    return 0 if not (total.lost or total.duplicates or total.unexpected_errors) else 1


if __name__ == "__main__":
    raise SystemExit(main())
