"""Every option the kiosk has, declared once: key, type, default, limits, meaning, who changes it.

Loading, validation, `doctor`, the trainer settings screen and the installer's sample config all
come from this table. Descriptions are marked for translation with `N_` and translated where shown.
"""

from __future__ import annotations

import re
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
    from kiosk.core.pin import hash_problem

    if problem := hash_problem(value):
        return f"a hash made by `python -m kiosk pin` (this one cannot be used: {problem})"
    return None


# --- display -------------------------------------------------------------------------------
PANEL_WIDTH_MM = Option(
    "display.panel_width_mm",
    float,
    0.0,
    N_(
        "Visible width of the screen in millimetres. 0 trusts what the screen reports; set it "
        "when the screen reports a wrong size, so buttons and text have the right physical size."
    ),
    minimum=0,
    maximum=3000,
)
VIEWING_DISTANCE_MM = Option(
    "display.viewing_distance_mm",
    int,
    600,
    N_(
        "How far a resident's eyes are from the screen, in millimetres. Text sizes are "
        "computed for this distance."
    ),
    minimum=300,
    maximum=1200,
)
WINDOW_SIZE = Option(
    "display.window_size",
    str,
    "1280x800",
    N_("Window size in pixels for windowed (development) mode, as WIDTHxHEIGHT."),
)
SOFTWARE_RENDERING = Option(
    "display.software_rendering",
    bool,
    True,
    N_("Draw with the processor instead of a graphics card. Keep on for kiosks without a GPU."),
)

# --- session -------------------------------------------------------------------------------
IDLE_SECONDS = Option(
    "session.idle_seconds",
    int,
    120,
    N_("Seconds without a touch before the kiosk asks whether the person is still there."),
    minimum=30,
    maximum=3600,
    trainer=True,
)
FORM_IDLE_SECONDS = Option(
    "session.form_idle_seconds",
    int,
    180,
    N_("The same, while a person is filling in a form."),
    minimum=30,
    maximum=3600,
    trainer=True,
)
WARNING_SECONDS = Option(
    "session.warning_seconds",
    int,
    30,
    N_("Seconds the person has to answer the 'Are you still there?' question."),
    minimum=20,
    maximum=300,
    trainer=True,
)
MAX_EXTENSIONS = Option(
    "session.max_extensions",
    int,
    10,
    N_("How many times a person may ask for more time in one session."),
    minimum=10,
    maximum=100,
    trainer=True,
)
DEFAULT_LANGUAGE = Option(
    "session.default_language",
    str,
    "bg",
    N_("The language every new session starts in."),
    choices=("bg", "en", "uk", "tr"),
    trainer=True,
)
TAP_FILTER_MS = Option(
    "session.tap_filter_ms",
    int,
    500,
    N_("A second identical tap within this many milliseconds is ignored (tremor filter)."),
    minimum=0,
    maximum=2000,
    trainer=True,
)

# --- kiosk (lockdown and trainer) ----------------------------------------------------------
TRAINER_PIN_HASH = Option(
    "kiosk.trainer_pin_hash",
    str,
    "",
    N_(
        "The trainer PIN as a salted hash made by `python -m kiosk pin`. Empty: trainer mode "
        "and leaving the kiosk are not possible."
    ),
    secret=True,
    check=_pin_hash,
)
PIN_MAX_TRIES = Option(
    "kiosk.pin_max_tries",
    int,
    5,
    N_("Wrong PIN entries before the PIN pad locks."),
    minimum=3,
    maximum=10,
)
PIN_LOCK_SECONDS = Option(
    "kiosk.pin_lock_seconds",
    int,
    300,
    N_("How long the PIN pad stays locked after too many wrong entries."),
    minimum=60,
    maximum=3600,
)
STAFF_HELP = Option(
    "kiosk.staff_help",
    str,
    "",
    N_("Where a resident finds a person to help, e.g. 'Ask at the front desk'."),
    trainer=True,
)


# --- site: this kiosk's place in the city's fleet (set per site, e.g. by the Ansible role) -----
def _site_id(value: str) -> str | None:
    if value and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", value):
        return "a short name of small Latin letters, digits and dashes, e.g. 'sofia-slaveykov'"
    return None


