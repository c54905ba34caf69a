"""The one request a bridge has in flight: whether it still runs, and stopping it."""

from __future__ import annotations

import asyncio
from typing import Any


def running(task: asyncio.Future[Any] | None) -> bool:
    return task is not None and not task.done()


def cancel(task: asyncio.Future[Any] | None) -> None:
    """Cancel it if it still runs (a reset, the session wipe, leaving a screen)."""
    if task is not None and not task.done():
        task.cancel()
