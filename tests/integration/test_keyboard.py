"""The on-screen keyboard in the kiosk's style: it appears for a text field, in Bulgarian first,
types Cyrillic by taps on its keys; its keys are 20 mm with letters at the resident's text size
in both themes; the layout and digits keys are named in words and Latin comes only by the named
key; there is no key to hide it or to change language; the wipe hides it and forgets it."""

from __future__ import annotations

import math
from typing import Any

import pytest
from PySide6.QtCore import SIGNAL, QObject, QPointF, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent, QQmlProperty
from PySide6.QtQuick import QQuickItem

from kiosk.services.storage.paths import UI_DIR
from tests.audit import audit_window
from tests.integration.conftest import find, settle, tap, walk
from tests.integration.report_helpers import keyboard_keys, named_key, post_tap, wait

FIELD = """
import QtQuick
import "components"
Rectangle { // over the screen, on the screen's background
    property alias keyboardLayout: field.keyboardLayout
    property alias enterText: field.enterText
    x: 100; y: 300; width: 900; height: field.implicitHeight; color: Theme.background
    KTextField {
        id: field
        objectName: "probeField"; width: parent.width; label: "Име на улица"
        input.objectName: "probeInput"
    }
}
"""


def add_field(kiosk: Any, **properties: Any) -> QQuickItem:
    component = QQmlComponent(kiosk.engine)
    component.setData(FIELD.encode(), QUrl.fromLocalFile(str(UI_DIR / "Probe.qml")))
    field = component.create()
    assert field is not None, component.errorString()
    for name, value in properties.items():
        field.setProperty(name, value)
    field.setParentItem(kiosk.window.contentItem())
    kiosk._keep = (component, field)
    settle()
    return field


def keyboard_for_field(kiosk: Any, lang: str = "bg", **properties: Any) -> QQuickItem:
    """A probe field with the keyboard up for it; the keyboard item."""
    session = kiosk.bridges.session
    session.begin()
    session.setLanguage(lang)
    kiosk.bridges.nav.go("home")  # as a touch on the attract screen does: the bar comes
    settle()
    add_field(kiosk, **properties)
    post_tap(kiosk, find(kiosk.window, "probeInput"))  # the field may ask for another layout
    return keys_up(kiosk)


def keys_up(kiosk: Any) -> QQuickItem:
    """The keyboard, once it is up with its keys (its layout loads after it is asked for) and
    the window has come to rest (the screen above the keys lays itself out again in the room
    they leave: a busy machine once audited it halfway, a tile 1 mm from the keys, not 2.6)."""
    wait(lambda: len(keyboard_keys(kiosk)) > 20)
    keyboard = find(kiosk.window, "keyboard")
    assert keyboard.property("active")
    seen: list[list[tuple[str, int, int, int]]] = []

    def at_rest() -> bool:
        settle(30, 1)
        seen.append([
            (i.objectName(), round(p.x()), round(p.y()), round(i.height()))
            for i in walk(kiosk.window.contentItem())
            if i.objectName() and i.isVisible()
            for p in (i.mapToScene(QPointF(0, 0)),)
        ])  # fmt: skip
        return len(seen) >= 3 and seen[-1] == seen[-2] == seen[-3]

    wait(at_rest)
    return keyboard


def labels(kiosk: Any) -> dict[str, QQuickItem]:
    """What is written on each visible key (its label item)."""
    found = {}
    for item in walk(find(kiosk.window, "keyboard")):
        if item.objectName() == "keyLabel" and item.isVisible():
            found[str(item.property("text"))] = item
    return found


