"""Memory and time to load a Sofia-sized GTFS feed: the slice near the kiosk, and the whole city.

A synthetic feed with Sofia's dimensions (3,500 stops, 250 routes, 40,000 trips, ~1.5 M
stop_times, zipped) is generated first. Each scenario then runs in a fresh child process, which
reports wall time, peak RSS (VmHWM) and, in a second run, tracemalloc's peak and retained bytes
(tracemalloc slows Python down, so the times come from the run without it), plus the size of the
cached JSON. Usage: python benchmarks/gtfs_memory.py
"""

from __future__ import annotations

import csv
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KIOSK = (42.6977, 23.3219)
STOPS, ROUTES, TRIPS = 3500, 250, 40_000
STOPS_PER_TRIP = 37  # 40,000 x 37.5 average ≈ 1.5 M stop_times


def generate(path: Path, seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    stops = [(f"A{n:04d}", 42.62 + rng.random() * 0.14, 23.22 + rng.random() * 0.20)
             for n in range(STOPS)]  # fmt: skip
    by_lat = sorted(range(STOPS), key=lambda i: stops[i][1])
    rows = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:

        def write(name: str, header: list[str], body: object) -> None:
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(header)
            writer.writerows(body)  # type: ignore[arg-type]
            zf.writestr(name, text.getvalue())

        write("agency.txt", ["agency_id", "agency_name", "agency_url", "agency_timezone"],
              [["CGM", "Synthetic", "https://example.org", "Europe/Sofia"]])  # fmt: skip
        write(
            "stops.txt",
            ["stop_id", "stop_name", "stop_lat", "stop_lon"],
            [[sid, f"Stop {sid}", f"{lat:.6f}", f"{lon:.6f}"] for sid, lat, lon in stops],
        )
        write("routes.txt", ["route_id", "route_short_name", "route_long_name", "route_type"],
              [[f"R{r}", str(r), f"Route {r}", rng.choice((0, 3, 3, 3, 11))]
               for r in range(ROUTES)])  # fmt: skip
        write("calendar.txt", ["service_id", "monday", "tuesday", "wednesday", "thursday",
                               "friday", "saturday", "sunday", "start_date", "end_date"],
              [["WD", 1, 1, 1, 1, 1, 0, 0, "20260101", "20271231"],
               ["WE", 0, 0, 0, 0, 0, 1, 1, "20260101", "20271231"]])  # fmt: skip
        write(
            "calendar_dates.txt",
            ["service_id", "date", "exception_type"],
            [["WD", "20260303", 2], ["WE", "20260303", 1]],
        )
        # Each route runs along a band of nearby stops, so a route passes the kiosk or not.
        paths = []
        for _route in range(ROUTES):
            start = rng.randrange(STOPS - STOPS_PER_TRIP * 4)
            band = by_lat[start : start + STOPS_PER_TRIP * 4]
            paths.append([stops[i][0] for i in sorted(rng.sample(band, STOPS_PER_TRIP))])
        trips, times = [], io.StringIO()
        writer = csv.writer(times)
        writer.writerow(["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"])
        for t in range(TRIPS):
            route = t % ROUTES
            trip_id = f"R{route}-T{t:05d}"
            trips.append([f"R{route}", "WD" if t % 3 else "WE", trip_id, f"Terminus {route}"])
            clock = 4 * 3600 + (t // ROUTES) * 7 * 60 + rng.randrange(300)
            seq_stops = paths[route] if t % 2 else paths[route][::-1]
            extra = rng.random() < 0.5
            for seq, stop_id in enumerate(seq_stops[: STOPS_PER_TRIP + extra], 1):
                hms = f"{clock // 3600:02d}:{clock % 3600 // 60:02d}:{clock % 60:02d}"
                writer.writerow([trip_id, hms, hms, stop_id, seq])
                clock += 60 + rng.randrange(60)
                rows += 1
        write("trips.txt", ["route_id", "service_id", "trip_id", "trip_headsign"], trips)
        zf.writestr("stop_times.txt", times.getvalue())
    return rows, path.stat().st_size


def scenario(feed: Path, radius: float, trace: bool) -> None:
    from kiosk.services.nearby.gtfs import load_timetable

    data = feed.read_bytes()
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    table = load_timetable(data, *KIOSK, radius)
    seconds = time.perf_counter() - start
    result: dict[str, float] = {"seconds": seconds}
    if trace:
        current, peak = tracemalloc.get_traced_memory()
        result |= {"traced_peak_mb": peak / 1e6, "retained_mb": current / 1e6}
        tracemalloc.stop()
    hwm = next(line for line in Path("/proc/self/status").read_text().splitlines()
               if line.startswith("VmHWM"))  # fmt: skip
    result["peak_rss_mb"] = int(hwm.split()[1]) / 1024
    result["stops"] = len(table.stops)
    result["stop_times"] = sum(len(v) for v in table.times.values())
    encoded = json.dumps(table.to_json())
    result["json_mb"] = len(encoded) / 1e6
    if not trace:
        from datetime import datetime

        from kiosk.services.nearby.gtfs import Timetable
        from kiosk.services.nearby.gtfs_timetable import SOFIA

        start = time.perf_counter()
        copy = Timetable.from_json(json.loads(encoded))
        result["from_cache_ms"] = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        copy.departures(datetime(2026, 3, 4, 8, 0, tzinfo=SOFIA), 30)
        result["board_ms"] = (time.perf_counter() - start) * 1000
    print(json.dumps(result))


def loop_gaps(feed: Path) -> None:
    """Longest pause of a 5 ms asyncio ticker while the slice loads on a worker thread."""
    import asyncio

    from kiosk.services.nearby.gtfs import load_timetable_async

    data = feed.read_bytes()

    async def run() -> dict[str, float]:
        gaps: list[float] = []
        done = asyncio.Event()

        async def ticker() -> None:
            last = time.perf_counter()
            while not done.is_set():
                await asyncio.sleep(0.005)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        task = asyncio.create_task(ticker())
        await load_timetable_async(data, *KIOSK, 700)
        done.set()
        await task
        return {"max_gap_ms": max(gaps) * 1000, "ticks": len(gaps)}

    print(json.dumps(asyncio.run(run())))


def child(feed: Path, radius: float, trace: bool) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--scenario", str(feed), str(radius), str(int(trace))],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "sofia-sized.zip"
        start = time.perf_counter()
        rows, size = generate(feed)
        made = time.perf_counter() - start
        print(f"synthetic feed: {STOPS} stops, {ROUTES} routes, {TRIPS} trips, {rows} stop_times,"
              f" {size / 1e6:.1f} MB zipped (made in {made:.1f} s)")  # fmt: skip
        baseline = child(feed, 0.0, False)
        print(f"baseline (python + imports + zip bytes read): peak RSS"
              f" {baseline['peak_rss_mb']:.0f} MB")  # fmt: skip
        for label, radius in (("700 m around the kiosk", 700.0), ("whole city", 50_000.0)):
            plain, traced = child(feed, radius, False), child(feed, radius, True)
            print(f"{label}: {plain['stops']:.0f} stops, {plain['stop_times']:.0f} stop_times;"
                  f" load {plain['seconds']:.2f} s; peak RSS {plain['peak_rss_mb']:.0f} MB"
                  f" (+{plain['peak_rss_mb'] - baseline['peak_rss_mb']:.0f});"
                  f" tracemalloc peak {traced['traced_peak_mb']:.1f} MB,"
                  f" retained {traced['retained_mb']:.1f} MB; cached JSON"
                  f" {plain['json_mb']:.2f} MB, read back in {plain['from_cache_ms']:.0f} ms;"
                  f" 30-minute board {plain['board_ms']:.0f} ms")  # fmt: skip
        gaps = subprocess.run([sys.executable, __file__, "--gaps", str(feed)], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip
        worst = json.loads(gaps.strip().splitlines()[-1])["max_gap_ms"]
        print(f"event loop while load_timetable_async runs: longest 5 ms-tick gap {worst:.0f} ms")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--gaps":
        loop_gaps(Path(sys.argv[2]))
    elif len(sys.argv) == 5 and sys.argv[1] == "--scenario":
        scenario(Path(sys.argv[2]), float(sys.argv[3]), sys.argv[4] == "1")
    else:
        main()
