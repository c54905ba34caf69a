"""Every option the kiosk has, declared once: key, type, default, limits, meaning, who may change it.

Loading, validation, `doctor`, the trainer settings screen and the installer's sample config all
come from this table. Descriptions are marked for translation with `N_` and translated where shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting. `trainer=True` means a trainer may change it on the kiosk."""

    key: str
    type: type[T]
    default: T
    description: str
    choices: tuple[T, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    trainer: bool = False
    secret: bool = False
    check: Callable[[T], str | None] | None = None

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    def allowed(self) -> str:
        """A short phrase saying what values are allowed, for error messages and docs."""
        if self.choices is not None:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        kind = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}[
            self.type
        ]
        if self.minimum is not None and self.maximum is not None:
            return f"{kind} from {self.minimum:g} to {self.maximum:g}"
        if self.minimum is not None:
            return f"{kind} of at least {self.minimum:g}"
        return kind


def _pin_hash(value: str) -> str | None:
    if value and not value.startswith("scrypt$"):
        return "a hash made by `python -m kiosk pin` (it starts with 'scrypt$')"
    return None


# --- display -------------------------------------------------------------------------------
PANEL_WIDTH_MM = Option(
    "display.panel_width_mm", float, 0.0,
    N_("Visible width of the screen in millimetres. 0 trusts what the screen reports; set it "
       "when the screen reports a wrong size, so buttons and text have the right physical size."),
    minimum=0, maximum=3000)
VIEWING_DISTANCE_MM = Option(
    "display.viewing_distance_mm", int, 600,
    N_("How far a resident's eyes are from the screen, in millimetres. Text sizes are "
       "computed for this distance."), minimum=300, maximum=1200)
WINDOW_SIZE = Option(
    "display.window_size", str, "1280x800",
    N_("Window size in pixels for windowed (development) mode, as WIDTHxHEIGHT."))
SOFTWARE_RENDERING = Option(
    "display.software_rendering", bool, True,
    N_("Draw with the processor instead of a graphics card. Keep on for kiosks without a GPU."))

# --- session -------------------------------------------------------------------------------
IDLE_SECONDS = Option(
    "session.idle_seconds", int, 120,
    N_("Seconds without a touch before the kiosk asks whether the person is still there."),
    minimum=30, maximum=3600, trainer=True)
FORM_IDLE_SECONDS = Option(
    "session.form_idle_seconds", int, 180,
    N_("The same, while a person is filling in a form."),
    minimum=30, maximum=3600, trainer=True)
WARNING_SECONDS = Option(
    "session.warning_seconds", int, 30,
    N_("Seconds the person has to answer the 'Are you still there?' question."),
    minimum=20, maximum=300, trainer=True)
MAX_EXTENSIONS = Option(
    "session.max_extensions", int, 10,
    N_("How many times a person may ask for more time in one session."),
    minimum=10, maximum=100, trainer=True)
DEFAULT_LANGUAGE = Option(
    "session.default_language", str, "bg",
    N_("The language every new session starts in."),
    choices=("bg", "en", "uk", "tr"), trainer=True)
TAP_FILTER_MS = Option(
    "session.tap_filter_ms", int, 500,
    N_("A second identical tap within this many milliseconds is ignored (tremor filter)."),
    minimum=0, maximum=2000, trainer=True)

# --- kiosk (lockdown and trainer) ----------------------------------------------------------
TRAINER_PIN_HASH = Option(
    "kiosk.trainer_pin_hash", str, "",
    N_("The trainer PIN as a salted hash made by `python -m kiosk pin`. Empty: trainer mode "
       "and leaving the kiosk are not possible."), secret=True, check=_pin_hash)
PIN_MAX_TRIES = Option(
    "kiosk.pin_max_tries", int, 5,
    N_("Wrong PIN entries before the PIN pad locks."), minimum=3, maximum=10)
PIN_LOCK_SECONDS = Option(
    "kiosk.pin_lock_seconds", int, 300,
    N_("How long the PIN pad stays locked after too many wrong entries."),
    minimum=60, maximum=3600)
VENUE_NAME = Option(
    "kiosk.venue_name", str, "",
    N_("The name of the library or community centre, shown on help screens and printouts."),
    trainer=True)
STAFF_HELP = Option(
    "kiosk.staff_help", str, "",
    N_("Where a resident finds a person to help, e.g. 'Ask at the front desk'."), trainer=True)

# --- storage and logs ----------------------------------------------------------------------
DATA_DIR = Option(
    "paths.data_dir", str, "",
    N_("Folder for the kiosk's database. Empty: the standard place for this user."))
LOG_DIR = Option(
    "paths.log_dir", str, "",
    N_("Folder for log files. Empty: the standard place for this user."))
LOG_LEVEL = Option(
    "logging.level", str, "INFO", N_("How much the log says."),
    choices=("DEBUG", "INFO", "WARNING", "ERROR"))

OPTIONS: tuple[Option[Any], ...] = tuple(
    value for value in list(globals().values()) if isinstance(value, Option)
)
BY_KEY: dict[str, Option[Any]] = {option.key: option for option in OPTIONS}