def test_taps_on_the_keyboard_type_cyrillic(kiosk: Any) -> None:
    tap(kiosk.window, find(kiosk.window, "language_bg"))
    add_field(kiosk)
    text_input = find(kiosk.window, "probeInput")
    tap(kiosk.window, text_input, reveal=False)  # a touch, not the keypad's focus
    keyboard = keys_up(kiosk)
    keys = keyboard_keys(kiosk)
    assert {"ж", "щ", "ъ", "ю", "я"} <= set(keys), "the Bulgarian layout comes first"
    for letter in "здравей":
        tap(kiosk.window, keys[letter], reveal=False)  # keys never take the focus
    settle(50, 3)
    assert text_input.property("text") == "Здравей"  # capital first letter, as in a name
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
        tap(kiosk.window, text_input, reveal=False)
        keys_up(kiosk)
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
@pytest.mark.parametrize("high_contrast", [False, True])
def test_keys_are_large_and_follow_the_text_size_and_theme(
    kiosk: Any, step: int, high_contrast: bool
) -> None:
    """Every key 20 mm with a 2 mm gap, letters at the resident's text size, every label 7:1 and
    every key's edge 3:1 in both themes (the audit measures the keyboard like any screen), on
    the letters and on the digits page."""
    kiosk.bridges.session.setHighContrast(high_contrast)
    kiosk.bridges.session.setTextStep(step)
    keyboard_for_field(kiosk)
    px_per_mm = kiosk.bridges.display.pxPerMm
    size = labels(kiosk)["б"].property("font").pixelSize()
    scale = (1.0, 1.5, 2.0)[step]  # Theme.fontBody: an x-height of 4.2 mm, times the text size
    assert size == math.ceil(max(4.2 / 0.536, 4.8 / 0.714) * scale * px_per_mm)
    assert keyboard_keys(kiosk)["б"].height() / px_per_mm >= 21.9  # a 20 mm key and its gap
    problems = audit_window(kiosk.window, px_per_mm, step, "bg")
    assert not problems, "\n".join(problems)
    post_tap(kiosk, named_key(kiosk, "keyDigits"))
    assert {"1", "0", "@", "€"} <= set(keyboard_keys(kiosk))
    problems = audit_window(kiosk.window, px_per_mm, step, "bg")
    assert not problems, "\n".join(problems)


def test_named_keys_and_no_way_out_of_the_kiosk(kiosk: Any) -> None:
    """The keys "Цифри", "Латиница", "интервал", "Напред" in words; no hide, language,
    handwriting or settings key; no key repeats when held or hides letters behind a long press."""
    keyboard = keyboard_for_field(kiosk)
    assert {"Цифри", "Латиница", "интервал", "Напред"} <= set(labels(kiosk))
    for item in walk(keyboard):
        if item.property("keyType") is None or not item.isVisible():
            continue
        assert item.objectName() not in ("hideKeyboardKey", "changeLanguageKey")
        assert not item.property("repeat"), item.property("displayText")
        alternatives = item.property("alternativeKeys")
        assert not alternatives.toVariant(), item.property("displayText")
        assert "\u2699" not in str(item.property("smallText") or "")
    post_tap(kiosk, named_key(kiosk, "keyDigits"))
    assert "Букви" in labels(kiosk) and "Латиница" not in labels(kiosk)
    post_tap(kiosk, named_key(kiosk, "keyDigits"))
    assert "Цифри" in labels(kiosk)


def test_latin_comes_only_by_the_named_key_and_each_field_starts_in_its_script(
    kiosk: Any,
) -> None:
    keyboard_for_field(kiosk)
    text_input = find(kiosk.window, "probeInput")
    assert "q" not in keyboard_keys(kiosk)
    post_tap(kiosk, named_key(kiosk, "keyScript"))  # "Латиница"
    keys = keyboard_keys(kiosk)
    assert {"q", "w", "z"} <= set(keys) and "ж" not in keys
    assert "Кирилица" in labels(kiosk)
    for letter in "sofia":
        tap(kiosk.window, keyboard_keys(kiosk)[letter], reveal=False)
    tap(kiosk.window, keyboard_keys(kiosk)["."], reveal=False)
    for letter in "bg":
        tap(kiosk.window, keyboard_keys(kiosk)[letter], reveal=False)
    assert str(text_input.property("text")).lower() == "sofia.bg"
    post_tap(kiosk, named_key(kiosk, "keyScript"))  # "Кирилица"
    assert "ж" in keyboard_keys(kiosk)
    # the next field (the wipe, a new person) starts in Cyrillic again
    post_tap(kiosk, named_key(kiosk, "keyScript"))
    kiosk.bridges.session.wipe()
    settle()
    keyboard_for_field(kiosk)
    assert "ж" in keyboard_keys(kiosk)


