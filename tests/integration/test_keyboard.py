"""The on-screen keyboard: it appears for a text field, in Bulgarian first, and types Cyrillic
by taps on its keys; the wipe hides it and forgets what it held."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk.services.storage.paths import UI_DIR
from tests.audit import audit_window
from tests.integration.conftest import find, settle, tap, walk
from tests.integration.report_helpers import keyboard_keys

FIELD = """
import QtQuick
import "components"
KTextField {
    objectName: "probeField"; x: 100; y: 300; width: 900; label: "Име на улица"
    input.objectName: "probeInput"
}
"""


def add_field(kiosk: Any) -> QQuickItem:
    component = QQmlComponent(kiosk.engine)
    component.setData(FIELD.encode(), QUrl.fromLocalFile(str(UI_DIR / "Probe.qml")))
    field = component.create()
    assert field is not None, component.errorString()
    field.setParentItem(kiosk.window.contentItem())
    kiosk._keep = (component, field)
    settle()
    return field


def test_taps_on_the_keyboard_type_cyrillic(kiosk: Any) -> None:
    tap(kiosk.window, find(kiosk.window, "language_bg"))
    add_field(kiosk)
    text_input = find(kiosk.window, "probeInput")
    tap(kiosk.window, text_input)
    settle(50, 5)
    keyboard = find(kiosk.window, "keyboard")
    assert keyboard.property("active")
    keys = keyboard_keys(kiosk)
    assert {"ж", "щ", "ъ", "ю", "я"} <= set(keys), "the Bulgarian layout comes first"
    for letter in "здравей":
        tap(kiosk.window, keys[letter], reveal=False)  # keys never take the focus
    settle(50, 3)
    assert text_input.property("text") == "Здравей"  # capital first letter, as in a name
    # the keys are large: at least 15 mm on this panel
    px_per_mm = kiosk.bridges.display.pxPerMm
    assert keys["б"].width() / px_per_mm >= 15
    kiosk.bridges.session.wipe()
    settle(50, 3)
    assert not keyboard.property("active")


def test_what_a_resident_types_never_reaches_the_log(kiosk: Any, tmp_path: Any) -> None:
    import logging

    from kiosk.services.storage.logs import setup_logging

    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    log_file = setup_logging(tmp_path, "DEBUG", console=False)
    try:
        tap(kiosk.window, find(kiosk.window, "language_bg"))
        add_field(kiosk)
        text_input = find(kiosk.window, "probeInput")
        tap(kiosk.window, text_input)
        settle(50, 5)
        keys = keyboard_keys(kiosk)
        for letter in "иван":
            tap(kiosk.window, keys[letter], reveal=False)
        kiosk.bridges.nav.go("easier")
        kiosk.bridges.session.wipe()
        settle()
    finally:
        for handler in root.handlers[:]:
            root.removeHandler(handler)
            handler.close()
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
    assert log_file is not None
    logged = log_file.read_text(encoding="utf-8")
    assert "session wiped" in logged and "screen easier" in logged
    assert "ван" not in logged.lower()


@pytest.mark.parametrize("step", [0, 1, 2])
def test_what_is_typed_stays_in_view_above_the_keys(kiosk: Any, step: int) -> None:
    """The keys take the lower part of the window; the question, the field's label, the text
    typed so far and the way forward show right above them at every text size, nothing of the
    screen is left half-drawn, and the bar stays whole."""
    session = kiosk.bridges.session
    session.begin()
    session.setLanguage("bg")
    session.setTextStep(step)
    kiosk.bridges.nav.go("learnerCard")
    settle()
    find(kiosk.window, "learnerType").setProperty("typing", True)
    settle()
    text_input = next(i for i in walk(kiosk.window.contentItem()) if i.inherits("QQuickTextInput"))
    text_input.forceActiveFocus()
    QGuiApplication.inputMethod().show()
    settle(50, 5)
    keyboard = find(kiosk.window, "keyboard")
    assert keyboard.property("active")
    for letter in "кш":
        tap(kiosk.window, keyboard_keys(kiosk)[letter], reveal=False)
    settle(50, 3)
    typed = str(text_input.property("text"))
    assert typed.lower() == "кш"
    strip = find(kiosk.window, "typingStrip")
    texts = [str(i.property("text")) for i in walk(strip) if i.inherits("QQuickText")]
    assert "Кодът на картата ви" in texts and typed + "|" in texts
    assert "Моята карта на курсист" in texts  # the question stays above the keys
    keys_top = keyboard.mapToScene(QPointF(0, 0)).y()
    strip_top = strip.mapToScene(QPointF(0, 0)).y()
    banner = find(kiosk.window, "bar")
    banner_bottom = banner.mapToScene(QPointF(0, banner.height())).y()
    assert strip_top + strip.height() <= keys_top + 1 and strip_top >= banner_bottom - 1
    caption = next(i for i in walk(kiosk.window.contentItem()) if i.objectName() == "caption")
    assert not caption.isVisible()  # the strip takes its place
    # rows of keys stay large: at least 15 mm
    assert keyboard_keys(kiosk)["б"].height() / kiosk.bridges.display.pxPerMm >= 15
    # what is left of the screen is either usable or nothing at all
    room = strip_top - banner_bottom
    assert room == 0 or room >= 2 * kiosk.bridges.display.pxPerMm * 20 - 1
    problems = audit_window(kiosk.window, kiosk.bridges.display.pxPerMm, step, "bg")
    assert not problems, "\n".join(problems)
