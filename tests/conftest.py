"""Test-wide set-up: private XDG folders, offscreen Qt, one qasync loop, and a kiosk fixture
that builds the real app (QML included) and saves a screenshot when a UI test fails."""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_XDG = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_XDG / _name.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.app import prepare_environment  # noqa: E402 - after the environment is set

prepare_environment(software_rendering=True)

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def _session_qasync_loop(qapp):  # type: ignore[no-untyped-def]
    """One qasync loop for the session; see `qasync_loop`."""
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)  # running only inside the tests that ask for it
    executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="test-io")
    loop.set_default_executor(executor)  # as the app does: no QThreads alive at exit
    yield loop
    executor.shutdown(wait=True, cancel_futures=True)


@pytest.fixture
def qasync_loop(_session_qasync_loop):  # type: ignore[no-untyped-def]
    """The qasync loop on pytest-qt's application, running for this test (for async slots and
    tasks). It is marked as running only during the test, so tests that start their own
    asyncio loop (anyio) still can."""
    loop = _session_qasync_loop
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    yield loop
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        kiosk = getattr(item, "_kiosk_for_screenshot", None)
        if kiosk is not None:
            ARTIFACTS.mkdir(exist_ok=True)
            path = ARTIFACTS / f"{item.nodeid.replace('/', '_').replace('::', '-')}.png"
            try:
                kiosk.window.grabWindow().save(str(path))
                report.sections.append(("screenshot", str(path)))
            except Exception as exc:  # the report must not fail for the screenshot
                report.sections.append(("screenshot", f"not saved: {exc}"))


@pytest.fixture(autouse=True)
def english_by_default() -> Iterator[None]:
    """Messages are checked in English unless a test picks a language (the kiosk's own default,
    Bulgarian, is set by the session when a kiosk is built)."""
    from kiosk import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session", autouse=True)
def _gui_application_first(qapp):  # type: ignore[no-untyped-def]
    """Create pytest-qt's QApplication before any test can make a bare QCoreApplication, on
    which QML's graphical types would be unavailable for the rest of the run."""
    return qapp
