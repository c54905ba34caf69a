"""Fail on any stderr line of the smoke test that packaging/stderr-allow.txt does not allow."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def allowed_patterns(path: Path) -> list[re.Pattern[str]]:
    """The allow-list's regular expressions (comments and blank lines skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [re.compile(line) for line in lines if line.strip() and not line.startswith("#")]


def unexpected(stderr: str, patterns: list[re.Pattern[str]]) -> list[str]:
    """The stderr lines no pattern allows."""
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(p.search(line) for p in patterns)
    ]


def main(argv: list[str]) -> int:
    allow, log = Path(argv[1]), Path(argv[2])
    bad = unexpected(log.read_text(encoding="utf-8", errors="replace"), allowed_patterns(allow))
    for line in bad:
        print(f"unexpected stderr: {line}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
