"""`Places` in QML: "Find help nearby" — places of a kind, nearest first, spoken, and a slip to
take away. Offline it shows the kiosk's saved copy and says how old it is. The screen pages the
list to fit the room it has (KPager)."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.bridge.places_text import distance_text, place_card, qr_data_uri, source_lines
from kiosk.bridge.qt import Property, asyncSlot
from kiosk.bridge.tasks import Failed, Request
from kiosk.config import Settings
from kiosk.config import schema as s
from kiosk.core.city import CALL_SOFIA_PHONE
from kiosk.core.nearby import map_link
from kiosk.core.portal import PLACE_CATEGORIES, PLACE_CATEGORY_LABELS, Place
from kiosk.i18n import _
from kiosk.services.storage.cache import Cache, Cached, Codec

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from kiosk.services.nearby.places import NearbyPlaces, PlaceFinder

log = logging.getLogger(__name__)
LIMIT = 12  # nearest places kept: more is a list nobody reads on a kiosk
DATASET_OPTIONS = {
    "pharmacy": s.PLACES_PHARMACY, "clinic": s.PLACES_CLINIC, "office": s.PLACES_OFFICE,
    "day_centre": s.PLACES_DAY_CENTRE, "fountain": s.PLACES_FOUNTAIN, "toilet": s.PLACES_TOILET,
}  # fmt: skip


def _dump(value: NearbyPlaces) -> bytes:
    data = asdict(value)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _load(data: bytes) -> NearbyPlaces:
    from kiosk.services.nearby.places import NearbyPlaces  # the CKAN stack loads on first use

    raw = json.loads(data)
    places = tuple((Place(**p), float(m)) for p, m in raw.pop("places"))
    return NearbyPlaces(places=places, **raw)


NEARBY_CODEC: Codec[NearbyPlaces] = Codec(_dump, _load)


class PlacesBridge(QObject):
    changed = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        finder: PlaceFinder,
        cache: Cache,
        speak: Callable[[str], None],
        slip_dir: Path,
    ) -> None:
        super().__init__()
        self._settings, self._finder, self._cache, self._speak = settings, finder, cache, speak
        self._slip_dir = slip_dir
        self._codes = [c for c in PLACE_CATEGORIES if settings[DATASET_OPTIONS[c]]]
        self._max_age_s = float(settings[s.CACHE_PLACES_MAX_AGE])  # then the saved copy is old
        self._request = Request(self.changed.emit, speak)
        self.reset()

    # --- state -------------------------------------------------------------------------------
    @Slot()
    def reset(self) -> None:
        """Forget the person's search (the session wipe, and a new category)."""
        self._request.cancel()
        self._category = ""
        self._result: Cached[NearbyPlaces] | None = None
        self._problem = ""
        self._chosen = -1
        self._slip_message = ""
        self.changed.emit()

    def _places(self) -> tuple[tuple[Place, float], ...]:
        return self._result.value.places if self._result is not None else ()

    @Property("QVariantList", notify=changed)
    def categories(self) -> list[dict[str, str]]:
        return [{"code": c, "label": _(PLACE_CATEGORY_LABELS[c])} for c in self._codes]

    @Property(str, notify=changed)
    def category(self) -> str:
        return self._category

    @Property(str, notify=changed)
    def categoryLabel(self) -> str:
        return _(PLACE_CATEGORY_LABELS[self._category]) if self._category else ""

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._request.running

    @Property(str, notify=changed)
    def busyText(self) -> str:
        return self._request.busy_text

    @Property(bool, notify=changed)
    def loaded(self) -> bool:
        return self._result is not None

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._problem

    @Property(str, notify=changed)
    def sourceText(self) -> str:
        """Where the data comes from, how old it is, and whether it is sample data."""
        if self._result is None:
            return ""
        return " ".join(source_lines(self._result, self._settings))

    @Property(bool, notify=changed)
    def stale(self) -> bool:
        return self._result is not None and self._result.stale

    @Property(bool, notify=changed)
    def sample(self) -> bool:
        return any(p.is_sample for p, _m in self._places())

    @Property(int, notify=changed)
    def count(self) -> int:
        return len(self._places())

    @Property("QVariantList", notify=changed)
    def all(self) -> list[dict[str, Any]]:
        """Every place found, nearest first, as cards (the screen shows as many as fit)."""
        return [place_card(i, *entry) for i, entry in enumerate(self._places())]

    @Property("QVariantMap", notify=changed)
    def chosen(self) -> dict[str, Any]:
        places = self._places()
        if not 0 <= self._chosen < len(places):
            return {}
        place, metres = places[self._chosen]
        card = place_card(self._chosen, place, metres)
        card["mapLink"] = map_link(place.lat, place.lon)
        card["qr"] = qr_data_uri(card["mapLink"])
        return card

    @Property(str, notify=changed)
    def slipMessage(self) -> str:
        return self._slip_message

    # --- actions -----------------------------------------------------------------------------
    @asyncSlot(str)
    async def choose(self, code: str) -> None:
        """Look for places of one kind (a second tap while looking changes nothing; another
        kind stops the first search)."""
        if code not in self._codes or (self.busy and code == self._category):
            return
        self.reset()
        self._category = code
        self.changed.emit()
        await self._fetch(code)

    @Slot()
    def retry(self) -> None:
        if self._category and not self.busy:
            code, self._category = self._category, ""
            self.choose(code)

    @Slot(int)
    def select(self, index: int) -> None:
        """Show one place in detail (index in the whole list, as the cards carry it)."""
        if 0 <= index < self.count:
            self._chosen, self._slip_message = index, ""
            self.changed.emit()

    def _speak_outcome(self) -> None:
        """Say what is not a choice: a problem, an empty list. The places themselves are
        announced by the screen as they appear, a page at a time."""
        if self._problem:
            self._speak(self._problem)
        elif self._result is not None and not self.count:
            self._speak(self.emptyText)

    @Slot()
    def speakChosen(self) -> None:
        card = self.chosen
        if card:
            self._speak(" ".join(card["spoken"]))

    @Property(str, notify=changed)
    def emptyText(self) -> str:
        metres = self._settings[s.PLACES_MAX_DISTANCE_M]
        return _("There are none within {distance} of this kiosk.").format(
            distance=distance_text(metres, with_time=False)
        )

    @Slot()
    def takeAway(self) -> None:
        """Print the chosen place on a slip (a PDF when there is no printer), with a map QR."""
        card = self.chosen
        if not card:
            return
        lines = tuple(line for line in card["lines"] if line)
        from kiosk.services.printing.slip import (
            Slip,
            print_slip,
        )  # Qt's printing loads on first use

        slip = Slip(
            title=card["name"],
            lines=(*lines, *source_lines(self._result, self._settings)) if self._result else lines,
            qr=card["mapLink"],
            qr_caption=_("Scan this code with a phone to see the place on a map."),
            footer=_("Call Sofia, the city's help line: {phone}").format(phone=CALL_SOFIA_PHONE),
        )
        result = print_slip(slip, self._slip_dir)
        self._slip_message = result.message
        self.changed.emit()
        self._speak(result.message)

    # --- loading -----------------------------------------------------------------------------
    async def _fetch(self, code: str) -> None:
        finder = self._finder
        lat, lon = finder.origin
        key = f"nearby {code} {finder.datasets[code]} {lat:.5f},{lon:.5f} "
        key += f"r{finder.max_distance_m:g} n{LIMIT}"
        got = await self._request.run(
            self._cache.get_or_fetch(
                key, lambda: finder.nearby(code, LIMIT), self._max_age_s, NEARBY_CODEC,
            ),
            busy=_("Looking for places near this kiosk. Please wait."),
            fail=lambda exc: exc.human() + " " + _(
                "You can ask a member of staff, or call Call Sofia on {phone}."
            ).format(phone=CALL_SOFIA_PHONE),
            what=f"places {code}",
        )  # fmt: skip
        if got is None:
            return
        if isinstance(got, Failed):
            self._problem = got.sentence
        else:
            self._result = got
        self.changed.emit()
        self._speak_outcome()
