"""The one request a bridge has in flight, in the spirit of Anki's QueryOp.

`Request.run(job, busy=...)` runs `job` as the bridge's only request: a second tap while it runs
is ignored, the busy sentence appears (and is spoken) only once the wait passes `BUSY_AFTER_S`
(ACCESSIBILITY 10: a quick answer shows no flicker), a portal or database failure comes back as
one sentence for people (`Failed`), and `cancel()` (the session wipe, leaving the screen) stops it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from kiosk.core.errors import PortalError
from kiosk.services.storage.database import StorageError

log = logging.getLogger(__name__)
T = TypeVar("T")
BUSY_AFTER_S = 1.0  # the one place the busy delay is defined


@dataclass(frozen=True)
class Failed:
    """A request that failed for a reason people can act on; `sentence` is shown and spoken."""

    sentence: str


def human(error: PortalError | StorageError) -> str:
    return error.human()


def running(task: asyncio.Future[Any] | None) -> bool:
    return task is not None and not task.done()


def cancel(task: asyncio.Future[Any] | None) -> None:
    """Cancel it if it still runs (a reset, the session wipe, leaving a screen)."""
    if task is not None and not task.done():
        task.cancel()


class Request:
    """A bridge's request slot. `changed` is called whenever `running` or `busy_text` changes."""

    def __init__(
        self,
        changed: Callable[[], None],
        speak: Callable[[str], None],
        *,
        busy_after_s: float = BUSY_AFTER_S,
    ) -> None:
        self._changed, self._speak, self._after = changed, speak, busy_after_s
        self._task: asyncio.Future[Any] | None = None
        self.busy_text = ""  # the busy sentence once the wait passes the delay, else ''

    @property
    def running(self) -> bool:
        return running(self._task)

    def cancel(self) -> None:
        """Stop the request (its `run` returns None) and forget the busy sentence."""
        cancel(self._task)
        self._task = None
        self.busy_text = ""

    async def run(
        self,
        job: Awaitable[T],
        *,
        busy: str,
        speak_busy: bool = True,
        fail: Callable[[Any], str] = human,
        what: str = "request",
    ) -> T | Failed | None:
        """The job's result; `Failed(sentence)` for a PortalError or StorageError (`fail` makes
        the sentence, e.g. adding "call Call Sofia"); None when a request already runs (the job
        is dropped) or this one was cancelled. Other exceptions are bugs and propagate."""
        if self.running:
            if asyncio.iscoroutine(job):
                job.close()
            return None
        task: asyncio.Future[T] = asyncio.ensure_future(job)
        self._task = task
        timer = asyncio.get_running_loop().call_later(self._after, self._show_busy, task, busy,
                                                      speak_busy)  # fmt: skip
        self._changed()
        try:
            return await task
        except asyncio.CancelledError:
            if not task.cancelled():
                raise  # the caller itself is being cancelled
            return None
        except (PortalError, StorageError) as exc:
            log.info("%s: %s (%s)", what, type(exc).__name__, exc.detail)
            return Failed(fail(exc))
        finally:
            timer.cancel()
            if self._task is task:
                self._task = None
                self.busy_text = ""
            self._changed()

    def _show_busy(self, task: asyncio.Future[Any], text: str, speak: bool) -> None:
        if self._task is task and not task.done():
            self.busy_text = text
            self._changed()
            if speak:
                self._speak(text)
