"""Fixtures that build the real kiosk offscreen with a fake clock, and drive it by touch and key."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop, QPoint, QPointF, Qt, QTimer
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.app import Kiosk, build
from kiosk.bridge.speech import SpeechBridge
from kiosk.config import Settings
from kiosk.config.schema import DATA_DIR
from kiosk.services.speech.fake import RecordingSpeech
from kiosk.services.speech.headset import HeadsetMonitor
from tests.conftest import running
from tests.journeys import walk  # one walk of the item tree, the benchmarks' too

PANEL_MM = 476.0  # a 21.5-inch 1920x1080 panel
SIZE = (1920, 1080)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def settle(ms: int = 30, rounds: int = 3) -> None:
    """Let bindings, layouts and deferred calls run."""
    for _ in range(rounds):
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()


def find(window: QQuickWindow, name: str) -> QQuickItem:
    """The visible item with this objectName (fails the test when there is none)."""
    for item in walk(window.contentItem()):
        if item.objectName() == name and item.isVisible():
            return item
    raise AssertionError(f"no visible item named {name!r}")


def shown(item: QQuickItem) -> bool:
    """Visible and not transparent, itself and every ancestor (a control that cannot be used is
    transparent, not hidden, so that its neighbours keep their places)."""
    node: QQuickItem | None = item
    while node is not None:
        if not node.isVisible() or node.opacity() <= 0:
            return False
        node = node.parentItem()
    return True


def find_paged(window: QQuickWindow, name: str) -> QQuickItem:
    """The item named `name` in a paged list, turning the list's pages with "Previous" and "More
    choices" as a resident would (by touch) until it is shown. A list that has just arrived is
    laid out on the next turn of the event loop (until then its items and its page buttons are
    hidden): it is given a few seconds, as the resident waits for the screen to show it."""
    backwards, turns, waits = True, 0, 0
    while turns < 60 and waits < 300:
        items = [i for i in walk(window.contentItem()) if i.objectName() == name]
        for item in items:
            if shown(item):
                return item
        pager = next(
            (p for i in items for p in ancestors(i) if p.property("pageOf") is not None), None
        )
        if pager is None:
            break
        previous = next(c for c in walk(pager) if c.objectName() == "pagerPrevious")
        more = next(c for c in walk(pager) if c.objectName() == "pagerMore")
        backwards = backwards and shown(previous)
        turn = previous if backwards else more
        if shown(turn):
            tap(window, turn, reveal=False)
            turns += 1
        else:  # not laid out yet (or laid out with no page that shows it: the wait runs out)
            settle(10, 1)
            waits += 1
    raise AssertionError(f"no item named {name!r} on any page")


def ancestors(item: QQuickItem) -> Iterator[QQuickItem]:
    node = item.parentItem()
    while node is not None:
        yield node
        node = node.parentItem()


def tap(window: QQuickWindow, item: QQuickItem, reveal: bool = True) -> None:
    """A real mouse press and release in the middle of the item (scrolled into view first,
    as the resident would with the Down button, unless `reveal` is false)."""
    if reveal:
        item.forceActiveFocus(Qt.FocusReason.TabFocusReason)  # as the keypad moves the focus
        settle(10, 2)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    settle()


def tap_at(window: QQuickWindow, x: int, y: int) -> None:
    QTest.mouseClick(
        window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y)
    )
    settle()


def key(window: QQuickWindow, code: Qt.Key) -> None:
    QTest.keyClick(window, code)
    settle(10, 2)


def close_backend(kiosk: Kiosk) -> None:
    """Close the portals, database and outbox a test started, on the running qasync loop."""
    import asyncio

    task = asyncio.ensure_future(kiosk.aclose())
    for _ in range(500):
        if task.done():
            break
        settle(10, 1)
    task.result()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def build_kiosk(
    tmp_path_factory: Any,
    settings: Settings | None = None,
    *,
    windowed: bool = True,
    start: str = "attract",
    clock: FakeClock | None = None,
    speech: Any = None,
    backend: bool = False,
    size: tuple[int, int] = SIZE,
    panel_mm: float = PANEL_MM,
) -> Kiosk:
    """The real kiosk, shown, with its own data folder and a voice that records what it says."""
    settings = settings or Settings({})
    # What is alive now is older than this kiosk: out of the collector's sight, so its passes
    # walk this test's objects only. (PySide keeps the bridges handed to QML after their kiosk
    # is gone: without this, each pass grew with every kiosk the run had built.)
    gc.collect()
    gc.freeze()
    if not settings[DATA_DIR]:  # each test its own database and PIN lock
        folder = tmp_path_factory.mktemp("data")
        settings = settings.with_values({DATA_DIR.key: str(folder)})
    if speech is None:  # a voice that records what it would say
        speech = SpeechBridge(RecordingSpeech(HeadsetMonitor("manual")), settings)
    kiosk = build(
        settings,
        windowed=windowed,
        start_screen=start,
        window_size=size,
        simulated_panel_mm=panel_mm,
        clock=clock,
        speech=speech,
        start_backend=backend,
    )
    kiosk.show()
    settle()
    return kiosk


def close_kiosk(kiosk: Kiosk) -> None:
    close_backend(kiosk)
    kiosk.close()
    settle(10, 1)


@pytest.fixture
def make_kiosk(
    qapp: Any, qasync_loop: Any, request: pytest.FixtureRequest, tmp_path_factory: Any
) -> Iterator[Any]:
    """Build kiosks: `make_kiosk(settings=None, windowed=True, start="attract")`; `size` and
    `panel_mm` for another panel (the same pixels per mm: 476 mm × width / 1920)."""
    built: list[Kiosk] = []

    def make(settings: Settings | None = None, **options: Any) -> Kiosk:
        kiosk = build_kiosk(tmp_path_factory, settings, **options)
        built.append(kiosk)
        request.node._kiosk_for_screenshot = kiosk
        return kiosk

    yield make
    for kiosk in built:
        close_kiosk(kiosk)
    # the test's item lives to the end of the run, and so would a kiosk it still named
    built.clear()
    request.node.__dict__.pop("_kiosk_for_screenshot", None)


@pytest.fixture(scope="module")
def file_kiosk(qapp: Any, _session_qasync_loop: Any, tmp_path_factory: Any) -> Iterator[Kiosk]:
    """One kiosk for all the tests of a file that only look at it and change nothing a later
    test would see (each test still asks for `qasync_loop`, the loop running while it runs)."""
    with running(_session_qasync_loop):
        kiosk = build_kiosk(tmp_path_factory, Settings({"session.tap_filter_ms": 0}))
    yield kiosk
    with running(_session_qasync_loop):
        close_kiosk(kiosk)


@pytest.fixture
def kiosk(make_kiosk: Any) -> Kiosk:
    """A windowed kiosk whose tremor filter is off, so tests can tap quickly."""
    return make_kiosk(Settings({"session.tap_filter_ms": 0}))
