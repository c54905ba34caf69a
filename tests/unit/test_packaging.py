"""The installer's generated config file and the build's stderr allow-list."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kiosk.config.loader import load_settings
from kiosk.config.schema import OPTIONS

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def _load(name: str) -> ModuleType:
    # packaging/ is not a package (it would shadow the `packaging` library), so load by path.
    spec = importlib.util.spec_from_file_location(
        f"_kiosk_packaging_{name}", PACKAGING / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


sample = _load("sample_config")
check_stderr = _load("check_stderr")


def test_sample_config_as_shipped_gives_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(sample.sample_config(), encoding="utf-8")
    settings = load_settings(path)
    assert settings.changed() == {}


def test_every_option_is_listed_with_its_description_and_uncomments_to_its_default(
    tmp_path: Path,
) -> None:
    text = sample.sample_config()
    # Uncomment every setting line: the file must still load, with every value the default.
    lines = []
    for line in text.splitlines():
        body = line[2:]
        is_setting = line.startswith("# ") and " = " in body and not body.startswith(" ")
        lines.append(body if is_setting and body.split(" = ")[0].isidentifier() else line)
    path = tmp_path / "kiosk.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    settings = load_settings(path)
    for option in OPTIONS:
        name = option.key.split(".", 1)[1]
        assert f"\n{name} = " in "\n".join(lines), option.key
        assert option.description.split()[0] in text
        assert settings[option] == option.default, option.key


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        (True, "true"),
        (3, "3"),
        (0.5, "0.5"),
        ('say "hi"\\', '"say \\"hi\\"\\\\"'),
        ("София", '"София"'),
    ],
)
def test_toml_literals(value: object, literal: str) -> None:
    assert sample.toml_value(value) == literal


def test_stderr_allow_list_passes_known_lines_and_fails_others() -> None:
    patterns = check_stderr.allowed_patterns(PACKAGING / "stderr-allow.txt")
    known = (
        "PulseAudioService: pa_context_connect() failed\n"
        "qt.multimedia.symbolsresolver: Couldn't load pipewire-0.3 library\n"
        "qt.qml.propertyCache.append: Member contentWidth of the object PopupList_QMLTYPE_21 "
        "overrides a member of the base object. Consider renaming it\n"
    )
    assert check_stderr.unexpected(known, patterns) == []
    bad = "file:///x/ui/Main.qml:3: ReferenceError: foo is not defined"
    traceback = "Traceback (most recent call last):"
    assert check_stderr.unexpected(known + bad + "\n" + traceback, patterns) == [bad, traceback]
