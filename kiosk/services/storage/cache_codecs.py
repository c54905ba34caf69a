"""How portal data is stored in the cache: JSON codecs for services, definitions and places.

Kept apart from the domain dataclasses (core stays free of storage concerns); a round trip
gives back equal objects, tuples included, which the tests check.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from kiosk.core.portal import Place, Service, ServiceAttribute, ServiceDefinition
from kiosk.services.storage.cache import Codec


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _service(data: dict[str, Any]) -> Service:
    return Service(
        **{
            **data,
            "keywords": tuple(data.get("keywords", ())),
            "groups": tuple(data.get("groups", ())),
        }
    )


def _attribute(data: dict[str, Any]) -> ServiceAttribute:
    values = tuple((str(key), str(name)) for key, name in data.get("values", ()))
    return ServiceAttribute(**{**data, "values": values})


def _definition(data: dict[str, Any]) -> ServiceDefinition:
    attributes = tuple(_attribute(a) for a in data.get("attributes", ()))
    return ServiceDefinition(service_code=data["service_code"], attributes=attributes)


SERVICES: Codec[list[Service]] = Codec(
    lambda services: _dump([asdict(s) for s in services]),
    lambda data: [_service(item) for item in json.loads(data)],
)
DEFINITION: Codec[ServiceDefinition] = Codec(
    lambda definition: _dump(asdict(definition)),
    lambda data: _definition(json.loads(data)),
)
PLACES: Codec[list[Place]] = Codec(
    lambda places: _dump([asdict(p) for p in places]),
    lambda data: [Place(**item) for item in json.loads(data)],
)
