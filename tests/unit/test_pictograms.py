"""The pictograms: every documented name has a drawing and every drawing a documented name, the
drawings are bold (strokes at least 1/12 of the box) and hold no text, and the provider's
addresses parse. Rendering in QML, in both themes, is tests/integration/test_pictograms.py."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.bridge.pictograms import ICONS_DIR, names, parse

DOC = Path(__file__).resolve().parents[2] / "docs" / "pictograms.md"
SVG = "{http://www.w3.org/2000/svg}"

# Each button kind's fill and ink in ui/components/KButton.qml, as Theme.qml names them.
BUTTON_KINDS = {
    "normal": ("surface", "surfaceText"),
    "selected": ("surfacePressed", "surfaceText"),
    "primary": ("primary", "primaryText"),
    "primary pressed": ("primaryPressed", "primaryText"),
    "danger": ("danger", "dangerText"),
    "bar": ("bar", "barText"),
}


def documented() -> list[str]:
    """The names in docs/pictograms.md's table (first column, in backticks)."""
    return re.findall(r"^\| `([a-z0-9-]+)` \|", DOC.read_text(encoding="utf-8"), re.MULTILINE)


def test_every_documented_name_has_a_drawing_and_back() -> None:
    doc = documented()
    assert len(doc) == len(set(doc)), "a name is documented twice"
    assert sorted(doc) == names()


@pytest.mark.parametrize("name", names())
def test_drawing_is_bold_and_wordless(name: str) -> None:
    root = ET.parse(ICONS_DIR / f"{name}.svg").getroot()
    assert root.get("viewBox") == "0 0 48 48"
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"text", "tspan", "image", "font", "use"}, "text or pictures inside"
    for element in root.iter():
        width = element.get("stroke-width")
        stroked = element.get("stroke") not in (None, "none") or width is not None
        if stroked and width is not None and element.get("fill") in (None, "none"):
            assert float(width) >= 4, f"a {width} stroke is thinner than 1/12 of the box"
        colours = {element.get("fill"), element.get("stroke")} - {None, "none"}
        assert colours <= {"#000"}, "drawn in more than one ink"


def test_addresses_parse() -> None:
    name, ink = parse("help/ffffff")  # type: ignore[misc]
    assert (name, ink.name()) == ("help", "#ffffff")
    name, ink = parse("text-size/80161616")  # type: ignore[misc]
    assert (name, ink.name(), ink.alpha()) == ("text-size", "#161616", 0x80)
    for bad in ("help", "help/fff", "Help/ffffff", "../x/ffffff", "help/ffffff/x"):
        assert parse(bad) is None, bad
