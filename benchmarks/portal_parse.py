"""Parse a 5 MB GeoReport v2 service-requests reply (JSON and XML): median time, peak memory.

Prints, for each format, the median of several runs of `parse_requests` next to the bare
stdlib parse of the same bytes (json.loads / ElementTree.fromstring), so the ratio can be
compared on a noisy machine, and the peak Python memory of one parse (tracemalloc).
Usage: python benchmarks/portal_parse.py [--mb 5] [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tracemalloc
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.services.portals.open311_parse import local_zone, parse_requests


def record(n: int) -> dict[str, object]:
    return {
        "service_request_id": f"2026-{n:06d}",
        "status": "open" if n % 3 else "closed",
        "status_notes": "Сигналът се обработва от районната администрация.",
        "service_name": "Улично осветление",
        "service_code": "28",
        "description": "Лампата пред входа на блок 5 не свети от три дни; тъмно е вечер.",
        "agency_responsible": "Направление „Осветление“",
        "service_notice": "",
        "requested_datetime": "2026-03-15T09:30:00+02:00",
        "updated_datetime": "2026-03-16T10:00:00+02:00",
        "expected_datetime": "",
        "address": "ул. „Граф Игнатиев“ 12, София",
        "address_id": str(100000 + n),
        "zipcode": "1000",
        "lat": f"{42.69 + n % 1000 / 100000:.6f}",
        "long": f"{23.32 + n % 700 / 100000:.6f}",
        "media_url": "",
    }


def build(mb: float) -> tuple[bytes, bytes]:
    target = int(mb * 1_000_000)
    records: list[dict[str, object]] = []
    size = 0
    while size < target:
        records.append(record(len(records)))
        size += len(json.dumps(records[-1], ensure_ascii=False).encode()) + 2
    as_json = json.dumps(records, ensure_ascii=False).encode()
    root = ET.Element("service_requests")
    for rec in records:
        item = ET.SubElement(root, "request")
        for key, value in rec.items():
            ET.SubElement(item, key).text = str(value)
    as_xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return as_json, as_xml


def median_seconds(job, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_mb(job) -> float:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    job()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


async def loop_stall_ms(body: bytes, fmt: str) -> tuple[float, int]:
    """Longest event-loop gap (a 5 ms ticker) while the client fetches and parses `body`."""
    import asyncio

    import httpx

    from kiosk.services.portals.http import HttpLimits, build_client
    from kiosk.services.portals.open311 import Open311Client

    ctype = "application/json" if fmt == "json" else "text/xml"
    transport = httpx.MockTransport(
        lambda r: httpx.Response(200, content=body, headers={"content-type": ctype})
    )
    gaps: list[float] = []

    async def ticker() -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    async with build_client(HttpLimits(), transport) as http:
        client = Open311Client(http, "http://portal/v2", fmt=fmt)
        tick = asyncio.create_task(ticker())
        await asyncio.sleep(0.02)
        found = await client.requests()
        tick.cancel()
    return max(gaps) * 1000 - 5, len(found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    zone = local_zone()
    bodies = dict(zip(("json", "xml"), build(args.mb), strict=True))
    for fmt, body in bodies.items():
        count = len(parse_requests(body, fmt, zone))
        ours = median_seconds(lambda b=body, f=fmt: parse_requests(b, f, zone), args.runs)
        bare = median_seconds(
            (lambda b=body: json.loads(b)) if fmt == "json" else (lambda b=body: ET.fromstring(b)),
            args.runs,
        )
        memory = peak_mb(lambda b=body, f=fmt: parse_requests(b, f, zone))
        print(
            f"{fmt}: {len(body) / 1e6:.2f} MB, {count} requests; parse_requests median "
            f"{ours * 1000:.0f} ms ({count / ours:,.0f} requests/s); stdlib parse alone "
            f"{bare * 1000:.0f} ms (ratio {ours / bare:.1f}x); peak Python memory {memory:.0f} MB"
        )
        import asyncio

        stall, n = asyncio.run(loop_stall_ms(body, fmt))
        print(
            f"{fmt}: through Open311Client ({n} requests), longest event-loop stall {stall:.0f} ms"
        )


if __name__ == "__main__":
    main()
