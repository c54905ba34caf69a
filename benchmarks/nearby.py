"""'Find help nearby' and 'Next bus and tram' on the practice portal: how long until results,
fresh and from the kiosk's saved copy, and the worst event-loop stall meanwhile.

Runs the same calls the Places and Departures bridges make (the cache's get_or_fetch around
PlaceFinder.nearby; Transport.board; the board grouped for the screen), on one asyncio loop
with a 5 ms ticker that records how late it wakes (a stall the interface would feel).
Usage: python benchmarks/nearby.py [--runs 15]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.bridge.departures_board import group
from kiosk.bridge.places import LIMIT, NEARBY_CODEC
from kiosk.compose import Services
from kiosk.config import Settings


class Ticker:
    """Wakes every 5 ms; the worst lateness is the longest the loop was blocked."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            self.worst = max(self.worst, time.perf_counter() - before - 0.005)

    def start(self) -> None:
        self.worst = 0.0
        self._task = asyncio.ensure_future(self._run())

    async def stop(self) -> float:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        return self.worst * 1000


async def timed(runs: int, make: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
    """(median ms, worst stall ms) over `runs` calls."""
    ticker, times = Ticker(), []
    ticker.start()
    for _ in range(runs):
        t0 = time.perf_counter()
        await make()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), await ticker.stop()


async def main(runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="nearby-bench-"))
    settings = Settings({"paths.data_dir": str(folder)})
    services = Services(settings)  # as the kiosk's composition root builds them
    finder, cache, transport = services.portals.places, services.ckan_cache, services.departures
    codes = finder.categories()

    async def places(max_age: float) -> None:
        for code in codes:
            key = f"nearby {code} {finder.datasets[code]} r{finder.max_distance_m:g} n{LIMIT}"
            await cache.get_or_fetch(key, lambda c=code: finder.nearby(c, LIMIT), max_age,
                                     NEARBY_CODEC)  # fmt: skip

    fresh, fresh_stall = await timed(runs, lambda: places(0.0))  # max_age 0: always fetch
    saved, saved_stall = await timed(runs, lambda: places(86400.0))
    n = len(codes)
    print(f"places, fresh from the portal: {fresh / n:7.1f} ms per kind (median), "
          f"worst stall {fresh_stall:5.1f} ms")  # fmt: skip
    print(f"places, from the saved copy:   {saved / n:7.1f} ms per kind (median), "
          f"worst stall {saved_stall:5.1f} ms")  # fmt: skip

    await transport.board()  # the first board fetches and slices the timetable
    board_ms, board_stall = await timed(runs, transport.board)
    board = await transport.board()
    now = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    for _ in range(runs):
        group(board, now)
    group_ms = (time.perf_counter() - t0) * 1000 / runs
    print(f"departures board (timetable saved, live delays fetched): {board_ms:6.1f} ms "
          f"(median), worst stall {board_stall:5.1f} ms")  # fmt: skip
    print(f"board grouped for the screen: {group_ms:6.2f} ms for {len(board.departures)} "
          f"departures at {len(board.stops)} stops")  # fmt: skip
    await services.aclose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    asyncio.run(main(parser.parse_args().runs))
