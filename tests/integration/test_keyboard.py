"""The on-screen keyboard: it appears for a text field, in Bulgarian first, and types Cyrillic
by taps on its keys; the wipe hides it and forgets what it held."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk.services.paths import UI_DIR
from tests.integration.conftest import find, settle, tap, walk

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


def key_items(kiosk: Any) -> dict[str, QQuickItem]:
    keyboard = find(kiosk.window, "keyboard")
    keys = {}
    for item in walk(keyboard):
        text = item.property("text")
        if (
            isinstance(text, str)
            and text
            and item.isVisible()
            and item.property("displayText") is not None  # a key (no metaObject(): see audit.py)
        ):
            keys.setdefault(text, item)
    return keys


def test_taps_on_the_keyboard_type_cyrillic(kiosk: Any) -> None:
    tap(kiosk.window, find(kiosk.window, "language_bg"))
    add_field(kiosk)
    text_input = find(kiosk.window, "probeInput")
    tap(kiosk.window, text_input)
    settle(50, 5)
    keyboard = find(kiosk.window, "keyboard")
    assert keyboard.property("active")
    keys = key_items(kiosk)
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

    from kiosk.services.logs import setup_logging

    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    log_file = setup_logging(tmp_path, "DEBUG", console=False)
    try:
        tap(kiosk.window, find(kiosk.window, "language_bg"))
        add_field(kiosk)
        text_input = find(kiosk.window, "probeInput")
        tap(kiosk.window, text_input)
        settle(50, 5)
        keys = key_items(kiosk)
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