def test_the_enter_key_says_what_it_does(kiosk: Any) -> None:
    keyboard_for_field(kiosk, enterText="Търси")
    assert "Търси" in labels(kiosk)
    accepted: list[bool] = []
    QObject.connect(
        find(kiosk.window, "probeInput"), SIGNAL("accepted()"), lambda: accepted.append(True)
    )
    tap(kiosk.window, named_key(kiosk, "keyEnter"), reveal=False)
    assert accepted == [True]


@pytest.mark.parametrize(
    ("layout", "first_row"),
    [("", "явертъуиопч"), ("bg_phonetic", "явертъуиопч"), ("jcuken", "йцукенгшщзх"),
     ("alphabetical", "абвгдежзий"), ("qwerty", "qwertyuiop")],
)  # fmt: skip
def test_a_field_can_ask_for_a_layout(kiosk: Any, layout: str, first_row: str) -> None:
    """A lesson's field shows the layout the lesson teaches (`layout:` of keyboard_entry)."""
    keyboard_for_field(kiosk, keyboardLayout=layout)
    keys = keyboard_keys(kiosk)
    row = sorted(
        (k for k in keys if len(k) == 1 and k.isalpha()),
        key=lambda k: (
            round(keys[k].mapToScene(QPointF(0, 0)).y()),
            keys[k].mapToScene(QPointF(0, 0)).x(),
        ),
    )
    assert "".join(row).startswith(first_row)


@pytest.mark.parametrize(("lang", "letters"), [("uk", "їєґі"), ("tr", "ğüşıöç"), ("en", "qwz")])
def test_each_language_has_its_letters(kiosk: Any, lang: str, letters: str) -> None:
    """Ukrainian, Turkish and English letters, each with its words on the keys, whole at the
    largest text (the language changes while the keyboard exists: a Python call, see
    KKeyboard.applyLocale)."""
    kiosk.bridges.session.setTextStep(2)
    keyboard_for_field(kiosk, lang=lang)
    wait(lambda: set(letters) <= set(keyboard_keys(kiosk)))  # the language's layout loads
    problems = audit_window(kiosk.window, kiosk.bridges.display.pxPerMm, 2, lang)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("step", [0, 1, 2])
def test_what_is_typed_stays_in_view_above_the_keys(kiosk: Any, step: int) -> None:
    """The keys take the lower part of the window; the field's label and the text typed so
    far show right above them at every text size, nothing of the screen is left half-drawn,
    and the practice notice and the bar stay whole."""
    kiosk.bridges.session.setTextStep(step)
    keyboard = keyboard_for_field(kiosk)
    text_input = find(kiosk.window, "probeInput")
    for letter in "кш":
        tap(kiosk.window, keyboard_keys(kiosk)[letter], reveal=False)
    settle(50, 3)
    typed = str(text_input.property("text"))
    assert typed.lower() == "кш"
    strip = find(kiosk.window, "typingStrip")
    texts = [str(i.property("text")) for i in walk(strip) if i.inherits("QQuickText")]
    assert typed + "|" in texts and ("Име на улица" in texts or step == 2)
    keys_top = keyboard.mapToScene(QPointF(0, 0)).y()
    strip_top = strip.mapToScene(QPointF(0, 0)).y()
    banner = find(kiosk.window, "bar")
    banner_bottom = banner.mapToScene(QPointF(0, banner.height())).y()
    assert strip_top + strip.height() <= keys_top + 1 and strip_top >= banner_bottom - 1
    caption = next(i for i in walk(kiosk.window.contentItem()) if i.objectName() == "caption")
    assert not caption.isVisible()  # the strip takes its place
    room = strip_top - banner_bottom
    assert room == 0 or room >= 2 * kiosk.bridges.display.pxPerMm * 20 - 1
    QGuiApplication.inputMethod().hide()


