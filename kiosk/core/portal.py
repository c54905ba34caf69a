"""Portal domain models (Open311 and CKAN shaped), Call Sofia's states, and distances."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.i18n import N_

SERVICE_TYPES = ("realtime", "batch", "blackbox")
DATATYPES = ("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist")
DESCRIPTION_MAX = 4000  # GeoReport v2 limit on a request's description
PLACE_CATEGORIES = ("pharmacy", "clinic", "office", "day_centre", "fountain", "toilet")
# TRANSLATORS: the 'find help' categories, as buttons and headings.
PLACE_CATEGORY_LABELS = {
    "pharmacy": N_("Pharmacies"),
    "clinic": N_("Doctors and clinics"),
    "office": N_("Municipal offices"),
    "day_centre": N_("Day centres and pensioners' clubs"),
    "fountain": N_("Drinking fountains"),
    "toilet": N_("Public toilets"),
}


@dataclass(frozen=True)
class Service:
    """One entry of services.{fmt}: a kind of problem a resident can report."""

    code: str
    name: str
    description: str = ""
    metadata: bool = False
    type: str = "realtime"
    keywords: tuple[str, ...] = ()
    group: str = ""  # the first group; FixMyStreet may list several (`groups`)
    groups: tuple[str, ...] = ()

    def in_groups(self) -> tuple[str, ...]:
        """Every group the service is listed under (none: it stands alone)."""
        return self.groups or ((self.group,) if self.group else ())


@dataclass(frozen=True)
class ServiceAttribute:
    """One question of a service definition; `variable=False` is information text only."""

    code: str
    variable: bool = True
    datatype: str = "string"
    required: bool = False
    datatype_description: str = ""
    order: int = 0
    description: str = ""
    values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ServiceDefinition:
    """services/{code}.{fmt}: the questions asked for one service, in display order."""

    service_code: str
    attributes: tuple[ServiceAttribute, ...] = ()


@dataclass(frozen=True)
class ServiceRequest:
    """A reported problem as the portal tracks it. Ids are strings; datetimes are aware or None.

    `offset_guessed` is True when any datetime came without an offset and was read as local time.
    """

    service_request_id: str
    status: str = ""
    status_notes: str = ""
    service_name: str = ""
    service_code: str = ""
    description: str = ""
    agency_responsible: str = ""
    service_notice: str = ""
    requested_datetime: datetime | None = None
    updated_datetime: datetime | None = None
    expected_datetime: datetime | None = None
    address: str = ""
    address_id: str = ""
    zipcode: str = ""
    lat: float | None = None
    long: float | None = None
    media_url: str = ""
    offset_guessed: bool = False

    @property
    def is_closed(self) -> bool:
        return self.status.lower() == "closed"


@dataclass(frozen=True)
class PostResult:
    """What a POST requests returned: an id, a token to look up later, or neither (pending)."""

    service_request_id: str = ""
    token: str = ""
    service_notice: str = ""
    account_id: str = ""

    @property
    def pending(self) -> bool:
        """Accepted but not yet numbered (blackbox service or a server that queues)."""
        return not self.service_request_id and not self.token


@dataclass(frozen=True)
class NewRequest:
    """A report ready to POST. Contact fields are filled only when the resident asked."""

    service_code: str
    lat: float | None = None
    long: float | None = None
    address_string: str = ""
    address_id: str = ""
    attributes: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)
    description: str = ""
    email: str = ""
    device_id: str = ""
    account_id: str = ""
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    media_url: str = ""

    def form_fields(self, api_key: str = "", jurisdiction_id: str = "") -> list[tuple[str, str]]:
        """The form-encoded body as ordered pairs; empty optional fields are left out."""
        if self.lat is None and self.long is None and not (self.address_string or self.address_id):
            raise ValueError("a report needs lat/long, an address or an address id")
        if (self.lat is None) != (self.long is None):
            raise ValueError("lat and long go together")
        pairs: list[tuple[str, str]] = []
        if api_key:
            pairs.append(("api_key", api_key))
        if jurisdiction_id.strip():
            pairs.append(("jurisdiction_id", jurisdiction_id.strip()))
        pairs.append(("service_code", self.service_code))
        if self.lat is not None and self.long is not None:
            pairs += [("lat", f"{self.lat:.6f}"), ("long", f"{self.long:.6f}")]
        for name in ("address_string", "address_id"):
            if value := getattr(self, name):
                pairs.append((name, value))
        for code, value in self.attributes.items():
            if isinstance(value, tuple):
                pairs += [(f"attribute[{code}][]", v) for v in value]
            else:
                pairs.append((f"attribute[{code}]", value))
        for name in ("email", "device_id", "account_id", "first_name", "last_name", "phone"):
            if value := getattr(self, name).strip():
                pairs.append((name, value))
        if self.description.strip():
            pairs.append(("description", self.description.strip()[:DESCRIPTION_MAX]))
        if self.media_url:
            pairs.append(("media_url", self.media_url))
        return pairs


@dataclass(frozen=True)
class Discovery:
    """discovery.{fmt}: where the GeoReport v2 endpoints live."""

    changeset: str = ""
    contact: str = ""
    key_service: str = ""
    endpoints: tuple[Endpoint, ...] = ()


@dataclass(frozen=True)
class Endpoint:
    specification: str
    url: str
    changeset: str = ""
    type: str = ""
    formats: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A place for 'find help' (pharmacy, clinic...), from an open-data set or the sample data."""

    id: str
    category: str
    name: str
    lat: float
    lon: float
    address: str = ""
    opening_hours: str = ""
    phone: str = ""
    source: str = ""
    is_sample: bool = False


