"""The settings schema and loader: defaults, validation, and messages that name key and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_settings
from kiosk.config.schema import IDLE_SECONDS, OPTIONS, PANEL_WIDTH_MM, TRAINER_PIN_HASH


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file() -> None:
    settings = load_settings(None)
    assert settings[IDLE_SECONDS] == 120
    assert settings.changed() == {}


def test_every_option_is_declared_well() -> None:
    keys = [o.key for o in OPTIONS]
    assert len(keys) == len(set(keys))
    for option in OPTIONS:
        assert option.key.count(".") == 1, option.key
        assert option.description.strip(), option.key
        assert isinstance(option.default, option.type), option.key
        if option.choices is not None:
            assert option.default in option.choices, option.key


def test_values_from_the_file(tmp_path: Path) -> None:
    settings = load_settings(
        write(tmp_path, "[session]\nidle_seconds = 90\n[display]\npanel_width_mm = 476\n")
    )
    assert settings[IDLE_SECONDS] == 90
    assert settings[PANEL_WIDTH_MM] == 476.0  # an integer is accepted for a float


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[session]\nidle_seconds = 5\n",
            "'session.idle_seconds' is 5; allowed: a whole number from 30 to 3600",
        ),
        ('[session]\nidle_seconds = "two"\n', "'session.idle_seconds' is 'two'"),
        ('[session]\ndefault_language = "de"\n', "allowed: one of 'bg', 'en', 'uk', 'tr'"),
        ("idle_seconds = 90\n", "'idle_seconds' must be a section"),
        ("[session\n", "this is not valid TOML"),
        (
            '[kiosk]\ntrainer_pin_hash = "1234"\n',
            "'kiosk.trainer_pin_hash' is not valid; it "
            "must be a hash made by `python -m kiosk pin`",
        ),
        ("[session]\nwarning_seconds = true\n", "'session.warning_seconds' is True"),
        (
            '[kiosk]\ntrainer_pin_hash = "scrypt$16384$8$1$c2FsdHNhbHQ=$!!!"\n',
            "this one cannot be used: a part of it is damaged",
        ),
        ("[portal]\ntotal_timeout_s = nan\n", "'portal.total_timeout_s' is nan; it must be a real"),
        ("[site]\nlat = inf\n", "'site.lat' is inf; it must be a real number"),
        ("[site]\nlon = -inf\n", "not nan or inf"),
    ],
)
def test_a_bad_file_names_the_key_the_value_and_what_is_allowed(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(write(tmp_path, text))
    assert message in str(error.value)
    assert str(tmp_path / "kiosk.toml") in str(error.value)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")


def test_pin_hash_is_secret() -> None:
    assert TRAINER_PIN_HASH.secret
