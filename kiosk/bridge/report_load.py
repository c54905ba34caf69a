"""Loading what the report wizard asks: the services list and a service's questions, in the
resident's language, through the cache, so the wizard works offline from the saved copy and
can say how old it is."""

from __future__ import annotations

from kiosk.bridge.report_text import DEFINITION_CODEC, SERVICES_CODEC
from kiosk.core.city import CALL_SOFIA_PHONE
from kiosk.core.errors import PortalError
from kiosk.core.portal import Service, ServiceDefinition
from kiosk.i18n import _
from kiosk.services.portals.open311 import Open311Client
from kiosk.services.storage.cache import Cache, describe_age


def by_phone(error: PortalError) -> str:
    """A portal failure as a sentence, with the way that always works."""
    return (
        error.human()
        + " "
        + _("You can report the problem by phone to Call Sofia on {phone}.").format(
            phone=CALL_SOFIA_PHONE
        )
    )


async def load_services(
    client: Open311Client, cache: Cache, language: str, max_age_s: float
) -> tuple[list[Service], str]:
    """The services in `language` (fresh, or the saved copy when the portal fails) and, for a
    saved copy, a sentence saying how old it is. Raises PortalError when nothing is saved."""
    got = await cache.get_or_fetch(
        f"services {language}", lambda: client.services(locale=language), max_age_s,
        SERVICES_CODEC,
    )  # fmt: skip
    services = [svc for svc in got.value if svc.code]
    age = ""
    if got.stale:
        age = _("The city's service cannot be reached now. This list was saved {age}.").format(
            age=describe_age(got.age_seconds, language)
        )
    return services, age


async def load_definition(
    client: Open311Client, cache: Cache, code: str, language: str, max_age_s: float
) -> ServiceDefinition:
    """A service's questions in `language`, through the cache like the list."""
    got = await cache.get_or_fetch(
        f"definition {code} {language}",
        lambda: client.definition(code, locale=language),
        max_age_s,
        DEFINITION_CODEC,
    )
    return got.value
