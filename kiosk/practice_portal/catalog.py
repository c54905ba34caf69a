"""The practice portal's bundled sample data: services, definitions and places, by locale."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
LOCALES = ("bg", "en", "uk", "tr")  # the kiosk's languages
DEFAULT_LOCALE = "bg"


def pick(text: Any, locale: str) -> str:
    """A {bg, en, uk, tr} text in the asked locale (else Bulgarian), or a plain string."""
    if isinstance(text, dict):
        return str(text.get(locale) or text.get(DEFAULT_LOCALE) or "")
    return "" if text is None else str(text)


def locale_of(value: str) -> str:
    """'en', 'en_GB', 'en-US' → 'en'; anything unknown → Bulgarian."""
    lang = value.replace("-", "_").split("_", 1)[0].lower()
    return lang if lang in LOCALES else DEFAULT_LOCALE


@dataclass(frozen=True)
class Catalog:
    services: tuple[dict[str, Any], ...]
    groups: dict[str, Any]
    places: dict[str, Any]

    def service(self, code: str) -> dict[str, Any] | None:
        return next((s for s in self.services if s["code"] == code), None)

    def service_json(self, svc: dict[str, Any], locale: str) -> dict[str, Any]:
        """One services.{fmt} entry in GeoReport v2 field order."""
        return {
            "service_code": svc["code"],
            "service_name": pick(svc["name"], locale),
            "description": pick(svc["description"], locale),
            "metadata": bool(svc.get("attributes")),
            "type": svc.get("type", "realtime"),
            "keywords": pick(svc.get("keywords", ""), locale),
            "group": pick(self.groups.get(svc.get("group", ""), ""), locale),
        }

    def definition_json(self, svc: dict[str, Any], locale: str) -> dict[str, Any]:
        attributes = []
        for attr in sorted(svc.get("attributes", []), key=lambda a: a.get("order", 0)):
            attributes.append(
                {
                    "variable": attr.get("variable", True),
                    "code": attr["code"],
                    "datatype": attr["datatype"],
                    "required": attr.get("required", False),
                    "datatype_description": pick(attr.get("datatype_description", ""), locale),
                    "order": attr.get("order", 0),
                    "description": pick(attr["description"], locale),
                    "values": [
                        {"key": v["key"], "name": pick(v["name"], locale)}
                        for v in attr.get("values", [])
                    ],
                }
            )
        return {"service_code": svc["code"], "attributes": attributes}

    def dataset(self, name: str) -> dict[str, Any] | None:
        return next((d for d in self.places["datasets"] if d["name"] == name), None)


@cache
def load_catalog() -> Catalog:
    """Read the bundled YAML once per process."""
    services = yaml.safe_load((DATA_DIR / "services.yaml").read_text(encoding="utf-8"))
    places = yaml.safe_load((DATA_DIR / "places.yaml").read_text(encoding="utf-8"))
    return Catalog(tuple(services["services"]), services["groups"], places)
