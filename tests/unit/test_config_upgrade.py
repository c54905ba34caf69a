"""An upgrade never stops a kiosk over its config: the previous release's sample config, with
every setting uncommented as an administrator who set them all would have it, loads with this
release's loader (renamed keys keep their values; nothing refuses to start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import schema as opt
from kiosk.config import upgrades
from kiosk.config.loader import load_settings

ROOT = Path(__file__).resolve().parents[2]


def previous_release() -> tuple[str, str]:
    """(version, commit) from packaging/previous-release."""
    lines = (ROOT / "packaging" / "previous-release").read_text(encoding="utf-8").splitlines()
    version, commit = next(line for line in lines if line and not line.startswith("#")).split()
    return version, commit


def uncomment_settings(text: str) -> str:
    """Every commented `name = value` line of a sample config, uncommented."""
    out = []
    for line in text.splitlines():
        body = line[2:]
        name = body.split(" = ")[0]
        setting = line.startswith("# ") and " = " in body and name.isidentifier()
        out.append(body if setting else line)
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def old_sample(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The previous release's /etc/silver-kiosk/kiosk.toml, made by its own sample_config.py
    from its own settings schema (git history gives both)."""
    _version, commit = previous_release()
    tree = tmp_path_factory.mktemp("previous-release")
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "kiosk", "packaging"],
            check=True,
            capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("the previous release's commit is not in this checkout's history")
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    made = subprocess.run(
        [sys.executable, str(tree / "packaging" / "sample_config.py")],
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
    )
    return made.stdout


def test_the_previous_release_sample_config_loads_as_shipped(
    old_sample: str, tmp_path: Path
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(old_sample, encoding="utf-8")
    assert load_settings(path).warnings == ()


def test_every_setting_of_the_previous_release_still_loads_and_renamed_ones_keep_values(
    old_sample: str, tmp_path: Path
) -> None:
    text = uncomment_settings(old_sample)
    # an administrator's own values for the keys this release renamed
    text = text.replace('venue_name = ""', 'venue_name = "Читалище „Надежда“"')
    text = text.replace("stats_suppress_below = 5", "stats_suppress_below = 6")
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    settings = load_settings(path)  # never a ConfigError
    assert settings[opt.VENUE_NAME] == "Читалище „Надежда“"
    assert settings[opt.STATS_SUPPRESS_BELOW] == 6
    old_keys = {f"{section}.{line.split(' = ')[0]}" for section, line in _settings_lines(text)}
    unknown = [w for w in settings.warnings if "unknown setting" in w]
    assert unknown == [], "a key of the previous release is neither an option nor in upgrades.py"
    renamed = old_keys & set(upgrades.RENAMED)
    assert len([w for w in settings.warnings if "is now called" in w]) == len(renamed)


def _settings_lines(text: str) -> list[tuple[str, str]]:
    section = ""
    found = []
    for line in text.splitlines():
        if line.startswith("["):
            section = line.strip("[] ")
        elif " = " in line and not line.startswith("#"):
            found.append((section, line))
    return found
