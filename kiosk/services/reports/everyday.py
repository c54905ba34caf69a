"""The everyday names of the kinds of problem: the bundled table (assets/report/) with the site's
own table laid over it (`report.everyday_names`, docs/everyday-names.md).

A table that cannot be read never stops a report: the problem is logged (and `doctor` shows it)
and the names fall back to the bundled ones, or to the portal's own.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import tomllib

from kiosk.core.wizard_names import EverydayNames, NamesError, parse_names
from kiosk.services.storage.paths import ASSETS_DIR

log = logging.getLogger(__name__)
BUNDLED = ASSETS_DIR / "report" / "everyday-names.toml"


def read_table(path: Path, lang: str) -> EverydayNames:
    """One language of one table file. Raises NamesError (with the file's name) or OSError."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise NamesError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise NamesError(f"{path}: not UTF-8 text") from None
    return parse_names(data, lang, str(path))


def load_names(lang: str, site_table: str = "") -> EverydayNames:
    """The names for `lang`: the site's table (when the file exists) over the bundled one.
    Read once per language (and again when the site's file changes)."""
    site = Path(site_table) if site_table else None
    try:
        stamp = site.stat().st_mtime_ns if site is not None else 0
    except OSError:
        stamp = -1  # no site table
    return _load(lang, site_table, stamp)


@functools.lru_cache(maxsize=16)
def _load(lang: str, site_table: str, _stamp: int) -> EverydayNames:
    names = EverydayNames()
    try:
        names = read_table(BUNDLED, lang)
    except (OSError, NamesError) as exc:
        log.error("everyday names: the bundled table cannot be used: %s", exc)
    site = Path(site_table) if site_table else None
    if site is None or not site.exists():
        return names
    try:
        return read_table(site, lang).over(names)
    except (OSError, NamesError) as exc:
        log.warning("everyday names: the site's table is left out: %s", exc)
        return names


def check_tables(site_table: str, languages: tuple[str, ...]) -> list[str]:
    """Problems with the tables, as lines for `doctor` (empty when all is well)."""
    problems = []
    for path in (BUNDLED, Path(site_table) if site_table else None):
        if path is None or (path is not BUNDLED and not path.exists()):
            continue
        for lang in languages:
            try:
                read_table(path, lang)
            except (OSError, NamesError) as exc:
                problems.append(str(exc))
                break
    return problems
