"""Logging: a rotating file in the log folder and the console. What residents type never reaches
a log: code logs screen names, timings, errors and counts only (ACCESSIBILITY 35)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Libraries that log request URLs (a Track number is in one) or bodies at INFO or DEBUG: only
# their warnings reach the log, whatever the kiosk's own level.
QUIET_LIBRARIES = ("httpx", "httpcore", "hpack", "h11", "h2", "urllib3", "uvicorn.access")


def setup_logging(log_dir: Path | None, level: str = "INFO", console: bool = True) -> Path | None:
    """Configure the root logger; returns the log file, or None when it cannot be written."""
    root = logging.getLogger()
    root.setLevel(level)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter(FORMAT)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(formatter)
        stream.setLevel(logging.WARNING)
        root.addHandler(stream)
    if log_dir is None:
        return None
    path = log_dir / "kiosk.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write logs to %s: %s", log_dir, exc)
        return None
    handler.setFormatter(formatter)
    root.addHandler(handler)
    return path
