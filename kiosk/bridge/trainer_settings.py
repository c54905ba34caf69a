"""`TrainerSettings` in QML: the settings a trainer may change, generated from the one schema,
validated like the config file, saved to the kiosk's TOML file and applied at the next start.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.bridge.qt import Property
from kiosk.config import Settings
from kiosk.config import schema as opt
from kiosk.config.loader import ConfigError, _validate
from kiosk.config.schema import BY_KEY, OPTIONS, Option
from kiosk.i18n import N_, NATIVE_NAMES, _
from kiosk.services.trainer.settings_file import save_changes, toml_value, user_config_path

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

log = logging.getLogger(__name__)


def trainer_options() -> list[Option[Any]]:
    return [o for o in OPTIONS if o.trainer]


def parse(option: Option[Any], text: str) -> Any:
    """The typed value of what the trainer typed or chose; raises ConfigError with the reason."""
    value: Any = text.strip()
    try:
        if option.type is bool:
            value = {"true": True, "false": False}[value]
        elif option.type is int:
            value = int(value)
        elif option.type is float:
            value = float(value.replace(",", "."))
    except (KeyError, ValueError):
        raise ConfigError(value) from None
    return _validate(option, value, "")


# Words for the values some options take, so a trainer reads "бавен", not "slow".
VALUE_LABELS = {
    "slow": N_("slow"),
    "normal": N_("normal"),
    "fast": N_("fast"),
    "auto": N_("automatic"),
    "manual": N_("by the button only"),
    "off": N_("off"),
    "practice": N_("practice portal"),
    "open311": N_("the city's Open311 portal"),
    "handoff": N_("hand-off to Call Sofia"),
    "espeak-ng": "espeak-ng",
    "pyttsx3": "pyttsx3",
}


def value_label(value: str) -> str:
    """The translated word for a choice value; language codes by the language's own name."""
    if value in NATIVE_NAMES:
        return NATIVE_NAMES[value]
    label = VALUE_LABELS.get(value)
    return _(label) if label else value


def allowed_text(option: Option[Any]) -> str:
    """What values are allowed, in the trainer's language."""
    if option.choices is not None:
        return ", ".join(value_label(str(c)) for c in option.choices)
    if option.type is bool:
        return _("yes or no")
    low, high = option.minimum, option.maximum
    if option.type in (int, float) and low is not None and high is not None:
        return _("a number from {low} to {high}").format(low=f"{low:g}", high=f"{high:g}")
    if option.type in (int, float) and low is not None:
        return _("a number of at least {low}").format(low=f"{low:g}")
    return _("text")


class TrainerSettingsBridge(QObject):
    changed = Signal()

    def __init__(self, settings: Settings, speak: Callable[[str], None]) -> None:
        super().__init__()
        self._settings = settings
        self._speak_fn = speak
        self._pending: dict[str, Any] = {}
        self._key = trainer_options()[0].key
        self._message = ""

    def target(self) -> Path:
        """The trainer's layer of the config (the user's file, or the --config file) when it may
        be written, else the user's file."""
        own = self._settings.trainer_file
        if own is not None and (os.access(own, os.W_OK) or not own.exists()):
            return own
        return user_config_path()

    def value(self, option: Option[Any]) -> Any:
        return self._pending.get(option.key, self._settings[option])

    @Property("QVariantList", notify=changed)
    def options(self) -> list[dict[str, Any]]:
        """One row per trainer option: key, the explanation (translated) and the value now."""
        return [
            {"key": o.key, "text": _(o.description), "value": self._shown(o, self.value(o))}
            for o in trainer_options()
        ]

    def _shown(self, option: Option[Any], value: Any) -> str:
        if option.type is bool:
            return _("Yes") if value else _("No")
        return value_label(str(value)) if value != "" else _("(empty)")

    # --- the one option being edited ---------------------------------------------------------
    @Slot(str)
    def edit(self, key: str) -> None:
        if key in BY_KEY and BY_KEY[key].trainer:
            self._key = key
            self._message = ""
            self.changed.emit()

    @Property(str, notify=changed)
    def key(self) -> str:
        return self._key

    @Property(str, notify=changed)
    def explanation(self) -> str:
        return _(BY_KEY[self._key].description)

    @Property(str, notify=changed)
    def current(self) -> str:
        option = BY_KEY[self._key]
        value = self.value(option)
        return "" if value is None else str(value).lower() if option.type is bool else str(value)

    @Property("QStringList", notify=changed)
    def choices(self) -> list[str]:
        """Values to choose from (empty: the trainer types one)."""
        option = BY_KEY[self._key]
        if option.type is bool:
            return ["true", "false"]
        return [str(c) for c in option.choices] if option.choices else []

    @Property(str, notify=changed)
    def allowed(self) -> str:
        return allowed_text(BY_KEY[self._key])

    @Slot(str, result=str)
    def label(self, value: str) -> str:
        """How a choice is shown: yes/no for true/false, translated words for the others."""
        if value in ("true", "false"):
            return _("Yes") if value == "true" else _("No")
        return value_label(value)

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property(bool, notify=changed)
    def hasChanges(self) -> bool:
        return bool(self._pending)

    @Slot(str, result=bool)
    def set(self, text: str) -> bool:
        """Keep a new value for the option being edited; False (and a message) when not allowed."""
        option = BY_KEY[self._key]
        try:
            value = parse(option, text)
        except ConfigError:
            self._say(
                _("This value is not allowed. Allowed: %s. Please change it.")
                % allowed_text(option)
            )
            return False
        self._pending[option.key] = value
        self._say(_("Changed. Touch 'Save settings' to keep it."))
        return True

    @Slot()
    def save(self) -> None:
        if not self._pending:
            return
        try:
            save_changes(self.target(), self._pending)
        except (ConfigError, OSError):
            log.exception("settings not saved")
            self._say(_("The settings could not be saved. Please tell the kiosk's installer."))
            return
        log.info(
            "settings saved: %s",
            ", ".join(
                f"{k}={'***' if BY_KEY[k].secret else toml_value(v)}"
                for k, v in self._pending.items()
            ),
        )
        self._pending.clear()
        self._say(_("Saved. The changes take effect when the kiosk starts again."))

    @Slot()
    def reset(self) -> None:
        """Leaving trainer mode: unsaved changes are dropped."""
        self._pending.clear()
        self._message = ""
        self.changed.emit()

    # --- practice or real portal ---------------------------------------------------------
    @Property(bool, notify=changed)
    def practice(self) -> bool:
        mode = self._pending.get(opt.PORTAL_MODE.key, self._settings[opt.PORTAL_MODE])
        return bool(mode == "practice")

    @Slot()
    def switchPortal(self) -> None:
        """Practice <-> the city's Open311 server; saved at once, used from the next start."""
        if self.practice and not self._settings[opt.OPEN311_URL]:
            self._say(_("No city server is set up on this kiosk, so it stays in practice mode."))
            return
        mode = "open311" if self.practice else "practice"
        self._pending[opt.PORTAL_MODE.key] = mode
        self.save()

    def _say(self, text: str) -> None:
        self._message = text
        self.changed.emit()
        self._speak_fn(text)
