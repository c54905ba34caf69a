"""Per-request latency of `portal serve` over a keep-alive connection, with and without
TCP_NODELAY on the server's sockets (issue: ~43.6 ms per request against ~2.3 ms).

The practice portal (in-memory store) runs under uvicorn in a thread, on a socket made as
`portal serve` made it before (proto=0: asyncio leaves Nagle's algorithm on) and as it makes it
now (`kiosk.portal_cli.listening_socket`). One httpx client sends N sequential requests on one
connection: GET services.json, GET requests.json, POST requests.json. Prints the medians.

    python benchmarks/portal_latency.py [N]
"""

from __future__ import annotations

import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.portal_cli import listening_socket
from kiosk.practice_portal.app import OPEN311_PATH, create_app


def old_socket(host: str, port: int) -> socket.socket:
    """As `portal serve` made it before: proto=0."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


def measure(make: Callable[[str, int], socket.socket], count: int) -> dict[str, float]:
    sock = make("127.0.0.1", 0)
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(":memory:", 3600.0), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    base = f"http://127.0.0.1:{port}{OPEN311_PATH}"
    form = {"service_code": "28", "lat": "42.6977", "long": "23.3219", "description": "x"}
    medians: dict[str, float] = {}
    with httpx.Client(timeout=10) as client:
        for name, call in (
            ("GET services", lambda: client.get(f"{base}/services.json")),
            ("GET requests", lambda: client.get(f"{base}/requests.json")),
            ("POST request", lambda: client.post(f"{base}/requests.json", data=form)),
        ):
            call()  # the connection is open and warm
            times = []
            for _ in range(count):
                t0 = time.perf_counter()
                call().raise_for_status()
                times.append((time.perf_counter() - t0) * 1000)
            medians[name] = statistics.median(times)
    server.should_exit = True
    thread.join(10)
    return medians


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    before = measure(old_socket, count)
    after = measure(listening_socket, count)
    print(f"{count} keep-alive requests each, median ms per request")
    print(f"{'request':14} {'before (proto 0)':>18} {'after (TCP_NODELAY)':>20} {'ratio':>7}")
    for name in before:
        ratio = before[name] / after[name]
        print(f"{name:14} {before[name]:18.1f} {after[name]:20.1f} {ratio:6.1f}x")


if __name__ == "__main__":
    main()
