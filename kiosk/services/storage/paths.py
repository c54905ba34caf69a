"""Where the kiosk keeps its data and logs: the config's folders, else the platform's own."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from kiosk import APP_ID
from kiosk.config import Settings
from kiosk.config.schema import DATA_DIR, LOG_DIR

PACKAGE_ROOT = Path(__file__).resolve().parents[3]
UI_DIR = PACKAGE_ROOT / "ui"
KEYBOARD_DIR = UI_DIR / "keyboard"  # the on-screen keyboard's style and layouts
ASSETS_DIR = PACKAGE_ROOT / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"


def data_dir(settings: Settings) -> Path:
    return Path(settings[DATA_DIR]) if settings[DATA_DIR] else platformdirs.user_data_path(APP_ID)


def log_dir(settings: Settings) -> Path:
    return Path(settings[LOG_DIR]) if settings[LOG_DIR] else platformdirs.user_log_path(APP_ID)
