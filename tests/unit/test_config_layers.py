"""Config in layers: the system file, its conf.d drop-ins by name, then the trainer's own file;
unknown, renamed and retired keys warn instead of stopping the kiosk; doctor names each value's
file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import loader, upgrades
from kiosk.config import schema as opt
from kiosk.config.loader import load_config, load_settings
from kiosk.doctor import config_findings, effective_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def etc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A system config folder and a user config folder of the test's own."""
    folder = tmp_path / "etc" / "silver-kiosk"
    monkeypatch.setattr(loader, "SYSTEM_CONFIG", folder / "kiosk.toml")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home-config"))
    return folder


def test_drop_ins_are_read_in_order_after_the_main_file_and_the_trainer_file_last(
    etc: Path, tmp_path: Path
) -> None:
    main = write(etc / "kiosk.toml", '[site]\nname = "Main"\n[session]\nidle_seconds = 90\n')
    site = write(etc / "conf.d" / "20-site.toml", '[site]\nname = "Библиотека Славейков"\n')
    late = write(etc / "conf.d" / "50-portals.toml", '[portal]\nmode = "handoff"\n')
    write(etc / "conf.d" / "README", "not a drop-in\n")
    write(etc / "conf.d" / "10-early.toml", '[site]\nname = "Early"\nid = "sofia-slaveykov"\n')
    user = write(
        tmp_path / "home-config" / "silver-kiosk" / "kiosk.toml", "[session]\nidle_seconds = 200\n"
    )
    settings = load_config()
    assert settings.files == (main, etc / "conf.d" / "10-early.toml", site, late, user)
    assert settings[opt.VENUE_NAME] == "Библиотека Славейков"
    assert settings.origin(opt.VENUE_NAME) == site
    assert settings.origin(opt.SITE_ID) == etc / "conf.d" / "10-early.toml"
    assert settings[opt.PORTAL_MODE] == "handoff" and settings.origin(opt.PORTAL_MODE) == late
    assert settings[opt.IDLE_SECONDS] == 200 and settings.origin(opt.IDLE_SECONDS) == user
    assert settings.origin(opt.WARNING_SECONDS) is None
    assert settings.trainer_file == user
    lines = effective_config(settings)
    assert f'name = "Библиотека Славейков"  # {site}' in lines
    assert "warning_seconds = 30  # default" in lines


def test_without_files_the_trainer_file_is_still_the_users(etc: Path, tmp_path: Path) -> None:
    settings = load_config()
    assert settings.files == ()
    assert settings.trainer_file == tmp_path / "home-config" / "silver-kiosk" / "kiosk.toml"


def test_an_explicit_file_brings_its_own_drop_ins(tmp_path: Path) -> None:
    main = write(tmp_path / "kiosk.toml", "[session]\nidle_seconds = 90\n")
    write(tmp_path / "conf.d" / "site.toml", "[session]\nidle_seconds = 100\n")
    settings = load_config(main)
    assert settings[opt.IDLE_SECONDS] == 100 and settings.trainer_file == main


def test_a_bad_value_in_a_drop_in_names_the_drop_in(etc: Path) -> None:
    write(etc / "kiosk.toml", "")
    bad = write(etc / "conf.d" / "site.toml", "[session]\nidle_seconds = 5\n")
    with pytest.raises(loader.ConfigError, match=str(bad)):
        load_config()


def test_an_unknown_key_warns_with_a_suggestion_and_the_kiosk_starts(tmp_path: Path) -> None:
    path = write(tmp_path / "kiosk.toml", "[session]\nidle_second = 90\n[fleet]\nrack = 4\n")
    settings = load_settings(path)
    assert settings[opt.IDLE_SECONDS] == 120
    assert settings.warnings == (
        f"{path}: unknown setting 'session.idle_second', ignored. "
        "Did you mean 'session.idle_seconds'?",
        f"{path}: unknown setting 'fleet.rack', ignored.",
    )
    levels = [level for level, _text in config_findings(settings)]
    assert levels == ["ok", "warn", "warn"]


def test_a_renamed_key_keeps_its_value_under_the_new_name(tmp_path: Path) -> None:
    path = write(
        tmp_path / "kiosk.toml",
        '[kiosk]\nvenue_name = "Читалище"\nlat = 42.7\n[trainer]\nstats_suppress_below = 7\n',
    )
    settings = load_settings(path)
    assert settings[opt.VENUE_NAME] == "Читалище" and settings[opt.KIOSK_LAT] == 42.7
    assert settings[opt.STATS_SUPPRESS_BELOW] == 7
    assert settings.origin(opt.VENUE_NAME) == path
    assert any("'kiosk.venue_name' is now called 'site.name'" in w for w in settings.warnings)
    # both names in one file: the new one wins; a bad old value is still a clear error
    both = write(tmp_path / "both.toml", '[kiosk]\nvenue_name = "Old"\n[site]\nname = "New"\n')
    assert load_settings(both)[opt.VENUE_NAME] == "New"
    bad = write(tmp_path / "bad.toml", "[kiosk]\nlat = 420\n")
    with pytest.raises(loader.ConfigError, match=r"'kiosk.lat' \(now 'site.lat'\)"):
        load_settings(bad)


def test_a_retired_key_is_ignored_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(upgrades.RETIRED, "display.dither", "the screen draws it itself")
    path = write(tmp_path / "kiosk.toml", "[display]\ndither = true\n")
    (warning,) = load_settings(path).warnings
    assert "'display.dither' is no longer used (the screen draws it itself)" in warning


def test_every_renamed_key_points_at_an_option_and_no_old_name_is_an_option() -> None:
    for old, new in upgrades.RENAMED.items():
        assert new in opt.BY_KEY, new
        assert old not in opt.BY_KEY, old
    assert not set(upgrades.RETIRED) & set(opt.BY_KEY)


def test_opening_hours_are_checked(tmp_path: Path) -> None:
    good = write(tmp_path / "a.toml", '[site]\nopening_hours = "Mo-Fr 09:00-19:00; Sa off"\n')
    assert load_settings(good)[opt.OPENING_HOURS].startswith("Mo-Fr")
    bad = write(tmp_path / "b.toml", '[site]\nopening_hours = "weekdays 9 to 7"\n')
    with pytest.raises(loader.ConfigError, match="opening hours like"):
        load_settings(bad)
