"""Both themes meet the contrast rules: text 7:1, borders, focus and states 3:1 (WCAG 1.4.6,
1.4.11). Colours are read from ui/components/Theme.qml, the only place that defines them."""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import pytest

from kiosk.core.contrast import hex_rgb, ratio

THEME = Path(__file__).resolve().parents[2] / "ui" / "components" / "Theme.qml"
PAIR = re.compile(
    r"property color (\w+): "
    r'(?:highContrast \? "(#[0-9a-f]{6,8})" : "(#[0-9a-f]{6,8})"|"(#[0-9a-f]{6})")'
)


def colours(high_contrast: bool) -> dict[str, str]:
    found = {}
    for name, high, normal, both in PAIR.findall(THEME.read_text(encoding="utf-8")):
        found[name] = both or (high if high_contrast else normal)
    return found


TEXT_PAIRS = [
    ("text", "background"),
    ("surfaceText", "surface"),
    ("primaryText", "primary"),
    ("dangerText", "danger"),
    ("barText", "bar"),
    ("noticeText", "notice"),
    ("surfaceText", "surfacePressed"),
    ("primaryText", "primaryPressed"),
    # practice widgets (ui/lessons)
    ("flagText", "flagFill"),
    ("okText", "okFill"),
    ("chatMineText", "chatMine"),
    ("surfaceText", "chatBackground"),
    ("chatMeta", "chatBackground"),
    ("callText", "callBackground"),
    ("callText", "callButton"),
    ("callText", "callAccept"),
    ("surfaceText", "keyFunction"),  # the keyboard's letter keys are surface, Enter primary
]
EDGE_PAIRS = [
    ("surfaceBorder", "background"),
    ("focus", "background"),
    ("focus", "surface"),
    ("selected", "background"),
    ("dangerBorder", "background"),
    ("noticeBorder", "background"),
    ("barBorder", "bar"),
    ("flagBorder", "surface"),
    ("okBorder", "surface"),
    ("phoneFrame", "background"),
    ("lessonRed", "background"),
    ("lessonGreen", "background"),
    ("lessonBlue", "background"),
    ("lessonOrange", "background"),
    ("lessonPurple", "background"),
    ("lessonInk", "lessonRed"),
    ("lessonInk", "lessonBlue"),
    ("lessonInk", "lessonGreen"),
    ("callText", "callEnd"),
    ("surfaceBorder", "keyboardTray"),  # a key's edge against the keyboard's tray
    ("surfaceBorder", "keyFunction"),
]


@pytest.mark.parametrize("high_contrast", [False, True])
def test_text_is_at_least_7_to_1(high_contrast: bool) -> None:
    c = colours(high_contrast)
    for fg, bg in TEXT_PAIRS:
        value = ratio(hex_rgb(c[fg]), hex_rgb(c[bg]))
        assert value >= 7, f"{fg} on {bg}: {value:.1f}:1"


@pytest.mark.parametrize("high_contrast", [False, True])
def test_borders_focus_and_states_are_at_least_3_to_1(high_contrast: bool) -> None:
    c = colours(high_contrast)
    for fg, bg in EDGE_PAIRS:
        value = ratio(hex_rgb(c[fg]), hex_rgb(c[bg]))
        assert value >= 3, f"{fg} on {bg}: {value:.1f}:1"


def test_the_parser_sees_the_theme() -> None:
    assert {"text", "background", "focus", "primary"} <= set(colours(False))


def _hue(colour: str) -> float:
    r, g, b = hex_rgb(colour)
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def focus_selection_problems(c: dict[str, str]) -> list[str]:
    """Selected ≠ focused (ACCESSIBILITY, "Visible state"): the focus ring and the selected edge
    are each ≥ 3:1 against what they are drawn on and of clearly different hues (≥ 60° apart on
    the colour wheel), so neither is taken for the other; the word on the check mark is 7:1."""
    problems = []
    for fg, bg in (
        ("focus", "background"),
        ("focus", "surface"),
        ("focus", "selectedFill"),
        ("selected", "background"),
        ("selected", "surface"),
        ("selected", "selectedFill"),
    ):
        value = ratio(hex_rgb(c[fg]), hex_rgb(c[bg]))
        if value < 3:
            problems.append(f"{fg} on {bg}: {value:.1f}:1")
    apart = abs(_hue(c["focus"]) - _hue(c["selected"])) % 360
    if min(apart, 360 - apart) < 60:
        problems.append(f"focus and selected hues only {min(apart, 360 - apart):.0f}° apart")
    for fg, bg in (("selectedMarkText", "selected"), ("selectedText", "selectedFill")):
        value = ratio(hex_rgb(c[fg]), hex_rgb(c[bg]))
        if value < 7:
            problems.append(f"{fg} on {bg}: {value:.1f}:1")
    return problems


@pytest.mark.parametrize("high_contrast", [False, True])
def test_focus_and_selection_differ_and_both_stand_out(high_contrast: bool) -> None:
    assert focus_selection_problems(colours(high_contrast)) == []


def test_the_check_fails_when_focus_looks_like_selection() -> None:
    """The high-contrast theme as it was: focus and selection the same cyan."""
    broken = colours(True) | {"focus": "#00e5ff", "selected": "#00e5ff"}
    assert any("hues" in p for p in focus_selection_problems(broken))
    faint = colours(False) | {"focus": "#e0e0e0"}
    assert any(p.startswith("focus on background") for p in focus_selection_problems(faint))
