"""Real HTTP on loopback: the practice portal under uvicorn, a misbehaving raw server for every
bad reply a real portal can give, and `portal serve` + `portal check` as subprocesses."""

from __future__ import annotations

import asyncio
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import uvicorn

from kiosk.core.errors import (
    AccessDenied,
    NotFound,
    PortalError,
    PortalRejected,
    PortalReplyInvalid,
    PortalTimeout,
    PortalUnavailable,
    ReplyTooLarge,
)
from kiosk.core.portal import NewRequest
from kiosk.practice_portal.app import create_app
from kiosk.services.portals.ckan import CkanClient
from kiosk.services.portals.http import HttpLimits, build_client
from kiosk.services.portals.open311 import Open311Client

ROOT = Path(__file__).resolve().parents[2]
LIMITS = HttpLimits(connect=1.0, read=0.5, write=1.0, pool=1.0, max_bytes=10_000, total=1.5)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def portal_url(tmp_path: Path) -> Iterator[str]:
    """The practice portal served by uvicorn on a free loopback port, in a thread."""
    app = create_app(tmp_path / "portal.sqlite3", status_step_seconds=1)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.mark.anyio
@pytest.mark.parametrize("fmt", ["json", "xml"])
async def test_real_http_report_and_track(portal_url: str, fmt: str) -> None:
    async with build_client(HttpLimits()) as http:
        client = Open311Client(http, portal_url + "/open311/v2", fmt=fmt)
        discovery = await client.discovery(f"{portal_url}/open311/v2/discovery.{fmt}")
        assert discovery.endpoints[0].url == portal_url + "/open311/v2/"
        assert len(await client.services()) == 17
        posted = await client.submit(NewRequest("3", lat=42.69, long=23.32,
                                                attributes={"DANGER": "maybe"}))  # fmt: skip
        tracked = await client.request(posted.service_request_id)
        assert tracked.status == "open" and tracked.service_code == "3"
        ckan = CkanClient(http, portal_url + "/ckan")
        _, places = await ckan.dataset_places("sample-public-toilets", "toilet",
                                              {"name": ("name",), "id": ("id",), "address": (),
                                               "lat": (), "lon": (), "opening_hours": (),
                                               "phone": ()})  # fmt: skip
        assert places and all(p.is_sample for p in places)


# --- a raw server that misbehaves in every way point 8 of the issue lists -------------------