def _opening_hours(value: str) -> str | None:
    from kiosk.core.hours import HoursError, parse_hours

    try:
        parse_hours(value)
    except HoursError as exc:
        return f"opening hours like 'Mo-Fr 09:00-19:00; Sa 10:00-14:00' ({exc})"
    return None


SITE_ID = Option(
    "site.id",
    str,
    "",
    N_(
        "A short name that identifies this kiosk's site in the city's published statistics and "
        "monitoring, e.g. 'sofia-slaveykov'. Empty: statistics are not published."
    ),
    check=_site_id,
)
VENUE_NAME = Option(
    "site.name",
    str,
    "",
    N_("The name of the library or community centre, shown on help screens and printouts."),
    trainer=True,
)
KIOSK_ADDRESS = Option(
    "site.address",
    str,
    "",
    N_("The kiosk's address in words, offered as the location of a report."),
    trainer=True,
)
KIOSK_LAT = Option(
    "site.lat",
    float,
    42.6936,
    N_("Latitude of the kiosk (WGS84), for nearby places, stops and reports."),
    minimum=-90,
    maximum=90,
)
KIOSK_LON = Option(
    "site.lon", float, 23.3229, N_("Longitude of the kiosk (WGS84)."), minimum=-180, maximum=180
)
OPENING_HOURS = Option(
    "site.opening_hours",
    str,
    "Mo-Fr 08:00-20:00; Sa 09:00-15:00",
    N_(
        "When the site is open, e.g. 'Mo-Fr 09:00-19:00; Sa 10:00-14:00' (days Mo Tu We Th Fr "
        "Sa Su). Software updates are installed only outside these hours."
    ),
    check=_opening_hours,
)

# --- storage and logs ----------------------------------------------------------------------
DATA_DIR = Option(
    "paths.data_dir",
    str,
    "",
    N_("Folder for the kiosk's database. Empty: the standard place for this user."),
)
LOG_DIR = Option(
    "paths.log_dir", str, "", N_("Folder for log files. Empty: the standard place for this user.")
)
LOG_LEVEL = Option(
    "logging.level",
    str,
    "INFO",
    N_("How much the log says."),
    choices=("DEBUG", "INFO", "WARNING", "ERROR"),
)


# --- portal --------------------------------------------------------------------------------
def _http_url(value: str) -> str | None:
    if value and not value.startswith(("http://", "https://")):
        return "a web address starting with http:// or https://"
    return None


def _place_fields(value: str) -> str | None:
    for part in filter(None, (p.strip() for p in value.split(","))):
        name, sep, column = part.partition("=")
        if not sep or not column.strip() or name.strip() not in PLACE_FIELD_NAMES:
            return "a comma list of FIELD=COLUMN pairs, FIELD being one of " + ", ".join(
                PLACE_FIELD_NAMES
            )
    return None


PLACE_FIELD_NAMES = ("id", "name", "address", "lat", "lon", "opening_hours", "phone")

