"""`I18n` in QML: languages, numbers and dates (QML's `qsTr()` strings: kiosk/i18n_qm.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal, Slot

from kiosk import i18n
from kiosk.bridge.qt import Property


class I18nBridge(QObject):
    """`I18n` in QML: the languages on offer, and Babel formatting in the current language."""

    languageChanged = Signal()

    @Property("QVariantList", constant=True)
    def languages(self) -> list[dict[str, str]]:
        return [{"code": c, "name": i18n.NATIVE_NAMES[c]} for c in i18n.LANGUAGES]

    @Slot(float, int, result=str)
    def formatNumber(self, value: float, decimals: int = 0) -> str:
        from babel.numbers import format_decimal  # Babel's data loads on first use, not at start

        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
        return format_decimal(value, format=pattern, locale=i18n.babel_locale())

    @Slot(str, result=str)
    def formatDate(self, iso: str) -> str:
        """'2026-03-15' → '15 март 2026 г.' in Bulgarian; '' for an unreadable date."""
        from babel.dates import format_date

        try:
            day = dt.date.fromisoformat(iso[:10])
        except ValueError:
            return ""
        return format_date(day, format="long", locale=i18n.babel_locale())

    @Slot(result=str)
    def timeNow(self) -> str:
        from babel.dates import format_time

        return format_time(dt.datetime.now(), format="short", locale=i18n.babel_locale())