def _head(status: str, ctype: str, extra: str = "") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}".encode()


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        request_line = (await reader.readline()).decode()
        while (await reader.readline()) not in (b"\r\n", b""):
            pass
        mode = request_line.split(" ")[1].strip("/").split("/")[0]
        await _behave(mode, writer)
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST instead of FIN (SO_LINGER 0): a connection reset."""
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def _reply(status: str, ctype: str, body: bytes) -> bytes:
    return _head(status, ctype, f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n") + body


ERROR_BODIES = {
    "e500": _reply("500 Internal Server Error", "text/html", b"<html><h1>Oops</h1></html>"),
    "e503": _reply("503 Service Unavailable", "text/plain", b""),
    "e400": _reply("400 Bad Request", "text/plain", b"bad parameter: service_code"),
    "e403": _reply("403 Forbidden", "text/xml",
                   b"<errors><error><code>403</code><description>Invalid api_key</description>"
                   b"</error></errors>"),
    "e404": _reply("404 Not Found", "application/json",
                   b'[{"code": 404, "description": "not found"}]'),
    "e418": _reply("418 I'm a teapot", "application/octet-stream", b"\x00\xff\xfe garbage"),
    "e409c": _reply("409 Conflict", "application/json",
                    b'{"success": false, "error": {"__type": "Validation Error"}}'),
    "html": _reply("200 OK", "text/html", b"<html><body>Welcome to our new portal!</body></html>"),
    "garbage": _reply("200 OK", "application/json", b"\x00\xffnot json at all{"),
    "wrongxml": _reply("200 OK", "application/json", b'[{"service_code": "1"}]'),
    "image": _reply("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
    "err200": _reply("200 OK", "text/xml", b"<errors><error><code>403</code>"
                     b"<description>key expired</description></error></errors>"),
}  # fmt: skip


async def _behave(mode: str, writer: asyncio.StreamWriter) -> None:
    if mode in ERROR_BODIES:
        writer.write(ERROR_BODIES[mode])
        await writer.drain()
    elif mode == "big":  # an honest Content-Length over the limit
        writer.write(_head("200 OK", "application/json", "Content-Length: 50000000\r\n\r\n"))
        writer.write(b"[" + b" " * 60000)
        await writer.drain()
    elif mode == "bigchunked":  # no length given: the limit must hold while streaming
        writer.write(_head("200 OK", "application/json", "Transfer-Encoding: chunked\r\n\r\n"))
        for _ in range(100):
            writer.write(b"400\r\n" + b" " * 1024 + b"\r\n")
            await writer.drain()
    elif mode == "truncated":
        writer.write(_head("200 OK", "application/json", "Content-Length: 1000\r\n\r\n"))
        writer.write(b'[{"service_code": "1", "service_na')
        await writer.drain()
    elif mode == "hang":
        await asyncio.sleep(30)
    elif mode == "drip":  # each byte arrives within the read timeout; the whole never does
        writer.write(_head("200 OK", "application/json", "Content-Length: 1000\r\n\r\n"))
        for _ in range(200):
            writer.write(b" ")
            await writer.drain()
            await asyncio.sleep(0.2)
    elif mode == "reset":
        _reset(writer)
    elif mode == "resetmid":
        writer.write(_head("200 OK", "application/json", "Content-Length: 1000\r\n\r\n") + b"[")
        await writer.drain()
        await asyncio.sleep(0.05)
        _reset(writer)


@pytest.fixture
async def bad_server() -> AsyncIterator[str]:
    server = await asyncio.start_server(_handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.close()
    await server.wait_closed()


FAULTS = [
    ("big", "json", ReplyTooLarge), ("bigchunked", "json", ReplyTooLarge),
    ("truncated", "json", PortalReplyInvalid), ("html", "json", PortalReplyInvalid),
    ("garbage", "json", PortalReplyInvalid), ("wrongxml", "xml", PortalReplyInvalid),
    ("image", "json", PortalReplyInvalid), ("hang", "json", PortalTimeout),
    ("drip", "json", PortalTimeout), ("reset", "json", PortalUnavailable),
    ("resetmid", "json", PortalError), ("e500", "json", PortalUnavailable),
    ("e503", "xml", PortalUnavailable), ("e400", "json", PortalRejected),
    ("e403", "xml", AccessDenied), ("e404", "json", NotFound), ("e418", "json", PortalRejected),
    ("err200", "xml", PortalRejected),
]  # fmt: skip


@pytest.mark.anyio
@pytest.mark.parametrize(("mode", "fmt", "expected"), FAULTS)
async def test_every_bad_reply_is_a_clean_domain_error(
    bad_server: str, portal_url: str, mode: str, fmt: str, expected: type[PortalError]
) -> None:
    async with build_client(LIMITS) as http:
        broken = Open311Client(http, f"{bad_server}/{mode}", fmt=fmt, max_bytes=LIMITS.max_bytes,
                               deadline=LIMITS.total)  # fmt: skip
        started = time.monotonic()
        with pytest.raises(expected) as caught:
            await broken.services()
        assert time.monotonic() - started < 5
        assert caught.value.human() and caught.value.detail
        # the same client keeps working with a healthy portal afterwards
        healthy = Open311Client(http, portal_url + "/open311/v2", fmt=fmt)
        assert len(await healthy.services()) == 17


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("mode", "expected"),
    [("e500", PortalUnavailable), ("html", PortalReplyInvalid), ("e409c", PortalRejected),
     ("truncated", PortalReplyInvalid), ("hang", PortalTimeout)],
)  # fmt: skip
async def test_ckan_faults(bad_server: str, mode: str, expected: type[PortalError]) -> None:
    async with build_client(LIMITS) as http:
        ckan = CkanClient(http, f"{bad_server}/{mode}", deadline=LIMITS.total)
        with pytest.raises(expected):
            await ckan.package_search()


@pytest.mark.anyio
async def test_nobody_listening_is_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with build_client(LIMITS) as http:
        with pytest.raises(PortalUnavailable):
            await Open311Client(http, f"http://127.0.0.1:{port}/v2").services()


# --- `portal serve` and `portal check` against each other ------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _kiosk(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)  # fmt: skip


@pytest.mark.slow
def test_portal_serve_and_check_against_each_other(tmp_path: Path) -> None:
    port = _free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "portal", "serve", "--host", "127.0.0.1", "--port",
         str(port), "--db", str(tmp_path / "p.sqlite3"), "--step-seconds", "1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert serve.poll() is None, "portal serve exited early"
                assert time.monotonic() < deadline, "portal serve did not start"
                time.sleep(0.1)
        base = f"http://127.0.0.1:{port}"
        for fmt in ("json", "xml"):
            done = _kiosk("portal", "check", "--open311", f"{base}/open311/v2", "--format", fmt)
            assert done.returncode == 0, done.stdout + done.stderr
            assert "services: 17 in 7 groups" in done.stdout and done.stdout.endswith("OK\n")
            assert "multivaluelist" in done.stdout and "Traceback" not in done.stderr
        done = _kiosk("portal", "check", "--ckan", f"{base}/ckan")
        assert done.returncode == 0 and "datasets: 6" in done.stdout, done.stdout + done.stderr
    finally:
        serve.terminate()
        serve.communicate(timeout=10)  # also closes the pipes
    # the portal is gone: one clear line, a non-zero status, no traceback
    done = _kiosk("portal", "check", "--open311", f"http://127.0.0.1:{port}/open311/v2",
                  "--timeout", "1")  # fmt: skip
    assert done.returncode == 1
    errors = [line for line in done.stdout.splitlines() if "ERROR" in line]
    assert len(errors) == 1 and "ConnectError" in errors[0]
    assert "Traceback" not in done.stdout + done.stderr