@dataclass(frozen=True)
class Resource:
    """One file or table of a CKAN dataset; `format` is normalised (upper case, no dot)."""

    id: str
    url: str
    format: str = ""
    name: str = ""
    mimetype: str = ""
    url_type: str = ""
    datastore_active: bool = False
    last_modified: datetime | None = None


@dataclass(frozen=True)
class Dataset:
    """A CKAN package. `data_date` is the publisher's 'current as of' date when given."""

    id: str
    name: str
    title: str = ""
    notes: str = ""
    license_id: str = ""
    organization: str = ""
    metadata_modified: datetime | None = None
    data_date: str = ""
    resources: tuple[Resource, ...] = ()
    extras: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DatastorePage:
    """One page of datastore_search: field types and records with numbers converted."""

    fields: tuple[tuple[str, str], ...]
    records: tuple[Mapping[str, Any], ...]
    total: int | None = None


@dataclass(frozen=True)
class CallSofiaState:
    code: int
    name_bg: str
    name_en: str
    status: str  # Open311 'open' or 'closed'
    extended: tuple[str, ...]  # Open311 extended statuses; the first is preferred


# PORTALS.md §2: Call Sofia's seven states and their (approximate) Open311 equivalents.
# `name_en` is a msgid: show `_(state.name_en)`; `name_bg` is Call Sofia's own wording.
# TRANSLATORS: the states of a report to the city, as Call Sofia names them.
CALL_SOFIA_STATES: tuple[CallSofiaState, ...] = (
    CallSofiaState(0, "Неизвестен", N_("Unknown"), "open", ()),
    CallSofiaState(1, "Чакащ обработка", N_("Waiting to be handled"), "open", ("OPEN",)),
    CallSofiaState(2, "В процес на обработка", N_("Being handled"), "open",
                   ("IN_PROGRESS", "INVESTIGATING")),
    CallSofiaState(3, "Очакващ отговор", N_("Waiting for a reply"), "open",
                   ("ACTION_SCHEDULED",)),
    CallSofiaState(4, "Получил уведомление", N_("Passed to the responsible service"), "open",
                   ("INTERNAL_REFERRAL",)),
    CallSofiaState(5, "Приключен", N_("Closed"), "closed", ("CLOSED", "FIXED")),
    CallSofiaState(6, "Отхвърлен", N_("Rejected"), "closed",
                   ("NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION")),
)  # fmt: skip


def call_sofia_state(code: int) -> CallSofiaState:
    """The state for a Call Sofia code; unknown codes are state 0 (unknown, open)."""
    for state in CALL_SOFIA_STATES:
        if state.code == code:
            return state
    return CALL_SOFIA_STATES[0]


def to_open311(code: int) -> tuple[str, str]:
    """Call Sofia state code → (Open311 status, preferred extended status or '')."""
    state = call_sofia_state(code)
    return state.status, (state.extended[0] if state.extended else "")


def from_open311(status: str, extended: str = "") -> CallSofiaState:
    """An Open311 status (and extended status when given) → the nearest Call Sofia state."""
    extended = extended.strip().upper()
    if extended:
        for state in CALL_SOFIA_STATES:
            if extended in state.extended:
                return state
        if extended == "DUPLICATE":
            return call_sofia_state(6)
    status = status.strip().lower()
    if status == "closed":
        return call_sofia_state(5)
    if status == "open":
        return call_sofia_state(1)
    return call_sofia_state(0)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine; plenty for a city)."""
    r = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def effective_mode(mode: str, open311_url: str) -> str:
    """`portal.mode` as the kiosk runs it: open311 without a server URL is practice."""
    return "practice" if mode == "open311" and not open311_url.strip() else mode
