"""The accessibility audit over every screen and overlay × language × text size × theme, and
tests of the audit itself: it must fail when a button shrinks or a label overflows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtQuick import QQuickItem

from kiosk.bridge.nav import SCREENS
from kiosk.i18n import LANGUAGES
from kiosk.runner import OVERLAYS, show_overlay
from tests.audit import audit_window
from tests.integration.conftest import settle


def visit(kiosk: Any, name: str) -> None:
    """Show a screen, or an overlay over the home screen, as the kiosk would."""
    bridges = kiosk.bridges
    if name in OVERLAYS:
        bridges.nav.go("home")
        settle(0, 3)
        show_overlay(kiosk, name)
    else:
        bridges.nav.reset() if name == "attract" else bridges.nav.go(name)
    settle(0, 6)  # no waiting: the audit draws a frame before it looks


def close_overlays(kiosk: Any) -> None:
    kiosk.bridges.shell.clear_error()
    for overlay in OVERLAYS:
        item = kiosk.window.findChild(QQuickItem, overlay)
        if item is not None:
            item.setVisible(False)
    settle(0, 2)


def themes_for(text_step: int) -> tuple[bool, bool]:
    """High contrast off and on, in the order a screen is audited at this text size: opened in
    the first, then switched to the other while it is shown (as the Easier screen switches it).
    The order alternates with the size, so each theme is seen both ways."""
    return (False, True) if text_step % 2 == 0 else (True, False)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_screen_passes_the_audit(kiosk: Any, lang: str) -> None:
    session = kiosk.bridges.session
    px_per_mm = kiosk.bridges.display.pxPerMm
    problems: list[str] = []
    for step in range(session.textStepCount):
        for name in (*SCREENS, *OVERLAYS):
            session.begin()
            session.setLanguage(lang)
            session.setTextStep(step)
            for switched, high_contrast in enumerate(themes_for(step)):
                session.setHighContrast(high_contrast)
                if switched:
                    settle(0, 3)  # the audit draws a frame before it looks
                else:
                    visit(kiosk, name)
                theme = ("high" if high_contrast else "normal") + (" (switched)" * switched)
                where = f"{name} {lang} step {step + 1} {theme}"
                problems += [
                    f"{where}: {line}" for line in audit_window(kiosk.window, px_per_mm, step, lang)
                ]
            close_overlays(kiosk)
    assert not problems, "\n".join(problems[:40])


def inject(kiosk: Any, qml: str) -> QQuickItem:
    """Put a deliberately broken item onto the home screen."""
    kiosk.bridges.session.begin()
    kiosk.bridges.nav.go("home")
    settle()
    parent = kiosk.window.contentItem()  # not a layout, which would resize the item
    from PySide6.QtQml import QQmlComponent

    component = QQmlComponent(kiosk.engine)
    from PySide6.QtCore import QUrl

    from kiosk.services.storage.paths import UI_DIR

    component.setData(qml.encode(), QUrl.fromLocalFile(str(UI_DIR / "Injected.qml")))
    item = component.create()
    assert item is not None, component.errorString()
    item.setParentItem(parent)
    kiosk._keep = (component, item)  # keep Python references alive for the test
    settle()
    return item


HEADER = 'import QtQuick\nimport QtQuick.Layouts\nimport "components"\n'


def findings(kiosk: Any, lang: str = "en") -> str:
    return "\n".join(audit_window(kiosk.window, kiosk.bridges.display.pxPerMm, 0, lang))


def test_the_audit_passes_the_unbroken_home_screen(kiosk: Any) -> None:
    kiosk.bridges.session.begin()
    kiosk.bridges.nav.go("home")
    settle()
    assert findings(kiosk) == ""


def test_the_audit_catches_a_shrunk_button(kiosk: Any) -> None:
    inject(kiosk, HEADER + 'KButton { text: "Tiny"; width: 30; height: 30; y: 900 }')
    assert "target: " in findings(kiosk)


def test_the_audit_catches_an_overflowing_label(kiosk: Any) -> None:
    inject(
        kiosk,
        HEADER + "KText { width: 100; height: 40; y: 700; wrapMode: Text.NoWrap;"
        ' text: "A label far too long for its box" }',
    )
    assert "overflow" in findings(kiosk)


def test_the_audit_catches_an_elided_label(kiosk: Any) -> None:
    inject(
        kiosk,
        HEADER + "KText { width: 100; y: 700; elide: Text.ElideRight;"
        ' wrapMode: Text.NoWrap; text: "A label far too long for its box" }',
    )
    assert "clipped" in findings(kiosk)


def test_the_audit_catches_text_outside_its_button(kiosk: Any) -> None:
    inject(
        kiosk,
        HEADER + "KButton { y: 700; width: 200; height: 85;"
        ' text: "Words that wrap onto many lines in a narrow button" }',
    )
    assert "goes outside" in findings(kiosk)


def test_the_audit_catches_grey_text(kiosk: Any) -> None:
    inject(kiosk, HEADER + 'KText { y: 700; width: 600; color: "#999999"; text: "Grey" }')
    assert "contrast" in findings(kiosk)


def test_the_audit_catches_a_button_without_a_name(kiosk: Any) -> None:
    inject(kiosk, HEADER + "KButton { y: 700; width: 200; height: 200 }")
    assert "name: " in findings(kiosk)


def test_the_audit_catches_small_text(kiosk: Any) -> None:
    inject(kiosk, HEADER + 'Text { y: 700; width: 600; font.pixelSize: 14; text: "Small" }')
    assert "text size" in findings(kiosk)


def test_the_audit_catches_english_on_a_bulgarian_screen(kiosk: Any) -> None:
    kiosk.bridges.session.setLanguage("bg")
    inject(kiosk, HEADER + 'KText { y: 700; width: 900; text: "Please try again later" }')
    assert "untranslated" in findings(kiosk, "bg")


def test_the_audit_catches_buttons_too_close(kiosk: Any) -> None:
    inject(
        kiosk, HEADER + 'Row { y: 700; spacing: 1; KButton { text: "A" } KButton { text: "B" } }'
    )
    assert "gap: KButton" in findings(kiosk)


def test_the_audit_catches_drag_scrolling(kiosk: Any) -> None:
    inject(kiosk, HEADER + "Flickable { y: 700; width: 300; height: 300; contentHeight: 900 }")
    assert "gesture" in findings(kiosk)
