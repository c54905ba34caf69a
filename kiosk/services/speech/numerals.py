"""Numbers in words from a language's table: cardinals with gender, ordinals, plural forms.

Pure Python. The words live in assets/speech/<lang>.toml ([numerals]); the rules here are the
few that differ between the kiosk's languages (where "и"/"and" goes, how plural forms are
picked), each switched by a key of that table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

GENDERS = ("m", "f", "n")


def plural_index(n: int, rule: str) -> int:
    """Which of a word's three forms (one, few, many) goes after the number `n`."""
    if rule == "east-slavic":  # Ukrainian: 1 цент, 2 центи, 5 центів, 21 цент, 11 центів
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    if rule == "none":  # Turkish: the noun stays singular after a number
        return 0
    return 0 if n == 1 else 2  # "one-other": Bulgarian, English


def form(forms: Sequence[str], n: int, rule: str) -> str:
    """The form of a word (given as [one, few, many]) that goes after `n`."""
    return forms[min(plural_index(n, rule), len(forms) - 1)]


class Numerals:
    """Number words for one language, from its [numerals] table."""

    def __init__(self, table: Mapping[str, Any]) -> None:
        self.t = table
        self.rule = str(table.get("plural_rule", "one-other"))

    def _unit(self, u: int, gender: str) -> str:
        special = self.t.get(f"units_{_GENDER_NAMES.get(gender, 'neuter')}", [])
        if u < len(special) and special[u]:
            return str(special[u])
        return str(self.t["units"][u])

    def _below_thousand(self, n: int, gender: str) -> list[str]:
        parts: list[str] = []
        h, rest = divmod(n, 100)
        if h:
            parts.append(self.t["hundreds"][h])
        if 10 <= rest < 20:
            parts.append(self.t["teens"][rest - 10])
        elif rest:
            t, u = divmod(rest, 10)
            tens = self.t["tens"][t] if t >= 2 else ""
            unit = self._unit(u, gender) if u else ""
            joiner = self.t.get("tens_units_joiner")
            if tens and unit and joiner is not None:
                parts.append(f"{tens}{joiner}{unit}")
            else:
                parts += [p for p in (tens, unit) if p]
        return parts

    def _scale(self, count: int, forms_key: str, one_key: str, gender_key: str) -> str:
        if count == 1 and self.t.get(one_key):
            return str(self.t[one_key])
        words = self.cardinal(count, str(self.t.get(gender_key, "m")))
        return f"{words} {form(self.t[forms_key], count, self.rule)}"

    def _parts(self, n: int, gender: str) -> list[str]:
        millions, rest = divmod(n, 1_000_000)
        thousands, units = divmod(rest, 1000)
        parts: list[str] = []
        if millions:
            parts.append(self._scale(millions, "million", "million_one", "million_gender"))
        if thousands:
            parts.append(self._scale(thousands, "thousand", "thousand_one", "thousand_gender"))
        parts += self._below_thousand(units, gender)
        return parts

    def _join(self, parts: list[str], last_small: bool) -> str:
        joiner = self.t.get("joiner")
        if joiner and len(parts) >= 2 and (last_small or not self.t.get("joiner_below_hundred")):
            parts = [*parts[:-1], joiner, parts[-1]]
        return " ".join(parts)

    def cardinal(self, n: int, gender: str = "n") -> str:
        """`n` (0 to 999,999,999) in words; `gender` of the noun that follows (m, f, n)."""
        if n == 0:
            return str(self.t["zero"])
        if n >= 1_000_000_000 or n < 0:
            return self.digits(str(n))
        return self._join(self._parts(n, gender), n % 100 > 0)

    def digits(self, text: str) -> str:
        """Each digit of `text` as a word ("едно едно две")."""
        names = self.t["digits"]
        return " ".join(names[int(c)] for c in text if c.isdigit())

    def decimal(self, whole: int, fraction: str, gender: str = "n") -> str:
        """ "3,5" → "три цяло и пет"; a fraction with a leading zero is read digit by digit."""
        spoken = (
            self.digits(fraction)
            if fraction.startswith("0") or "point" in str(self.t.get("decimal_style", ""))
            else self.cardinal(int(fraction), "f")
        )
        pattern = str(self.t.get("decimal", "{whole} {fraction}"))
        return pattern.format(whole=self.cardinal(whole, gender), fraction=spoken)

    def ordinal(self, n: int, gender: str = "m") -> str:
        """`n` as an ordinal ("първи", "двадесет и шеста"): the last part is made ordinal."""
        if n <= 0 or n >= 1_000_000 or "ordinal_units" not in self.t:
            return self.cardinal(n, gender)
        thousands, units = divmod(n, 1000)
        if units == 0:
            head = self._scale(thousands, "thousand", "", "thousand_gender").split()[:-1]
            last = str(self.t["ordinal_thousand"])
            return self._gendered(" ".join([*head, last] if thousands > 1 else [last]), gender)
        else:
            parts = self._parts(thousands * 1000, "n") if thousands else []
            h, rest = divmod(units, 100)
            if rest == 0:
                parts.append(self.t["ordinal_hundreds"][h])
            else:
                if h:
                    parts.append(self.t["hundreds"][h])
                if 10 <= rest < 20:
                    parts.append(self.t["ordinal_teens"][rest - 10])
                else:
                    t, u = divmod(rest, 10)
                    if u == 0:
                        parts.append(self.t["ordinal_tens"][t])
                    else:
                        tens = self.t["tens"][t] if t >= 2 else ""
                        joiner = self.t.get("tens_units_joiner")
                        unit = self.t["ordinal_units"][u]
                        if tens and joiner is not None:
                            parts.append(f"{tens}{joiner}{unit}")
                        else:
                            parts += [p for p in (tens, unit) if p]
            small = rest > 0
        return self._gendered(self._join(parts, small), gender)

    def _gendered(self, words: str, gender: str) -> str:
        """Change an ordinal's masculine ending for `gender` by the table's ordinal_endings."""
        endings = self.t.get("ordinal_endings", {}).get(gender, [])
        for old, new in endings:
            if words.endswith(old):
                return words[: len(words) - len(old)] + str(new)
        return words

    def plural(self, forms: Sequence[str], n: int) -> str:
        return form(forms, n, self.rule)


_GENDER_NAMES = {"m": "masculine", "f": "feminine", "n": "neuter"}
