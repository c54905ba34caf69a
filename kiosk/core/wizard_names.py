"""The resident's words for the city's kinds of problem: "Дупка на пътя" over "Пътна
инфраструктура". The names come from a table the installer can extend (docs/everyday-names.md);
a service the table does not name keeps the portal's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class NamesError(ValueError):
    """A names table that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class EverydayNames:
    """One language's names: service code → everyday name; `featured`: the codes offered
    first (and named on the home screen's tile)."""

    services: Mapping[str, str] = field(default_factory=dict)
    featured: tuple[str, ...] = ()

    def name(self, code: str, official: str) -> tuple[str, str]:
        """(the words on the tile, the city's name under them or '' when they are the same)."""
        everyday = self.services.get(code, "").strip()
        if not everyday or everyday.casefold() == official.strip().casefold():
            return official, ""
        return everyday, official

    def promise(self) -> str:
        """ "Дупка на пътя, счупена лампа, боклук": the featured names as one line, for the
        home screen's tile, so it promises exactly what the wizard then offers first."""
        names = [self.services[c].strip() for c in self.featured if self.services.get(c)]
        return ", ".join([names[0], *(_lower_first(n) for n in names[1:])]) if names else ""

    def over(self, base: EverydayNames) -> EverydayNames:
        """These names laid over `base` (a site's table over the bundled one)."""
        return EverydayNames({**base.services, **self.services}, self.featured or base.featured)


def _lower_first(name: str) -> str:
    """'Счупена лампа' → 'счупена лампа'; an abbreviation ('МВР', 'GSM') stays as written."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def parse_names(data: Mapping[str, Any], lang: str, where: str = "names") -> EverydayNames:
    """One language's section of a parsed table ({lang: {featured: [...], services: {...}}});
    an absent language is an empty table. Raises NamesError naming the problem."""
    section = data.get(lang, {})
    if not isinstance(section, Mapping):
        raise NamesError(f"{where}: [{lang}] must be a table")
    unknown = sorted(set(section) - {"featured", "services"})
    if unknown:
        raise NamesError(f"{where}: [{lang}] has unknown key(s) {', '.join(unknown)}")
    services = section.get("services", {})
    if not isinstance(services, Mapping) or not all(isinstance(v, str) for v in services.values()):
        raise NamesError(f"{where}: [{lang}.services] must map service codes to names (text)")
    featured = section.get("featured", [])
    if not isinstance(featured, list) or not all(isinstance(c, str) for c in featured):
        raise NamesError(f"{where}: [{lang}] featured must be a list of service codes (text)")
    return EverydayNames({str(k): v for k, v in services.items()}, tuple(featured))