PORTAL_MODE = Option(
    "portal.mode",
    str,
    "practice",
    N_(
        "Where reports go: 'practice' (the built-in practice portal, nothing reaches the city), "
        "'open311' (a GeoReport v2 server) or 'handoff' (print or QR for Call Sofia)."
    ),
    choices=("practice", "open311", "handoff"),
)
OPEN311_URL = Option(
    "portal.open311_url",
    str,
    "",
    N_(
        "The GeoReport v2 endpoint (the address under which services.json lives), as the "
        "server's discovery gives it."
    ),
    check=_http_url,
)
OPEN311_FORMAT = Option(
    "portal.open311_format",
    str,
    "json",
    N_("Reply format asked of the Open311 server."),
    choices=("json", "xml"),
)
OPEN311_API_KEY = Option(
    "portal.open311_api_key",
    str,
    "",
    N_("The API key the Open311 server issued to this kiosk (sent with new reports only)."),
    secret=True,
)
OPEN311_JURISDICTION = Option(
    "portal.jurisdiction_id",
    str,
    "",
    N_("The jurisdiction id (e.g. sofia.bg), only if the server serves several cities."),
)
CKAN_URL = Option(
    "portal.ckan_url",
    str,
    "",
    N_(
        "The CKAN open-data site (e.g. https://urbandata.sofia.bg). Empty: the practice "
        "portal's sample data."
    ),
    check=_http_url,
)
PLACES_PHARMACY = Option(
    "portal.places_pharmacy",
    str,
    "sample-pharmacies",
    N_("CKAN dataset with pharmacies, for 'find help'. Empty: not offered."),
)
PLACES_CLINIC = Option(
    "portal.places_clinic",
    str,
    "sample-clinics",
    N_("CKAN dataset with GPs and clinics, for 'find help'. Empty: not offered."),
)
PLACES_OFFICE = Option(
    "portal.places_office",
    str,
    "sample-municipal-offices",
    N_("CKAN dataset with municipal offices, for 'find help'. Empty: not offered."),
)
PLACES_DAY_CENTRE = Option(
    "portal.places_day_centre",
    str,
    "sample-day-centres",
    N_("CKAN dataset with day centres and pensioners' clubs, for 'find help'. Empty: not offered."),
)
PLACES_FOUNTAIN = Option(
    "portal.places_fountain",
    str,
    "sample-drinking-fountains",
    N_("CKAN dataset with drinking fountains, for 'find help'. Empty: not offered."),
)
PLACES_TOILET = Option(
    "portal.places_toilet",
    str,
    "sample-public-toilets",
    N_("CKAN dataset with public toilets, for 'find help'. Empty: not offered."),
)
PLACE_FIELDS = Option(
    "portal.place_fields",
    str,
    "",
    N_(
        "Column names of the place datasets when they differ from the usual ones, as "
        "FIELD=COLUMN pairs separated by commas, e.g. 'name=Име,address=Адрес'."
    ),
    check=_place_fields,
)
PLACES_MAX_DISTANCE_M = Option(
    "portal.places_max_distance_m",
    int,
    3000,
    N_("'Find help' lists places within this many metres of the kiosk."),
    minimum=100,
    maximum=50000,
    trainer=True,
)
CONNECT_TIMEOUT = Option(
    "portal.connect_timeout_s",
    float,
    5.0,
    N_("Seconds to wait for a portal to accept a connection."),
    minimum=0.5,
    maximum=60,
)
READ_TIMEOUT = Option(
    "portal.read_timeout_s",
    float,
    15.0,
    N_("Seconds to wait for the next piece of a portal's reply."),
    minimum=0.5,
    maximum=300,
)
WRITE_TIMEOUT = Option(
    "portal.write_timeout_s",
    float,
    15.0,
    N_("Seconds to wait while sending a request to a portal."),
    minimum=0.5,
    maximum=300,
)
POOL_TIMEOUT = Option(
    "portal.pool_timeout_s",
    float,
    5.0,
    N_("Seconds to wait for a free connection to a portal."),
    minimum=0.5,
    maximum=60,
)
TOTAL_TIMEOUT = Option(
    "portal.total_timeout_s",
    float,
    60.0,
    N_(
        "Most seconds one portal request may take in all, so a server that answers a byte at "
        "a time cannot hold the kiosk."
    ),
    minimum=1,
    maximum=600,
)
MAX_RESPONSE_BYTES = Option(
    "portal.max_response_bytes",
    int,
    20_000_000,
    N_("Largest portal reply accepted, in bytes; larger replies are refused."),
    minimum=10_000,
    maximum=500_000_000,
)
PRACTICE_STEP_SECONDS = Option(
    "portal.practice_step_seconds",
    float,
    120.0,
    N_(
        "In the practice portal, seconds between one status of a report and the next "
        "(queued, in progress, forwarded, closed)."
    ),
    minimum=0,
    maximum=86400,
    trainer=True,
)
# --- outbox, cache and transport ---------------------------------------------------------
OUTBOX_RETENTION_DAYS = Option(
    "outbox.retention_days",
    int,
    30,
    N_(
        "Days a sent or refused report is remembered on the kiosk (only the report number the "
        "portal gave is kept) before it is deleted."
    ),
    minimum=1,
    maximum=365,
)
OUTBOX_RETRY_BASE_SECONDS = Option(
    "outbox.retry_base_seconds",
    float,
    10.0,
    N_(
        "Seconds before the first new try when a report could not be sent; each later try "
        "waits about twice as long."
    ),
    minimum=1,
    maximum=3600,
)
OUTBOX_RETRY_MAX_SECONDS = Option(
    "outbox.retry_max_seconds",
    float,
    1800.0,
    N_("The longest wait between two tries to send a report, in seconds."),
    minimum=10,
    maximum=86400,
)
CACHE_SERVICES_MAX_AGE = Option(
    "cache.services_max_age_s",
    int,
    86400,
    N_(
        "Seconds the list of problem categories and their questions is used before it is "
        "fetched again."
    ),
    minimum=60,
    maximum=30 * 86400,
)
CACHE_PLACES_MAX_AGE = Option(
    "cache.places_max_age_s",
    int,
    86400,
    N_("Seconds the places for 'find help' are used before they are fetched again."),
    minimum=60,
    maximum=30 * 86400,
)
CACHE_GTFS_MAX_AGE = Option(
    "cache.gtfs_max_age_s",
    int,
    86400,
    N_("Seconds the timetable is used before it is fetched again."),
    minimum=600,
    maximum=30 * 86400,
)
GTFS_STATIC_URL = Option(
    "transport.gtfs_static_url",
    str,
    "",
    N_(
        "Address of the timetable (a GTFS zip file), e.g. "
        "https://gtfs.sofiatraffic.bg/api/v1/static. Empty: the practice portal's sample "
        "timetable."
    ),
    check=_http_url,
)
GTFS_REALTIME_URL = Option(
    "transport.gtfs_realtime_url",
    str,
    "",
    N_(
        "Address of the live delays (GTFS-realtime trip updates), e.g. "
        "https://gtfs.sofiatraffic.bg/api/v1/trip-updates. Empty: the practice portal's "
        "sample delays."
    ),
    check=_http_url,
)
STOPS_RADIUS_M = Option(
    "transport.stops_radius_m",
    int,
    700,
    N_("Stops within this many metres of the kiosk are shown."),
    minimum=50,
    maximum=5000,
    trainer=True,
)
DEPARTURES_WINDOW_MIN = Option(
    "transport.departures_window_min",
    int,
    30,
    N_("Departures in the next this many minutes are shown."),
    minimum=5,
    maximum=180,
    trainer=True,
)

