"""The bridges' one request helper (kiosk/bridge/tasks.py), on a plain asyncio loop."""

from __future__ import annotations

import asyncio

import pytest

from kiosk.bridge.tasks import Failed, Request
from kiosk.core.errors import PortalUnavailable
from kiosk.services.storage.database import StorageFull


class Screen:
    """What a bridge would show and say."""

    def __init__(self) -> None:
        self.said: list[str] = []
        self.changes = 0

    def changed(self) -> None:
        self.changes += 1


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_a_quick_answer_shows_no_busy_sentence() -> None:
    screen = Screen()
    request = Request(screen.changed, screen.said.append, busy_after_s=0.2)

    async def quick() -> int:
        return 7

    assert await request.run(quick(), busy="Please wait.") == 7
    assert screen.said == [] and request.busy_text == "" and not request.running


@pytest.mark.anyio
async def test_a_slow_answer_shows_and_speaks_the_busy_sentence_then_clears_it() -> None:
    screen = Screen()
    request = Request(screen.changed, screen.said.append, busy_after_s=0.01)
    release = asyncio.Event()
    seen: list[str] = []

    async def slow() -> str:
        await release.wait()
        return "done"

    task = asyncio.ensure_future(request.run(slow(), busy="Please wait."))
    while not request.busy_text:
        await asyncio.sleep(0.005)
    seen.append(request.busy_text)
    assert request.running
    release.set()
    assert await task == "done"
    assert seen == ["Please wait."] and screen.said == ["Please wait."]
    assert request.busy_text == "" and not request.running


@pytest.mark.anyio
async def test_a_second_tap_while_running_is_ignored() -> None:
    request = Request(lambda: None, lambda _text: None)
    release = asyncio.Event()
    started: list[str] = []

    async def job(name: str) -> str:
        started.append(name)
        await release.wait()
        return name

    first = asyncio.ensure_future(request.run(job("first"), busy="…"))
    await asyncio.sleep(0)
    assert await request.run(job("second"), busy="…") is None  # dropped, never started
    release.set()
    assert await first == "first" and started == ["first"]


@pytest.mark.anyio
async def test_failures_become_one_sentence_for_people() -> None:
    request = Request(lambda: None, lambda _text: None)

    async def portal_down() -> None:
        raise PortalUnavailable("connect timeout to 10.0.0.1")

    async def disk_full() -> None:
        raise StorageFull("database or disk is full")

    got = await request.run(portal_down(), busy="…", fail=lambda e: e.human() + " Call us.")
    assert isinstance(got, Failed) and got.sentence.endswith(" Call us.")
    assert "10.0.0.1" not in got.sentence  # the detail goes to the log, not to the resident
    full = await request.run(disk_full(), busy="…")
    assert isinstance(full, Failed) and full.sentence == StorageFull().human()


@pytest.mark.anyio
async def test_a_bug_is_not_turned_into_a_sentence() -> None:
    request = Request(lambda: None, lambda _text: None)

    async def bug() -> None:
        raise KeyError("oops")

    with pytest.raises(KeyError):
        await request.run(bug(), busy="…")
    assert not request.running


@pytest.mark.anyio
async def test_the_wipe_cancels_the_request() -> None:
    screen = Screen()
    request = Request(screen.changed, screen.said.append, busy_after_s=0.01)

    async def forever() -> None:
        await asyncio.Event().wait()

    task = asyncio.ensure_future(request.run(forever(), busy="Please wait."))
    while not request.busy_text:
        await asyncio.sleep(0.005)
    request.cancel()
    assert await task is None
    assert not request.running and request.busy_text == ""
