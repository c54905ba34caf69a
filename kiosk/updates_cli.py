"""`silver-kiosk updates`: the update policy's check, and the kiosk's repository, opt-in.

  updates check [--if-unattended] [--at TIME]   may an update start now? exit 0 yes, 100 no
  updates enable URL --key FILE [--suite S]     use the city's signed repository (as root)
  updates disable                               stop using it
  updates status                                the repository in use and the check's answer

`enable` installs the repository's public key as /etc/apt/keyrings/silver-kiosk.{gpg,asc}, the
deb822 source /etc/apt/sources.list.d/silver-kiosk.sources signed by that key alone, and
/etc/apt/apt.conf.d/20silver-kiosk-auto-upgrades (daily lists and unattended upgrades on). The
package's own policy (/etc/apt/apt.conf.d/51silver-kiosk, the apt-daily-upgrade drop-ins) keeps
every unattended upgrade out of opening hours and sessions whether or not this is enabled.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

NOT_NOW = 100  # the check's "wait": ExecCondition skips the run, the Pre-Invoke hook stops apt
UNATTENDED_LOCK = Path("/run/unattended-upgrades.lock")  # held by unattended-upgrade while it runs
KEYRINGS = "etc/apt/keyrings"
SOURCES = "etc/apt/sources.list.d/silver-kiosk.sources"
PERIODIC = "etc/apt/apt.conf.d/20silver-kiosk-auto-upgrades"
ARMOR = b"-----BEGIN PGP PUBLIC KEY BLOCK-----"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    updates: argparse.ArgumentParser = subparsers.add_parser("updates", help="software updates")
    sub = updates.add_subparsers(dest="updates_command", required=True)
    check = sub.add_parser("check", help="may an update start now? (exit 0 yes, 100 no)")
    check.add_argument(
        "--if-unattended", action="store_true",
        help="answer yes at once unless unattended-upgrades is running (the Pre-Invoke hook)",
    )  # fmt: skip
    check.add_argument("--at", help="check this local time (YYYY-MM-DDTHH:MM) instead of now")
    enable = sub.add_parser("enable", help="use the city's signed repository (as root)")
    enable.add_argument("url", help="the repository's address, e.g. https://apt.example.org/kiosk")
    enable.add_argument("--key", type=Path, required=True, help="its public key (.gpg or .asc)")
    enable.add_argument("--suite", default="stable", help="the suite (default: stable)")
    enable.add_argument("--component", default="main", help="the component (default: main)")
    enable.add_argument("--root", type=Path, default=Path("/"), help=argparse.SUPPRESS)
    disable = sub.add_parser("disable", help="stop using the repository (as root)")
    disable.add_argument("--root", type=Path, default=Path("/"), help=argparse.SUPPRESS)
    status = sub.add_parser("status", help="the repository in use and whether updates may start")
    status.add_argument("--root", type=Path, default=Path("/"), help=argparse.SUPPRESS)
    return updates


def run(args: argparse.Namespace) -> int:
    command = args.updates_command
    try:
        if command == "check":
            return _check(args)
        if command == "enable":
            return _enable(args)
        if command == "disable":
            return _disable(args.root)
        return _status(args)
    except (OSError, ValueError) as exc:
        print(f"updates {command}: {exc}", file=sys.stderr)
        return 2


def unattended_running(lock: Path = UNATTENDED_LOCK) -> bool:
    """Whether unattended-upgrade holds its lock (a POSIX lock, apt_pkg.get_lock) right now."""
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # also drops the lock if it was taken
    return False


def _settings(args: argparse.Namespace) -> Any:
    from kiosk.config.loader import load_config

    config = getattr(args, "config", None)
    return load_config(Path(config) if config else None)


def _check(args: argparse.Namespace) -> int:
    if args.if_unattended and not unattended_running():
        return 0  # an admin's own apt run: not ours to hold back
    from kiosk.services.updates.window import check

    now = datetime.fromisoformat(args.at) if args.at else datetime.now()
    verdict = check(_settings(args), now)
    print(f"silver-kiosk: {'update now' if verdict.allowed else 'not now'}: {verdict.reason}")
    return 0 if verdict.allowed else NOT_NOW


def _enable(args: argparse.Namespace) -> int:
    if not args.url.startswith(("https://", "http://", "file:/")):
        raise ValueError(f"{args.url!r} is not a repository address (https://…, file:/…)")
    key = args.key.read_bytes()
    armored = key.lstrip().startswith(ARMOR)
    if not armored and (not key or key[0] & 0x80 == 0):
        raise ValueError(f"{args.key} is not an OpenPGP public key (binary or armored)")
    root = args.root
    keyring = root / KEYRINGS / ("silver-kiosk.asc" if armored else "silver-kiosk.gpg")
    for old in (root / KEYRINGS).glob("silver-kiosk.*"):
        old.unlink()
    _write(keyring, key)
    signed_by = "/" + str(keyring.relative_to(root))
    _write(
        root / SOURCES,
        "# Silver Kiosk's repository, written by `silver-kiosk updates enable`.\n"
        f"Types: deb\nURIs: {args.url}\nSuites: {args.suite}\n"
        f"Components: {args.component}\nSigned-By: {signed_by}\n".encode(),
    )
    _write(
        root / PERIODIC,
        b"// Written by `silver-kiosk updates enable`: fetch the package lists and run\n"
        b"// unattended-upgrades daily (within the window of 51silver-kiosk).\n"
        b'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n',
    )
    print(f"updates from {args.url} ({args.suite}), signed by {signed_by}")
    print("run `apt-get update` to check the repository and its signature now")
    return 0


def _disable(root: Path) -> int:
    for path in [root / SOURCES, root / PERIODIC, *(root / KEYRINGS).glob("silver-kiosk.*")]:
        path.unlink(missing_ok=True)
    print("the kiosk's repository is no longer used")
    return 0


def _status(args: argparse.Namespace) -> int:
    sources = args.root / SOURCES
    if sources.is_file():
        fields = dict(
            line.split(": ", 1) for line in sources.read_text().splitlines() if ": " in line
        )
        print(f"repository: {fields.get('URIs', '?')} ({fields.get('Suites', '?')}), "
              f"signed by {fields.get('Signed-By', '?')}")  # fmt: skip
    else:
        print("repository: none (`silver-kiosk updates enable URL --key FILE`)")
    from kiosk.services.updates.window import check

    verdict = check(_settings(args), datetime.now())
    print(f"updates now: {'yes' if verdict.allowed else 'no'}: {verdict.reason}")
    return 0


def _write(path: Path, data: bytes) -> None:
    """Written aside, then renamed: apt never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    part.chmod(0o644)
    part.replace(path)


def main_for_tests(argv: list[str]) -> int:
    """The whole command line (`python -m kiosk [--config FILE] updates ...`) in-process."""
    from kiosk.__main__ import main

    return main(argv)
