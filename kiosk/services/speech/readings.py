"""How each kind of written thing is said: numbers, codes, phones, money, times, dates, addresses.

One Readings object per language turns a matched piece of text into words, from the language's
table (tables.py) and its number words (numerals.py). pronounce.py finds the pieces.
"""

from __future__ import annotations

import re

from kiosk.services.speech.numerals import Numerals
from kiosk.services.speech.tables import Table

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


class Readings:
    def __init__(self, table: Table) -> None:
        self.t = table
        self.n = Numerals(table.numerals)
        self.masculine = set(table.numerals.get("masculine_nouns", []))
        self.feminine = set(table.numerals.get("feminine_nouns", []))
        months = table.dates.get("months", [])
        self.months = {str(name).lower(): i for i, name in enumerate(months)}
        for alias, index in table.dates.get("month_aliases", {}).items():
            self.months[str(alias).lower()] = int(index) - 1

    # --- words -----------------------------------------------------------------------------
    def word(self, text: str) -> str | None:
        """A listed word's reading, or None."""
        found = self.t.words.get(text)
        if found is None and text.isascii():
            found = self.t.words_folded.get(text.lower())
        return found

    def gender_of(self, noun: str) -> str:
        noun = noun.lower()
        if noun in self.masculine:
            return "m"
        if noun in self.feminine:
            return "f"
        return str(self.t.numerals.get("default_gender", "n"))

    def spell(self, text: str) -> str:
        """Letters and digits one by one ("nra" → "ен ер а")."""
        out = []
        for c in text:
            if c.isdigit():
                out.append(self.t.numerals["digits"][int(c)])
            elif c.lower() in self.t.letters:
                out.append(self.t.letters[c.lower()])
            elif c in self.t.symbols:
                out.append(self.t.symbols[c])
            else:
                out.append(c)
        return " ".join(p for p in out if p)

    def transliterate(self, text: str) -> str:
        """Letters of another script in this language's letters, longest match first."""
        rules = self.t.transliterate
        if not rules:
            return text
        longest = max(len(k) for k in rules)
        out, i = [], 0
        while i < len(text):
            for size in range(min(longest, len(text) - i), 0, -1):
                chunk = text[i : i + size]
                key = chunk.lower()
                if key in rules:
                    value = rules[key]
                    out.append(value.capitalize() if chunk[0].isupper() and i == 0 else value)
                    i += size
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    def chars(self, text: str) -> str:
        for old, new in self.t.chars.items():
            text = text.replace(old, new)
        return text

    # --- addresses ---------------------------------------------------------------------------
    def label(self, label: str) -> str:
        """One part of a web or e-mail address: a listed word, a short name spelled, or read."""
        found = self.word(label)
        if found is not None:
            return found
        if label.isdigit():
            return self.n.digits(label)
        parts = re.split(r"([-_])", label)
        if len(parts) > 1:
            web = self.t.web
            names = {"-": web.get("dash", "-"), "_": web.get("underscore", "_")}
            return " ".join(names[p] if p in names else self.label(p) for p in parts if p)
        vowels = sum(c in "aeiouy" for c in label.lower())
        if len(label) <= 3 or vowels == 0:
            return self.spell(label)
        if self.t.transliterate:
            return self.transliterate(label.lower())
        return label.lower()

    def address(self, text: str) -> str:
        """ "www.sofia.bg/path" → "три дабъл ю точка софия точка бе-ге наклонена черта path"."""
        web = self.t.web
        text = re.sub(r"^https?://", "", text, flags=re.IGNORECASE)
        words: list[str] = []
        for piece in re.split(r"([./@])", text):
            if piece == ".":
                words.append(web.get("dot", "."))
            elif piece == "/":
                words.append(web.get("slash", "/"))
            elif piece == "@":
                words.append(web.get("at", "@"))
            elif piece:
                words.append(self.label(piece))
        return " ".join(w for w in words if w)

    # --- numbers -----------------------------------------------------------------------------
    def grouped_digits(self, text: str) -> str:
        """A phone number or code digit by digit, its groups apart: "нула седем нула нула, ..."."""
        plus = self.t.numbers.get("plus", "+")
        separator = str(self.t.numbers.get("group_separator", ", "))
        groups = [g for g in re.split(r"[\s\u00a0\u202f()/.-]+", text.strip()) if g]
        by_number = self.t.numbers.get("group_style") == "numbers"
        spoken = []
        for group in groups:
            head = f"{plus} " if group.startswith("+") else ""
            digits = group.lstrip("+")
            if by_number:  # Turkish: "0700" → "sıfır yedi yüz", "112" → "yüz on iki"
                zeros = len(digits) - len(digits.lstrip("0"))
                rest = digits[zeros:]
                said = " ".join(
                    p
                    for p in (self.n.digits("0" * zeros), rest and self.n.cardinal(int(rest), "m"))
                    if p
                )
            else:
                said = self.n.digits(digits)
            spoken.append(head + said)
        return separator.join(spoken)

    def number(self, digits: str, gender: str = "n") -> str:
        """A written whole number ("1 000", "25") in words; long or 0-led runs digit by digit."""
        compact = _SPACES.sub("", digits)
        if (len(compact) > 1 and compact.startswith("0")) or (
            len(compact) >= 5 and compact == digits
        ):
            return self.n.digits(compact)
        return self.n.cardinal(int(compact), gender)

    def decimal(self, whole: str, fraction: str, gender: str = "n") -> str:
        return self.n.decimal(int(_SPACES.sub("", whole)), fraction, gender)

    def unit(self, symbol: str, value: int, before: str) -> str:
        """A number with a unit sign after it ("50%", "68+"), the unit in the right form."""
        spec = self.t.units.get(symbol, {})
        forms = spec.get("forms") or [self.t.symbols.get(symbol, symbol)] * 3
        gender = spec.get("gender", "n")
        said = self.n.cardinal(value, gender) if before == "" else before
        word = self.n.plural(forms, value)
        pattern = str(spec.get("format", "{number} {unit}"))
        return pattern.format(number=said, unit=word)

    def unit_gender(self, symbol: str) -> str:
        return str(self.t.units.get(symbol, {}).get("gender", "n"))

    # --- money -------------------------------------------------------------------------------
    def money(self, amount: str, currency: str) -> str:
        """ "€12.70" → "дванадесет евро и седемдесет цента"; "0,80 €" → "осемдесет цента"."""
        m = self.t.money
        main_key, cent_key = ("lev", "stotinka") if currency == "lev" else ("euro", "cent")
        match = re.fullmatch(r"([\d\s\u00a0\u202f]+?)(?:[.,](\d{1,2}))?", amount.strip())
        if match is None:
            return amount
        whole = int(_SPACES.sub("", match.group(1)))
        cents = int((match.group(2) or "0").ljust(2, "0"))
        main_forms, cent_forms = m[main_key], m.get(cent_key, m[main_key])
        main = self._counted(whole, main_forms, m.get(f"{main_key}_gender", "n"))
        if not cents:
            return main
        small = self._counted(cents, cent_forms, m.get(f"{cent_key}_gender", "m"))
        if not whole:
            return small
        return str(m.get("both", "{main} {cents}")).format(main=main, cents=small)

    def _counted(self, n: int, forms: list[str], gender: str) -> str:
        pattern = str(self.t.money.get("format", "{number} {unit}"))
        return pattern.format(number=self.n.cardinal(n, gender), unit=self.n.plural(forms, n))

    # --- times and dates ---------------------------------------------------------------------
    def clock(self, hours: int, minutes: int) -> str:
        t = self.t.time
        gender = t.get("hour_gender", "n")
        said_hours = self.n.cardinal(hours, gender)
        if minutes == 0 and "on_the_hour" in t:
            hour = self.n.plural(t.get("hour", [""] * 3), hours)
            return str(t["on_the_hour"]).format(hours=said_hours, hour=hour).strip()
        said_minutes = (
            self.t.time.get("zero_minutes", "") + " " + self.n.cardinal(minutes, "f")
            if minutes < 10 and t.get("zero_minutes")
            else self.n.cardinal(minutes, t.get("minute_gender", "f"))
        )
        return str(t.get("minutes", "{hours} {minutes}")).format(
            hours=said_hours, minutes=said_minutes.strip()
        )

    def range(self, start: str, end: str) -> str:
        return str(self.t.time.get("range", "{start} – {end}")).format(start=start, end=end)

    def date(self, day: int, month: int, year: int | None, year_word: bool) -> str:
        d = self.t.dates
        months = d.get("months", [])
        if not 1 <= day <= 31 or not 1 <= month <= len(months):
            return ""
        said_day = self._ordinal_or_number(day, str(d.get("day_ordinal", "")))
        said_year = ""
        if year is not None:
            said_year = self.year(year, year_word or bool(d.get("always_year_word")))
        pattern = str(d.get("format", "{day} {month} {year}"))
        return pattern.format(day=said_day, month=months[month - 1], year=said_year).strip()

    def year(self, year: int, with_word: bool) -> str:
        d = self.t.dates
        said = self._ordinal_or_number(year, str(d.get("year_ordinal", "")))
        if d.get("year_style") == "pairs" and 2010 <= year < 2100:  # English: twenty twenty-six
            said = f"{self.n.cardinal(year // 100)} {self.n.cardinal(year % 100)}"
        word = d.get("year_word", "") if with_word else ""
        return f"{said} {word}".strip()

    def _ordinal_or_number(self, n: int, gender: str) -> str:
        return self.n.ordinal(n, gender) if gender else self.n.cardinal(n, "m")

    def month_index(self, name: str) -> int | None:
        index = self.months.get(name.lower())
        return None if index is None else index + 1
