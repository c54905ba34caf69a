"""`portal serve` runs the practice portal over HTTP; `portal check` probes the portals."""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from kiosk.core.errors import PortalError

log = logging.getLogger(__name__)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `portal serve` and `portal check` on the main CLI's subparsers."""
    portal: argparse.ArgumentParser = subparsers.add_parser(
        "portal", help="run the practice portal or check the portals"
    )
    sub = portal.add_subparsers(dest="portal_command", required=True)
    serve = sub.add_parser("serve", help="serve the practice portal over HTTP (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8311, help="port to listen on")
    serve.add_argument("--db", type=Path, help="SQLite file for practice reports")
    serve.add_argument(
        "--step-seconds", type=float, default=None,
        help="seconds between the status steps of a report (default: from the config)",
    )  # fmt: skip
    serve.add_argument("--api-key", default="", help="require this api_key on new reports")
    check = sub.add_parser("check", help="probe the Open311 and CKAN endpoints and summarise")
    check.add_argument("--open311", metavar="BASE", help="GeoReport v2 endpoint to check")
    check.add_argument("--format", choices=("json", "xml"), help="Open311 reply format")
    check.add_argument("--ckan", metavar="URL", help="CKAN site to check")
    check.add_argument("--jurisdiction", default=None, help="jurisdiction_id to send")
    check.add_argument("--api-key", default=None, help="api_key (only shown as set/unset)")
    check.add_argument("--timeout", type=float, default=None, help="read timeout in seconds")
    return portal


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run `portal serve|check`; returns the exit status. Never lets a traceback out."""
    out = out or sys.stdout
    try:
        settings = _settings(args)
        if args.portal_command == "serve":
            return _serve(args, settings, out)
        return asyncio.run(_check(args, settings, out))
    except KeyboardInterrupt:
        return 130
    except _CliError as exc:
        print(f"portal {args.portal_command}: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the last line of defence: one readable line, detail in the log
        log.exception("portal %s failed", args.portal_command)
        print(f"portal {args.portal_command}: unexpected error: {exc}", file=sys.stderr)
        return 1


class _CliError(Exception):
    pass


def _settings(args: argparse.Namespace) -> Any:
    from kiosk.config.loader import ConfigError, load_config

    path = getattr(args, "config", None)
    try:
        return load_config(Path(path) if path else None)
    except ConfigError as exc:
        raise _CliError(str(exc)) from None


def _serve(args: argparse.Namespace, settings: Any, out: TextIO) -> int:
    import uvicorn

    from kiosk.config import schema
    from kiosk.practice_portal.app import create_app

    db = args.db or _default_db(settings)
    db.parent.mkdir(parents=True, exist_ok=True)
    step = args.step_seconds
    if step is None:
        step = settings[schema.PRACTICE_STEP_SECONDS]
    app = create_app(db, step, api_key=args.api_key)
    # Bind first, so a busy port is one clear line before anything claims to be serving.
    try:
        sock = listening_socket(args.host, args.port)
    except OSError as exc:
        raise _CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from None
    base = f"http://{args.host}:{sock.getsockname()[1]}"
    print(f"Practice portal (sample data) on {base}/open311/v2/ and {base}/ckan/", file=out)
    print(f"Reports are kept in {db}; status moves every {step:g} s. Ctrl+C stops.", file=out)
    out.flush()
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound TCP socket for uvicorn. Made with proto=IPPROTO_TCP, not 0: asyncio turns
    Nagle's algorithm off (TCP_NODELAY) only on sockets whose proto says TCP, and without it
    each keep-alive request waited ~40 ms for the delayed ACK (benchmarks/portal_latency.py)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _default_db(settings: Any) -> Path:
    import platformdirs

    from kiosk import APP_ID
    from kiosk.config import schema

    base = settings[schema.DATA_DIR] or platformdirs.user_data_dir(APP_ID)
    return Path(base) / "practice-portal.sqlite3"


async def _check(args: argparse.Namespace, settings: Any, out: TextIO) -> int:
    from kiosk.config import schema as s
    from kiosk.practice_portal.app import CKAN_PATH, EMBEDDED_BASE, OPEN311_PATH
    from kiosk.services.portals.http import HttpLimits, build_client

    limits = HttpLimits.from_settings(settings)
    if args.timeout:
        limits = HttpLimits(limits.connect, args.timeout, limits.write, limits.pool,
                            limits.max_bytes, total=args.timeout * 3)  # fmt: skip
    open311 = args.open311 or (None if args.ckan else settings[s.OPEN311_URL]) or None
    ckan = args.ckan or (None if args.open311 else settings[s.CKAN_URL]) or None
    transport = None
    if not open311 and not ckan:  # nothing configured: the embedded practice portal
        from kiosk.practice_portal.app import embedded_transport

        print("No portal configured: checking the built-in practice portal.", file=out)
        transport = embedded_transport(":memory:", settings[s.PRACTICE_STEP_SECONDS])
        open311 = EMBEDDED_BASE + OPEN311_PATH
        ckan = EMBEDDED_BASE + CKAN_PATH
    failures = 0
    async with build_client(limits, transport) as client:
        if open311:
            failures += await _guard(out, f"Open311 {open311}", _check_open311(
                client, open311, args, settings, limits, out))  # fmt: skip
        if ckan:
            failures += await _guard(out, f"CKAN {ckan}", _check_ckan(client, ckan, limits, out))
    print("FAILED" if failures else "OK", file=out)
    return 1 if failures else 0


async def _guard(out: TextIO, what: str, job: Any) -> int:
    try:
        await job
    except PortalError as exc:
        print(f"{what}: ERROR: {exc.human()} ({exc.detail or type(exc).__name__})", file=out)
        return 1
    return 0


async def _check_open311(
    client: Any, base: str, args: argparse.Namespace, settings: Any, limits: Any, out: TextIO
) -> None:
    from kiosk.config import schema as s
    from kiosk.services.portals.open311 import Open311Client

    fmt = args.format or settings[s.OPEN311_FORMAT]
    jurisdiction = settings[s.OPEN311_JURISDICTION] if args.jurisdiction is None else (
        args.jurisdiction)  # fmt: skip
    key = settings[s.OPEN311_API_KEY] if args.api_key is None else args.api_key
    o311 = Open311Client(client, base, fmt=fmt, api_key=key, jurisdiction_id=jurisdiction,
                         max_bytes=limits.max_bytes, deadline=limits.total)  # fmt: skip
    services = await o311.services()
    groups = Counter(svc.group or "-" for svc in services)
    kinds = Counter(svc.type for svc in services)
    print(f"Open311 {base} ({fmt}; jurisdiction {jurisdiction or 'none'}; api key "
          f"{'set' if key else 'not set'})", file=out)  # fmt: skip
    print(
        f"  services: {len(services)} in {len(groups)} groups ("
        + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        + ")",
        file=out,
    )
    for svc in services:
        print(f"    {svc.code:>6}  {svc.name}  [{svc.group or '-'}, {svc.type}]", file=out)
    datatypes: Counter[str] = Counter()
    with_questions = [svc for svc in services if svc.metadata]
    for svc in with_questions:
        definition = await o311.definition(svc.code)
        datatypes.update(a.datatype if a.variable else "info" for a in definition.attributes)
    print(
        f"  definitions: {len(with_questions)} read; questions by type: "
        + (", ".join(f"{k} {n}" for k, n in sorted(datatypes.items())) or "none"),
        file=out,
    )
    requests = await o311.requests()
    print(f"  requests: {len(requests)} in the last 90 days", file=out)
    if requests:
        newest = max(requests, key=lambda r: r.updated_datetime or r.requested_datetime
                     or datetime.min.replace(tzinfo=timezone.utc))  # fmt: skip
        when = newest.updated_datetime or newest.requested_datetime
        print(
            f"    e.g. {newest.service_request_id}: {newest.service_name or newest.service_code}"
            f", {newest.status or 'status unknown'}, updated {_age(when)}",
            file=out,
        )


async def _check_ckan(client: Any, site: str, limits: Any, out: TextIO) -> None:
    from kiosk.services.portals.ckan import CkanClient

    ckan = CkanClient(client, site, max_bytes=limits.max_bytes, deadline=limits.total)
    count, datasets = await ckan.package_search(rows=20)
    print(f"CKAN {site}", file=out)
    print(f"  datasets: {count}", file=out)
    for ds in datasets:
        date = ds.data_date or (ds.metadata_modified.date().isoformat()
                                if ds.metadata_modified else "unknown")  # fmt: skip
        formats = ", ".join(sorted({r.format or "?" for r in ds.resources})) or "no resources"
        print(f"    {ds.name}: {ds.title} [{formats}] data as of {date}", file=out)


def _age(when: datetime | None) -> str:
    if when is None:
        return "at an unknown time"
    minutes = int((datetime.now(timezone.utc) - when).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 120:
        return f"{minutes} min ago"
    if minutes < 48 * 60:
        return f"{minutes // 60} h ago"
    return f"{minutes // 1440} days ago"
