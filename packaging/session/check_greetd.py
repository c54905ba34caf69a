"""Checks greetd's configuration for the kiosk session: it parses, logs the kiosk user straight
into cage without VT switching (no -s), and falls back to a staff login; with --root, that the
programs it names are installed there. Prints the problems and exits 1 if there are any.
    python3 packaging/session/check_greetd.py FILE [--root ROOT]"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import tomllib


def problems(text: str, root: Path | None = None) -> list[str]:
    try:
        config = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [f"not TOML: {exc}"]
    found = []
    first = config.get("initial_session", {})
    staff = config.get("default_session", {})
    if first.get("user") != "kiosk":
        found.append("initial_session.user is not kiosk")
    if config.get("terminal", {}).get("vt") != 7:
        found.append("terminal.vt is not 7 (Debian's greetd.service keeps tty7 free)")
    cage = shlex.split(first.get("command", ""))
    if not cage or cage[0] != "/usr/bin/cage" or "--" not in cage:
        found.append(f"initial_session.command does not start cage: {cage}")
        return found
    if "-s" in cage[: cage.index("--")]:
        found.append("cage is given -s: it would allow VT switching")
    if not staff.get("command") or not staff.get("user"):
        found.append("no default_session: nothing would show after the kiosk session ends")
    if root is not None:
        for program in (cage[0], cage[-1], shlex.split(staff.get("command", "x"))[0]):
            if not (root / program.lstrip("/")).is_file():
                found.append(f"{program} is not installed")
    return found


def main(argv: list[str]) -> int:
    root = Path(argv[argv.index("--root") + 1]) if "--root" in argv else None
    found = problems(Path(argv[0]).read_text(encoding="utf-8"), root)
    for problem in found:
        print(f"greetd config: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
