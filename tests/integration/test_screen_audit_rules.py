"""The screen audit judged itself: each rule of tests/screen_audit.py passes an unbroken screen
and fails on a deliberately broken one (a half-clipped button, a disabled button drawn as
enabled, a dialog whose button is off screen, a voice that lists choices not shown, …)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

from kiosk import screen_states
from kiosk.config import Settings
from kiosk.services.storage.paths import UI_DIR
from tests.integration.conftest import find, key, settle, walk
from tests.screen_audit import screen_audit

HEADER = (
    "import QtQuick\nimport QtQuick.Layouts\nimport QtQuick.Templates as T\n"
    'import Kiosk\nimport "components"\n'
)


def open_screen(kiosk: Any, name: str = "home") -> QQuickItem:
    kiosk.bridges.session.begin()
    kiosk.bridges.nav.go("home")
    if name != "home":
        kiosk.bridges.nav.go(name)
    settle()
    return find(kiosk.window, "screenHeader").parentItem()


def inject(kiosk: Any, parent: QQuickItem, qml: str) -> QQuickItem:
    """Put a deliberately broken item into `parent` (the screen, its content, the window)."""
    component = QQmlComponent(kiosk.engine)
    component.setData((HEADER + qml).encode(), QUrl.fromLocalFile(str(UI_DIR / "Injected.qml")))
    item = component.create()
    assert item is not None, component.errorString()
    item.setParentItem(parent)
    kiosk._keep = (component, item)  # keep Python references alive for the test
    settle()
    return item


def audit(kiosk: Any, keypad: bool = False, voice: bool = False) -> str:
    said = kiosk.bridges.speech.last_screen if voice else None
    return "\n".join(
        screen_audit(
            kiosk.window,
            announced=said[2] if said else None,
            more=said[3] if said else None,
            keypad=keypad,
        )
    )


def content(kiosk: Any) -> QQuickItem:
    return find(kiosk.window, "screenContent")


@pytest.mark.parametrize("name", ["home", "easier"])
def test_unbroken_screens_pass(kiosk: Any, name: str) -> None:
    open_screen(kiosk, name)
    assert audit(kiosk, voice=True) == ""


def test_essentials_fail_when_the_screen_needs_down(kiosk: Any) -> None:
    open_screen(kiosk, "easier")
    inject(kiosk, content(kiosk), "Item { Layout.fillWidth: true; Layout.preferredHeight: 3000 }")
    assert "essentials: the screen: the screen needs Down" in audit(kiosk)


def test_essentials_fail_when_back_and_the_way_forward_are_pushed_off(kiosk: Any) -> None:
    open_screen(kiosk, "easier")
    footer = find(kiosk.window, "footer")
    footer.setY(kiosk.window.height() - footer.height() / 3)  # a footer below the window's edge
    found = audit(kiosk)
    assert "Back is not fully on screen" in found
    assert "the primary action is not fully on screen" in found


def test_essentials_fail_when_the_question_is_cut_off(kiosk: Any) -> None:
    screen = open_screen(kiosk, "easier")
    kiosk.bridges.session.setTextStep(2)
    screen.setProperty("title", "Which of these many words is the question? " * 40)
    settle()
    assert "essentials: screenTitle" in audit(kiosk)


def test_partial_fails_on_a_half_clipped_button(kiosk: Any) -> None:
    screen = open_screen(kiosk)
    inject(
        kiosk,
        screen,
        'Item { y: 300; width: 600; height: 60; clip: true; KButton { text: "Half" } }',
    )
    assert "partial: button 'Half': only part of it is on screen" in audit(kiosk)


def test_partial_passes_rows_of_a_list_dragged_on_purpose(kiosk: Any) -> None:
    """A lesson's list that teaches dragging (L01 'move the list'): its rows are cut at its
    edges by design, and only there."""
    screen = open_screen(kiosk)
    inject(
        kiosk,
        screen,
        "Flickable { property bool scrollPractice: true; y: 300; width: 600; height: 60; "
        'clip: true; KButton { text: "Half" } }',
    )
    assert "partial" not in audit(kiosk)


def test_dialog_fails_when_its_button_is_off_screen(kiosk: Any) -> None:
    open_screen(kiosk)
    inject(
        kiosk,
        kiosk.window.contentItem(),
        "Rectangle { readonly property bool blocksBehind: true; z: 500; width: 800;"
        ' height: 600; KButton { y: 2000; text: "Close" } }',
    )
    assert "dialog: button 'Close': a dialog's button is not fully on screen" in audit(kiosk)


def test_dialog_fails_when_it_has_no_button(kiosk: Any) -> None:
    open_screen(kiosk)
    inject(
        kiosk,
        kiosk.window.contentItem(),
        "Rectangle { readonly property bool blocksBehind: true; z: 500; width: 800; height: 600 }",
    )
    assert "an open dialog with no button to close it" in audit(kiosk)


def test_the_real_dialogs_pass_at_the_largest_size(kiosk: Any) -> None:
    open_screen(kiosk)
    kiosk.bridges.session.setTextStep(2)
    from kiosk.runner import show_overlay

    show_overlay(kiosk, "help")
    settle()
    assert audit(kiosk) == ""


def test_announce_fails_on_a_choice_the_voice_did_not_say(kiosk: Any) -> None:
    open_screen(kiosk, "easier")
    settle()
    assert audit(kiosk, voice=True) == ""
    # a choice that changes after the screen was read, and is not read again
    choice = next(i for i in walk(content(kiosk)) if i.objectName() == "textStep2")
    choice.setProperty("spokenText", "Arrived late")
    assert "announce: the screen: the voice said" in audit(kiosk, voice=True)


def test_announce_fails_when_the_voice_lists_what_is_not_shown(kiosk: Any) -> None:
    open_screen(kiosk)
    found = "\n".join(screen_audit(kiosk.window, announced=["Report", "Lessons"], more=False))
    assert "announce: the screen" in found


def test_state_fails_on_a_selected_choice_without_its_mark(kiosk: Any) -> None:
    screen = open_screen(kiosk)
    broken = inject(kiosk, screen, 'KButton { y: 300; text: "Large"; selected: true }')
    assert "state: button 'Large': selected without its check mark" in audit(kiosk)
    broken.setVisible(False)
    inject(kiosk, screen, 'KButton { y: 300; text: "Large"; selected: true; selectable: true }')
    assert audit(kiosk) == ""


def test_state_fails_on_focus_drawn_before_a_key(kiosk: Any) -> None:
    screen = open_screen(kiosk)
    inject(
        kiosk,
        screen,
        'T.AbstractButton { y: 300; width: 300; height: 200; text: "Ringed"\n'
        '  Rectangle { objectName: "focusRing"; anchors.fill: parent; anchors.margins: -8\n'
        '    color: "transparent"; border.width: 6; border.color: Theme.focus } }',
    )
    assert "focus drawn before any key was used" in audit(kiosk)


def test_state_fails_on_a_focus_ring_inside_the_control_or_cut_off(kiosk: Any) -> None:
    screen = open_screen(kiosk)
    inside = inject(
        kiosk,
        screen,
        'T.AbstractButton { y: 300; width: 300; height: 200; text: "Inner"; focusPolicy: '
        "Qt.StrongFocus\n"
        '  Rectangle { objectName: "focusRing"; anchors.fill: parent; anchors.margins: 4\n'
        '    color: "transparent"; border.width: 6; border.color: Theme.focus } }',
    )
    key(kiosk.window, Qt.Key.Key_Down)  # the keypad is used: focus is drawn from now on
    inside.forceActiveFocus(Qt.FocusReason.TabFocusReason)
    settle()
    assert "the focus ring is not outside the control" in audit(kiosk, keypad=True)
    clipped = inject(
        kiosk, screen, 'Item { y: 300; width: 300; height: 200; clip: true; KButton { text: "Edge";'
        " width: 300; height: 200 } }",
    )  # fmt: skip
    clipped.childItems()[0].forceActiveFocus(Qt.FocusReason.TabFocusReason)
    settle()
    assert "the focus ring is cut off" in audit(kiosk, keypad=True)


def test_a_real_focus_ring_passes(kiosk: Any) -> None:
    open_screen(kiosk, "easier")
    key(kiosk.window, Qt.Key.Key_Down)
    assert kiosk.window.activeFocusItem().inherits("QQuickAbstractButton")
    assert audit(kiosk, keypad=True) == ""


def test_disabled_fails_on_a_disabled_button_drawn_as_enabled(kiosk: Any) -> None:
    screen = open_screen(kiosk)
    broken = inject(kiosk, screen, 'KButton { y: 300; text: "Send"; enabled: false; opacity: 1 }')
    assert "disabled: button 'Send'" in audit(kiosk)
    broken.setVisible(False)
    inject(kiosk, screen, 'KButton { y: 300; text: "Send"; enabled: false; reason: "Fill it in" }')
    assert audit(kiosk) == ""


def test_chrome_fails_when_the_bar_takes_too_much(kiosk: Any) -> None:
    open_screen(kiosk)
    find(kiosk.window, "bar").setHeight(kiosk.window.height() * 0.4)
    assert "chrome: -: the bar and footer take" in audit(kiosk)


def test_repeat_fails_on_a_heading_shown_twice(kiosk: Any) -> None:
    open_screen(kiosk, "easier")
    inject(
        kiosk,
        content(kiosk),
        "Column { KText { text: 'Volume'; Accessible.role: Accessible.Heading }"
        " KText { text: 'Volume'; Accessible.role: Accessible.Heading } }",
    )
    assert "repeat: text 'Volume': a heading shown twice" in audit(kiosk)


def test_repeat_passes_a_setting_that_goes_on_under_its_heading(make_kiosk: Any) -> None:
    # portrait, the largest size: the three text sizes are three parts (one choice a row), on one
    # page under one heading
    kiosk = make_kiosk(Settings({"session.tap_filter_ms": 0}), size=(1080, 1920), panel_mm=267.75)
    open_screen(kiosk, "easier")
    kiosk.bridges.session.setLanguage("en")
    kiosk.bridges.session.setTextStep(2)
    settle()
    tops = [find(kiosk.window, f"textStep{n}").mapToScene(QPointF(0, 0)).y() for n in range(3)]
    assert tops == sorted(tops)  # all three shown, one under the other
    headings = [i for i in walk(kiosk.window.contentItem())
                if i.property("text") == "Text size" and i.isVisible()]  # fmt: skip
    assert len(headings) == 1
    assert audit(kiosk) == ""


def test_typing_fails_when_the_strip_loses_the_question(make_kiosk: Any, tmp_path: Any) -> None:
    kiosk = make_kiosk(
        Settings({"session.tap_filter_ms": 0, "paths.data_dir": str(tmp_path)}), backend=True
    )
    screen_states.begin(kiosk, "bg")
    screen_states.reach(kiosk, "report", "typing")
    assert audit(kiosk) == ""
    find(kiosk.window, "stripQuestion").setVisible(False)
    find(kiosk.window, "stripNext").setVisible(False)
    found = audit(kiosk)
    assert "typing: typingStrip: the question is not shown above the keys" in found
    assert "the way forward is not shown above the keys" in found