# --- speech --------------------------------------------------------------------------------
SPEECH_ENGINE = Option(
    "speech.engine",
    str,
    "auto",
    N_(
        "Which voice engine speaks. auto: espeak-ng when it is installed, else the system's "
        "voice (Windows, macOS) in a separate process; off: the kiosk does not speak."
    ),
    choices=("auto", "espeak-ng", "pyttsx3", "off"),
)
SPEECH_DEFAULT_RATE = Option(
    "speech.default_rate",
    str,
    "normal",
    N_(
        "How fast each new person hears the voice: slow (about 120 words a minute, with longer "
        "pauses), normal (about 150) or fast (about 190)."
    ),
    choices=("slow", "normal", "fast"),
    trainer=True,
)
SPEECH_DEFAULT_VOLUME = Option(
    "speech.default_volume",
    int,
    4,
    N_("The loudspeaker volume step each new person starts with, from 1 (quietest) to 6."),
    minimum=1,
    maximum=6,
    trainer=True,
)
SPEECH_AUTO_READ = Option(
    "speech.auto_read",
    bool,
    True,
    N_(
        "Read each new screen aloud without touching Listen. A person can turn it off for "
        "themselves."
    ),
    trainer=True,
)
SPEECH_HEADSET_DETECTION = Option(
    "speech.headset_detection",
    str,
    "auto",
    N_(
        "auto: notice a plugged-in headset from the sound system; manual: only the 'I am using "
        "headphones' button counts (for sound cards that cannot tell)."
    ),
    choices=("auto", "manual"),
)

