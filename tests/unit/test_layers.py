"""Layers import one way: core ← services ← bridge ← ui (STYLE.md, convention 1)."""

from __future__ import annotations

import ast
from pathlib import Path

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def imports(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(KIOSK.parent))] = names
    return found


def offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path} imports {name}"
        for path, names in imports(KIOSK / folder).items()
        for name in names
        if name.startswith(forbidden)
    ]


def test_core_is_pure_python() -> None:
    assert offenders("core", ("PySide6", "kiosk.services", "kiosk.bridge", "httpx")) == []


def test_services_do_not_import_bridges() -> None:
    assert offenders("services", ("kiosk.bridge", "kiosk.app")) == []


def test_services_do_not_import_the_practice_portal() -> None:
    """The practice portal is a server that uses the kiosk's core; the composition root hands it
    to the portal clients, so services work the same against it and the city's portals."""
    assert offenders("services", ("kiosk.practice_portal", "kiosk.compose")) == []


def test_bridges_build_no_services() -> None:
    """One composition root: the bridges get typed services in their constructors; none of
    them builds a service or reaches for the root (no service locator)."""
    forbidden = ("kiosk.compose", "kiosk.bridges", "kiosk.app", "kiosk.practice_portal",
                 "kiosk.services.portals.build", "kiosk.services.portals.http")  # fmt: skip
    assert offenders("bridge", forbidden) == []


def test_services_are_grouped_by_feature() -> None:
    """services/ holds feature packages (portals, storage, speech, …), not flat modules."""
    flat = [p.name for p in (KIOSK / "services").glob("*.py") if p.name != "__init__.py"]
    assert flat == []


def test_config_is_below_everything() -> None:
    assert offenders("config", ("PySide6", "kiosk.services", "kiosk.bridge")) == []