@pytest.mark.parametrize(("step", "latin"), [(3, False), (6, True), (7, False)])
def test_the_keyboard_lesson_shows_the_layout_it_asks_for(
    kiosk: Any, step: int, latin: bool
) -> None:
    """L03: the name starts in Cyrillic, the e-mail address in Latin (`layout: qwerty`), the web
    address in Cyrillic so the learner touches "Латиница"; Enter says "Проверете" and checks."""
    session, lessons = kiosk.bridges.session, kiosk.bridges.lessons
    session.begin()
    session.setLanguage("bg")
    lessons.show_step("l03-keyboard", step)
    kiosk.bridges.nav.go("lesson-step")
    settle(50, 10)  # the screen gives its first control the focus after it opens
    field = find(kiosk.window, "typeField")
    next(i for i in walk(field) if i.inherits("QQuickTextInput")).forceActiveFocus()
    QGuiApplication.inputMethod().show()  # as a touch on the field does (it may be scrolled)
    settle(50, 5)
    keys = keyboard_keys(kiosk)
    assert ("q" in keys) == latin and ("я" in keys) != latin
    assert "Проверете" in labels(kiosk)
    if not latin:
        post_tap(kiosk, named_key(kiosk, "keyScript"))
        assert "q" in keyboard_keys(kiosk)
    expected = lessons._player.step.widget.params["expected"]
    for letter in expected.lower() if latin else "":
        if letter in "@":
            post_tap(kiosk, named_key(kiosk, "keyDigits"))
            tap(kiosk.window, keyboard_keys(kiosk)[letter], reveal=False)
            post_tap(kiosk, named_key(kiosk, "keyDigits"))
        else:
            tap(kiosk.window, keyboard_keys(kiosk)[letter], reveal=False)
    if latin:
        tap(kiosk.window, named_key(kiosk, "keyEnter"), reveal=False)
        settle(50, 3)
        assert lessons._player.done, lessons.feedback


@pytest.mark.parametrize("size", [(1080, 1920), (1366, 768)])
@pytest.mark.parametrize(
    ("lang", "layout"), [("uk", ""), ("tr", ""), ("bg", "alphabetical"), ("bg", "")]
)
def test_twelve_keys_a_row_stay_20_mm_on_a_portrait_and_a_small_panel(
    kiosk: Any, size: tuple[int, int], lang: str, layout: str
) -> None:
    """The widest rows (12 keys: Ukrainian, Turkish, А Б В; 11 in Bulgarian) on a 268 mm
    portrait panel and a 339 mm 1366 × 768 one, at the largest text: every key still 20 mm,
    every word whole, every key whole inside the window, and none blank (a space bar too
    narrow for its word shows the space sign)."""
    kiosk.window.resize(*size)  # the same 4 px/mm: a smaller panel of the same make
    kiosk.bridges.session.setTextStep(2)
    settle()
    keyboard_for_field(kiosk, lang=lang, keyboardLayout=layout)
    keyboard = find(kiosk.window, "keyboard")
    assert keyboard.width() <= size[0]
    faces = [i for i in walk(keyboard) if i.objectName() == "keyFace" and i.isVisible()]
    edges = [i.mapToScene(QPointF(i.width(), 0)).x() for i in faces]
    assert faces and max(edges) <= size[0], f"a key runs to x = {max(edges):.1f}"
    shows = {"keyLabel", "keyGlyph"}
    blank = [
        i for i in faces if not any(c.objectName() in shows and c.isVisible() for c in walk(i))
    ]
    assert not blank, f"{len(blank)} keys show nothing"
    problems = [
        p
        for p in audit_window(kiosk.window, kiosk.bridges.display.pxPerMm, 2, lang)
        if "keyFace" in p or "keyLabel" in p
    ]
    assert not problems, "\n".join(problems)


def test_the_audit_catches_a_small_key_and_a_faint_edge(kiosk: Any) -> None:
    """The audit's keyboard rules can fail: a key drawn under 20 mm, and a key whose edge and
    fill are both too close to the tray."""
    keyboard_for_field(kiosk)
    px_per_mm = kiosk.bridges.display.pxPerMm
    faces = walk(find(kiosk.window, "keyboard"))
    face = next(i for i in faces if i.objectName() == "keyFace" and i.isVisible())
    QQmlProperty(face, "anchors.fill").write(None)
    face.setWidth(15 * px_per_mm)
    face.setProperty("edge", "#d0cabc")
    face.setProperty("color", "#dcd6c8")
    problems = audit_window(kiosk.window, px_per_mm, 0, "bg")
    assert any(p.startswith("target: Box[keyFace]: key 15.0") for p in problems), problems
    assert any(p.startswith("contrast: Box[keyFace]: key edge") for p in problems), problems
