"""'Find help': places of each category near the kiosk, from the configured CKAN datasets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.core.portal import PLACE_CATEGORIES, Place, distance_m
from kiosk.services.portals import ckan_parse
from kiosk.services.portals.ckan import CkanClient


@dataclass(frozen=True)
class NearbyPlaces:
    """Places sorted by distance, with where they came from and how current the data is."""

    category: str
    places: tuple[tuple[Place, float], ...]  # (place, metres from the kiosk)
    dataset_title: str = ""
    data_date: str = ""  # the publisher's "current as of" date, else metadata_modified
    license_id: str = ""


class PlaceFinder:
    """Maps the six 'find help' categories to datasets and lists what is near the kiosk."""

    def __init__(
        self,
        ckan: CkanClient,
        datasets: Mapping[str, str],
        origin: tuple[float, float],
        *,
        max_distance_m: float = 3000,
        columns: str = "",
    ) -> None:
        unknown = set(datasets) - set(PLACE_CATEGORIES)
        if unknown:
            raise ValueError(f"unknown place categories: {sorted(unknown)}")
        self.ckan = ckan
        self.datasets = {k: v for k, v in datasets.items() if v}
        self.origin = origin
        self.max_distance_m = max_distance_m
        self.columns = ckan_parse.column_map(columns)

    @classmethod
    def from_settings(cls, ckan: CkanClient, settings: Any) -> PlaceFinder:
        from kiosk.config import schema as s

        datasets = {
            "pharmacy": settings[s.PLACES_PHARMACY],
            "clinic": settings[s.PLACES_CLINIC],
            "office": settings[s.PLACES_OFFICE],
            "day_centre": settings[s.PLACES_DAY_CENTRE],
            "fountain": settings[s.PLACES_FOUNTAIN],
            "toilet": settings[s.PLACES_TOILET],
        }
        return cls(
            ckan, datasets, (settings[s.KIOSK_LAT], settings[s.KIOSK_LON]),
            max_distance_m=settings[s.PLACES_MAX_DISTANCE_M], columns=settings[s.PLACE_FIELDS],
        )  # fmt: skip

    def categories(self) -> list[str]:
        """The categories this kiosk offers (those with a dataset), in display order."""
        return [c for c in PLACE_CATEGORIES if c in self.datasets]

    async def nearby(self, category: str, limit: int = 20) -> NearbyPlaces:
        """The nearest places of a category within the configured distance."""
        dataset, places = await self.ckan.dataset_places(
            self.datasets[category], category, self.columns
        )
        lat, lon = self.origin
        ranked = sorted(
            ((p, distance_m(lat, lon, p.lat, p.lon)) for p in places), key=lambda pd: pd[1]
        )
        near = tuple(pd for pd in ranked if pd[1] <= self.max_distance_m)[:limit]
        modified = dataset.metadata_modified
        return NearbyPlaces(
            category=category,
            places=near,
            dataset_title=dataset.title or dataset.name,
            data_date=dataset.data_date or (modified.date().isoformat() if modified else ""),
            license_id=dataset.license_id,
        )
