"""The one settings schema and its loader."""

from kiosk.config.loader import ConfigError, Settings, load_settings

__all__ = ["ConfigError", "Settings", "load_settings"]
