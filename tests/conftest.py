"""Test-wide set-up: private XDG folders, offscreen Qt, one qasync loop, and a kiosk fixture
that builds the real app (QML included) and saves a screenshot when a UI test fails."""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

_XDG = Path(tempfile.mkdtemp(prefix="kiosk-tests-"))
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_XDG / _name.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QML compiled once for the whole run: the workers (pytest-xdist) inherit the first process's
# folder, where Qt writes each file whole and renames it into place
os.environ.setdefault("QML_DISK_CACHE_PATH", str(_XDG / "qmlcache"))

from kiosk.app import prepare_environment  # noqa: E402 - after the environment is set

prepare_environment(software_rendering=True)

_ARTIFACTS: list[Path] = []


def artifacts_dir() -> Path:
    """Where failure screenshots go: a temporary folder of this run, never the work tree
    ($KIOSK_TEST_ARTIFACTS when set). Its path is printed at the end of the run."""
    if not _ARTIFACTS:
        chosen = os.environ.get("KIOSK_TEST_ARTIFACTS")
        folder = Path(chosen) if chosen else Path(tempfile.mkdtemp(prefix="kiosk-test-shots-"))
        folder.mkdir(parents=True, exist_ok=True)
        _ARTIFACTS.append(folder)
    return _ARTIFACTS[0]


def pytest_configure(config: Any) -> None:
    """With workers (pytest-xdist), the folder is made here, before they start, and handed to
    them, so the run's summary can name the one folder all their screenshots went to."""
    if config.getoption("numprocesses", None) and not hasattr(config, "workerinput"):
        os.environ["KIOSK_TEST_ARTIFACTS"] = str(artifacts_dir())


# With workers (pytest-xdist, `./dev test`), a test file goes whole to one worker: its tests may
# share a module's kiosk or state. These files go in smaller units, named from a test's
# parameters (its id, between the brackets; "" for a test without): each unit to one worker.
WORK_UNITS: dict[str, Callable[[str], str]] = {
    # the long audits, one per language (and the journeys, one each): they share nothing
    "tests/integration/test_audit.py": lambda params: params,
    "tests/integration/test_lessons_audit.py": lambda params: params,
    "tests/integration/test_journeys.py": lambda params: params,
    # the screens of one walk on one panel ("report-portrait:track"): the first of them walks,
    # the others read what it found
    "tests/integration/test_screen_audit.py": lambda params: params.split(":")[0],
}


def work_unit(nodeid: str) -> str:
    file, _, test = nodeid.partition("::")
    if file not in WORK_UNITS:
        return file
    params = test.partition("[")[2].removesuffix("]")
    return f"{file}::{WORK_UNITS[file](params)}"


def pytest_xdist_make_scheduler(config: Any, log: Any) -> Any:
    """With `--dist loadscope` or `loadfile`: xdist's scheduler by scope (the units with more
    tests first), the scope being `work_unit`. (xdist's own `loadgroup` renames the tests, which
    pytest 9 ignores: its groups never formed.)"""
    if config.getvalue("dist") not in ("loadscope", "loadfile"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return ByWorkUnit(config, log)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _ARTIFACTS and any(_ARTIFACTS[0].iterdir()):
        terminalreporter.write_line(f"failure screenshots: {_ARTIFACTS[0]}")


class _ErrorRecords(logging.Handler):
    """The ERROR (and CRITICAL) records logged while one test runs."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.name}: {record.getMessage()}")


@pytest.fixture(autouse=True)
def _no_unexpected_error_log(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test fails on an ERROR it did not expect in the log, as qutebrowser's suite does: an
    error the kiosk survives is still an error. A test that provokes one on purpose (a fault it
    checks is handled) says so with `@pytest.mark.error_log`."""
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if handler.lines and request.node.get_closest_marker("error_log") is None:
        shown = "\n".join(handler.lines[:10])
        pytest.fail(f"{len(handler.lines)} unexpected ERROR log record(s):\n{shown}", False)


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


@contextmanager
def running(loop: asyncio.AbstractEventLoop) -> Iterator[asyncio.AbstractEventLoop]:
    """`loop` marked as the running loop inside the block (qasync runs it in Qt's loop)."""
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)


@pytest.fixture
def qasync_loop(_session_qasync_loop):  # type: ignore[no-untyped-def]
    """The qasync loop on pytest-qt's application, running for this test (for async slots and
    tasks). It is marked as running only during the test, so tests that start their own
    asyncio loop (anyio) still can."""
    with running(_session_qasync_loop) as loop:
        yield loop


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        kiosk = getattr(item, "_kiosk_for_screenshot", None)
        if kiosk is not None:
            path = artifacts_dir() / f"{item.nodeid.replace('/', '_').replace('::', '-')}.png"
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