# --- report a problem, track a report --------------------------------------------------------
REPORT_NEARBY_STREETS = Option(
    "report.nearby_streets",
    str,
    "бул. „Витоша“, ул. „Граф Игнатиев“, бул. „Патриарх Евтимий“, ул. „Солунска“, ул. „Шипка“",
    N_(
        "Streets near the kiosk offered as the place of a report, separated by commas. Empty: "
        "the choice is not offered. The default lists sample streets near the default place."
    ),
    trainer=True,
)
REPORT_EVERYDAY_NAMES = Option(
    "report.everyday_names",
    str,
    "/etc/silver-kiosk/everyday-names.toml",
    N_(
        "The site's own everyday names for the kinds of problem (a TOML table, see "
        "docs/everyday-names.md), laid over the bundled ones. A missing file: the bundled "
        "names only."
    ),
)
REPORT_TRACKING_URL = Option(
    "report.tracking_url",
    str,
    "",
    N_(
        "A web page where a resident can follow a report on a phone, with {id} where the "
        "report number goes. Empty: the QR code carries the report number as text."
    ),
)

# --- trainer mode: learner cards, statistics, certificates ----------------------------------
LEARNER_RETENTION_DAYS = Option(
    "trainer.learner_retention_days",
    int,
    365,
    N_("A learner card and its progress are deleted after this many days without use."),
    minimum=30,
    maximum=730,
    trainer=True,
)
STATS_SUPPRESS_BELOW = Option(
    "statistics.suppress_below",
    int,
    5,
    N_(
        "In exported statistics, counts below this number are shown only as '<N', so that no "
        "one person can be picked out."
    ),
    minimum=3,
    maximum=20,
    trainer=True,
)
STATS_CKAN_URL = Option(
    "statistics.ckan_url",
    str,
    "",
    N_(
        "The CKAN site the daily statistics are published to (its DataStore), e.g. "
        "https://urbandata.sofia.bg. Empty: they are not published."
    ),
    check=_http_url,
)
STATS_RESOURCE_ID = Option(
    "statistics.resource_id",
    str,
    "",
    N_("The id of the CKAN resource (a DataStore table) that holds every kiosk's daily counts."),
)
STATS_API_KEY = Option(
    "statistics.api_key",
    str,
    "",
    N_("The CKAN API token that may write to that resource."),
    secret=True,
)

# --- lessons: the content folders beside the installed content packages ---------------------
LESSONS_SITE_FOLDER = Option(
    "lessons.site_folder",
    str,
    "/etc/silver-kiosk/lessons",
    N_(
        "A folder of the site's own lessons: each subfolder a course with its course.yaml, "
        "checked like a content package. The lessons of the installed packages "
        "(/usr/share/silver-kiosk/lessons) are shown too. Empty: no site lessons."
    ),
)

# --- updates: when the update policy may install a new release (docs/fleet.md, "Updates") ----
UPDATES_ONLY_WHEN_CLOSED = Option(
    "updates.only_when_closed",
    bool,
    True,
    N_(
        "Install software updates only while the site is closed (site.opening_hours). Off: at "
        "any hour, still never during a resident's session."
    ),
)
UPDATES_CLOSED_MINUTES = Option(
    "updates.closed_minutes",
    int,
    60,
    N_("An update starts only when the site stays closed for at least this many minutes."),
    minimum=10,
    maximum=720,
)
UPDATES_SESSION_LOCK = Option(
    "updates.session_lock",
    str,
    "",
    N_(
        "The file the kiosk locks while a resident is in a session; updates wait while it is "
        "locked. Empty: session.lock in the kiosk user's runtime folder "
        "(/run/user/<uid>/silver-kiosk/)."
    ),
)

# --- health: what a city's monitoring reads ------------------------------------------------
METRICS_FILE = Option(
    "health.metrics_file",
    str,
    "",
    N_(
        "A file the kiosk rewrites every minute with its health in Prometheus text format, for "
        "node_exporter's textfile collector, e.g. "
        "/var/lib/prometheus/node-exporter/silver-kiosk.prom. Empty: no file."
    ),
)

OPTIONS: tuple[Option[Any], ...] = tuple(
    value for value in list(globals().values()) if isinstance(value, Option)
)
BY_KEY: dict[str, Option[Any]] = {option.key: option for option in OPTIONS}
