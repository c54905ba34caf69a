"""One httpx client per backend, a streamed size limit, and httpx failures as domain errors."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from kiosk import APP_ID, __version__
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

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HttpLimits:
    """Timeouts in seconds and the largest reply accepted, in bytes (all from the config)."""

    connect: float = 5.0
    read: float = 15.0
    write: float = 15.0
    pool: float = 5.0
    max_bytes: int = 20_000_000
    total: float = 60.0  # a whole request, so a server dripping bytes cannot hold us

    @classmethod
    def from_settings(cls, settings: Any) -> HttpLimits:
        from kiosk.config import schema

        return cls(
            connect=settings[schema.CONNECT_TIMEOUT],
            read=settings[schema.READ_TIMEOUT],
            write=settings[schema.WRITE_TIMEOUT],
            pool=settings[schema.POOL_TIMEOUT],
            max_bytes=settings[schema.MAX_RESPONSE_BYTES],
            total=settings[schema.TOTAL_TIMEOUT],
        )


@dataclass(frozen=True)
class Reply:
    """A whole reply body, read within the size limit."""

    status: int
    content_type: str
    body: bytes
    url: str

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def build_client(
    limits: HttpLimits, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """The one client for a backend; build it at start-up (it costs ~40 ms), pass it in."""
    return httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(
            connect=limits.connect, read=limits.read, write=limits.write, pool=limits.pool
        ),
        follow_redirects=True,
        max_redirects=5,
        headers={"User-Agent": f"{APP_ID}/{__version__}"},
    )


async def fetch(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    max_bytes: int,
    deadline: float | None = None,
    params: Any = None,
    data: Any = None,
    json: Any = None,
    accept: str = "*/*",
) -> Reply:
    """Send one request and read the body, stopping as soon as it passes `max_bytes`.

    Raises PortalUnavailable/PortalTimeout for network trouble (and when the whole exchange
    takes longer than `deadline` seconds) and PortalReplyInvalid for a truncated or oversized
    body. HTTP error statuses are returned, not raised: each protocol reads its own error
    bodies first (see `raise_for_status`).
    """
    exchange = _fetch(client, method, url, max_bytes, params, data, json, accept)
    if deadline is None:
        return await exchange
    try:
        return await asyncio.wait_for(exchange, deadline)
    except asyncio.TimeoutError:
        raise PortalTimeout(f"{method} {_safe(url)}: no full reply within {deadline:g} s") from None


async def _fetch(
    client: httpx.AsyncClient, method: str, url: str, max_bytes: int,
    params: Any, data: Any, json: Any, accept: str,
) -> Reply:  # fmt: skip
    where = f"{method} {_safe(url)}"
    try:
        request = client.build_request(
            method, url, params=params, data=data, json=json, headers={"Accept": accept}
        )
        response = await client.send(request, stream=True)
    except httpx.TimeoutException as exc:
        raise PortalTimeout(f"{where}: {type(exc).__name__}") from None
    except httpx.InvalidURL as exc:
        raise PortalUnavailable(f"{where}: invalid address ({exc})") from None
    except (httpx.TransportError, httpx.TooManyRedirects, OSError) as exc:
        raise PortalUnavailable(f"{where}: {type(exc).__name__}: {exc}") from None
    try:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise ReplyTooLarge(f"{where}: {declared} bytes declared, limit {max_bytes}")
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise ReplyTooLarge(f"{where}: over {max_bytes} bytes")
            chunks.append(chunk)
    except httpx.TimeoutException as exc:
        raise PortalTimeout(f"{where}: {type(exc).__name__} while reading") from None
    except httpx.RemoteProtocolError as exc:
        # The server closed before the promised length arrived: a truncated reply.
        raise PortalReplyInvalid(f"{where}: truncated reply ({exc})") from None
    except httpx.DecodingError as exc:
        raise PortalReplyInvalid(f"{where}: undecodable body ({exc})") from None
    except (httpx.TransportError, OSError) as exc:
        raise PortalUnavailable(f"{where}: {type(exc).__name__} while reading: {exc}") from None
    finally:
        await response.aclose()
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    log.debug("%s -> %s, %d bytes, %s", where, response.status_code, size, content_type)
    return Reply(response.status_code, content_type, b"".join(chunks), _safe(str(response.url)))


def raise_for_status(reply: Reply, server_says: str = "") -> None:
    """Classify an error status (status first, whatever the body claims) as a domain error."""
    if reply.ok:
        return
    detail = f"HTTP {reply.status} from {reply.url}" + (f": {server_says}" if server_says else "")
    status = reply.status
    error: PortalError
    if status >= 500 or status in (408, 429):
        error = PortalUnavailable(detail, status=status)
    elif status in (401, 403):
        error = AccessDenied(detail, status=status)
    elif status in (404, 410):
        error = NotFound(detail, status=status)
    elif 400 <= status < 500:
        error = PortalRejected(detail, status=status)
    else:  # 1xx/3xx that was not followed: nothing usable came back
        error = PortalReplyInvalid(detail, status=status)
    raise error


_JSON_TYPES = ("application/json", "text/json", "text/javascript", "application/javascript")
_XML_TYPES = ("application/xml", "text/xml")


def check_content_type(reply: Reply, expected: str) -> None:
    """Refuse a successful reply whose type cannot be `expected` ('json' | 'xml' | 'any').

    Lenient on purpose: servers often say text/plain or nothing at all, so only types that
    certainly are something else (HTML pages, images, the other format) are refused.
    """
    ctype = reply.content_type
    if not ctype or ctype in ("text/plain", "application/octet-stream"):
        return
    is_json = ctype in _JSON_TYPES or ctype.endswith("+json")
    is_xml = ctype in _XML_TYPES or ctype.endswith("+xml")
    if (expected == "json" and is_json) or (expected == "xml" and is_xml):
        return
    if expected == "any" and not ctype.startswith(("text/html", "image/", "audio/", "video/")):
        return
    raise PortalReplyInvalid(f"{reply.url}: expected {expected}, got content type {ctype!r}")


def _safe(url: str) -> str:
    """The URL without its query string, so api keys and search terms stay out of logs."""
    return url.split("?", 1)[0]


# Replies larger than this are parsed in a worker thread: a 5 MB list takes ~100-300 ms to
# read (benchmarks/portal_parse.py), far over the 50 ms the UI may stall.
OFF_LOOP_BYTES = 256_000
T = TypeVar("T")
# Plain Python threads, not the loop's default executor: under qasync that is a QThread pool,
# and a QThread still alive when the process exits aborts it ("QThread: Destroyed while thread
# is still running"). Idle pool threads are joined quietly at interpreter exit.
_parser_pool: ThreadPoolExecutor | None = None


async def off_loop(parser: Callable[..., T], body: bytes, *args: Any) -> T:
    """Run a parser directly for small bodies, in a worker thread for large ones."""
    global _parser_pool
    if len(body) < OFF_LOOP_BYTES:
        return parser(body, *args)
    if _parser_pool is None:
        _parser_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="portal-parse")
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_parser_pool, functools.partial(parser, body, *args))
