"""Loading what the report wizard asks: the services list and a service's questions, through
the cache, so the wizard works offline from the saved copy and can say how old it is."""

from __future__ import annotations

from kiosk.bridge.backend import BackendBridge
from kiosk.bridge.report_text import DEFINITION_CODEC, SERVICES_CODEC
from kiosk.core.errors import PortalError, PortalUnavailable
from kiosk.core.portal import Service, ServiceDefinition
from kiosk.i18n import _
from kiosk.services.portals.open311 import Open311Client
from kiosk.services.storage.cache import describe_age

SERVICES_MAX_AGE = 6 * 3600.0  # the city's list changes rarely; a fresh copy a few times a day


def by_phone(error: PortalError) -> str:
    """A portal failure as a sentence, with the way that always works."""
    return (
        error.human() + " " + _("You can report the problem by phone to Call Sofia on 0700 17 310.")
    )


async def _client(backend: BackendBridge) -> Open311Client:
    await backend.ready()
    portals = backend.portals
    if portals is None or portals.open311 is None:
        raise PortalUnavailable("no Open311 client in this mode")
    return portals.open311


async def load_services(backend: BackendBridge, language: str) -> tuple[list[Service], str]:
    """The services (fresh, or the saved copy when the portal fails) and, for a saved copy,
    a sentence saying how old it is. Raises PortalError when there is nothing saved either."""
    client = await _client(backend)
    offline = await backend.ready()
    got = await offline.cache("open311").get_or_fetch(
        f"services {language}", client.services, SERVICES_MAX_AGE, SERVICES_CODEC
    )
    services = [svc for svc in got.value if svc.code]
    # the outbox needs each service's type to know whether an id or a token comes back
    offline.service_types.update({svc.code: svc.type for svc in services})
    age = ""
    if got.stale:
        age = _("The city's service cannot be reached now. This list was saved {age}.").format(
            age=describe_age(got.age_seconds, language)
        )
    return services, age


async def load_definition(backend: BackendBridge, code: str, language: str) -> ServiceDefinition:
    client = await _client(backend)
    offline = await backend.ready()
    got = await offline.cache("open311").get_or_fetch(
        f"definition {code} {language}",
        lambda: client.definition(code),
        SERVICES_MAX_AGE,
        DEFINITION_CODEC,
    )
    return got.value
