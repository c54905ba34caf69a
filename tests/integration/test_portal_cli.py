"""`portal check` in-process: the built-in practice portal, config errors, one-line failures."""

from __future__ import annotations

import argparse
import io
import os
from pathlib import Path

import pytest

from kiosk import portal_cli


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    portal_cli.add_parser(sub)
    parser.add_argument("--config", default=None)
    return parser.parse_args(list(argv))


def test_check_without_configuration_probes_the_practice_portal() -> None:
    out = io.StringIO()
    assert portal_cli.run(parse("portal", "check"), out) == 0
    text = out.getvalue()
    assert "built-in practice portal" in text
    assert "services: 17 in 7 groups (4 batch, 13 realtime)" in text
    assert "datasets: 6" in text and "data as of 2026-11-01" in text and text.endswith("OK\n")


def test_check_reports_a_bad_config_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[portal]\nopen311_url = "ftp://city"\n', encoding="utf-8")
    assert portal_cli.run(parse("--config", str(config), "portal", "check")) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "portal.open311_url" in err[0] and "http://" in err[0]


def test_check_an_unreachable_endpoint(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    args = parse("portal", "check", "--open311", "http://127.0.0.1:9/v2", "--timeout", "1")
    assert portal_cli.run(args, out) == 1
    lines = out.getvalue().splitlines()
    assert lines[-1] == "FAILED" and len(lines) == 2 and "ERROR" in lines[0]
    assert "Traceback" not in capsys.readouterr().err


def test_serve_options() -> None:
    args = parse("portal", "serve", "--port", "9000", "--db", "x.sqlite3", "--step-seconds", "5")
    assert (args.portal_command, args.port, args.db, args.step_seconds) == (
        "serve", 9000, Path("x.sqlite3"), 5.0)  # fmt: skip
    assert args.host == "127.0.0.1" and os.fspath(args.db) == "x.sqlite3"


def test_the_served_socket_says_tcp_so_asyncio_turns_nagle_off() -> None:
    import socket

    from kiosk.portal_cli import listening_socket

    with listening_socket("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP  # asyncio sets TCP_NODELAY only on these
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
