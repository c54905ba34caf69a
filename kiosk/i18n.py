"""gettext for every layer: `_`, `ngettext`, `N_`, the current language, and the catalog paths.

Pure Python (no Qt), so core, services and bridges share one set of catalogs. The `kiosk` domain
holds interface strings (Python and QML); the `lessons` domain holds lesson text. `.mo` files are
compiled from `locales/` by `python -m kiosk i18n compile` and are not committed.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LANGUAGES = ("bg", "en", "uk", "tr")
# Each language by its own name, as the attract screen lists them.
NATIVE_NAMES = {"bg": "Български", "en": "English", "uk": "Українська", "tr": "Türkçe"}
BABEL_LOCALES = {"bg": "bg_BG", "en": "en_GB", "uk": "uk_UA", "tr": "tr_TR"}

_catalogs: dict[tuple[str, str], gettext.NullTranslations] = {}
_current = "bg"


def catalog(lang: str, domain: str = "kiosk") -> gettext.NullTranslations:
    """The compiled catalog for a language and domain (a null catalog when it is missing)."""
    key = (lang, domain)
    if key not in _catalogs:
        _catalogs[key] = gettext.translation(
            domain, localedir=LOCALES_DIR, languages=[lang], fallback=True
        )
    return _catalogs[key]


def reload_catalogs() -> None:
    """Forget loaded catalogs (after `i18n compile`)."""
    _catalogs.clear()


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


def babel_locale(lang: str | None = None) -> str:
    return BABEL_LOCALES[lang or _current]


def _(message: str) -> str:
    """Translate into the current language."""
    return catalog(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return catalog(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return catalog(_current).pgettext(context, message)


def N_(message: str) -> str:
    """Mark for extraction only; translate with `_()` where the text is shown."""
    return message


def lookup(message: str, lang: str | None = None, domain: str = "kiosk") -> str | None:
    """The translation, or None when the catalog has none (QML's translator needs to know)."""
    cat = catalog(lang or _current, domain)
    translated = cat.gettext(message)
    if translated == message and isinstance(cat, gettext.GNUTranslations):
        return message if message in cat._catalog else None  # type: ignore[attr-defined]
    return translated if translated != message else None
