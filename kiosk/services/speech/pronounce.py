"""The pronunciation layer: text as it is shown → text as the voice should say it, per language.

Every utterance passes through `pronounce()` in SpeechService._start, after the privacy rule has
chosen what may be said, so screens, lessons and receipts all sound the same. Codes and phone
numbers are read digit by digit in their groups, addresses as people say them ("софия точка
бе-ге"), abbreviations and brand names in the resident's script, symbols by name, amounts, times
and dates in words. What to say comes from assets/speech/<lang>.toml (tables.py); this module
only finds the pieces. `Spoken.original_span()` maps a word the engine reports back to the text
on screen, so the caption highlights "112" while the voice says "едно едно две".
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.services.speech.readings import Readings
from kiosk.services.speech.tables import Table, load_table

_NUM = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+"
_AMOUNT = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_TIME = r"(?:[01]?\d|2[0-3]):[0-5]\d"
_TLDS = "bg|com|eu|org|net|info|gov|io|app|ua|tr|uk|de|int|edu"
_LATIN = r"[A-Za-z](?:[A-Za-z0-9'’]|-(?=[A-Za-z]))*"
_CYRILLIC = r"[А-Яа-яЁёЇїІіЄєҐґЍѝ](?:[А-Яа-яЁёЇїІіЄєҐґЍѝ'’]|-(?=[А-Яа-я]))*"
# Turkish: a word has Turkish letters too ("portalı" is not "portal" + "ı"), and it ends at an
# apostrophe, which starts its suffix ("iPhone'da").
_TR_LETTERS = "A-Za-zÇĞİÖŞÜçğıöşüÂâÎîÛû"
_TR_LATIN = rf"[{_TR_LETTERS}](?:[{_TR_LETTERS}0-9]|-(?=[{_TR_LETTERS}]))*"
_TR_CYRILLIC = _CYRILLIC.replace("'’", "")
_TR_SUFFIX = r"[a-zçğıöşüâîû]+(?!\w)"
_ADDRESS_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?"
# What the voice reads as it is: letters of the language, spaces and punctuation.
_PUNCTUATION = ".,;:!?…—–-()[]\"'„“”«»‘’"


@dataclass(frozen=True)
class Piece:
    """A stretch of the original text and what is said for it."""

    start: int
    end: int
    spoken_start: int
    spoken_end: int
    replaced: bool


@dataclass(frozen=True)
class Spoken:
    """What the engine is given (`text`) for `original`, and how the two line up."""

    original: str
    text: str
    pieces: tuple[Piece, ...]

    def original_span(self, start: int, length: int) -> tuple[int, int]:
        """(start, length) in the original of a word at `start` in the spoken text."""
        if not self.pieces:
            return start, length
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        piece = self.pieces[index]
        if piece.replaced:
            return piece.start, piece.end - piece.start
        begin = min(piece.start + (start - piece.spoken_start), piece.end)
        return begin, max(0, min(length, piece.end - begin))

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [p.spoken_start for p in self.pieces]

    def kept(self) -> list[tuple[int, str]]:
        """(start, text) of the stretches said as written (what a table does not cover)."""
        return [(p.start, self.original[p.start : p.end]) for p in self.pieces if not p.replaced]


class _Builder:
    def __init__(self, original: str) -> None:
        self.original = original
        self.out: list[str] = []
        self.size = 0
        self.pieces: list[Piece] = []

    def keep(self, start: int, end: int) -> None:
        if end > start:
            self._add(start, end, self.original[start:end], False)

    def say(self, start: int, end: int, words: str) -> None:
        last = self.out[-1][-1:] if self.out else ""
        if words and last and not last.isspace() and last not in "(„“«\"'":
            words = " " + words
        after = self.original[end : end + 1]
        if words and after and not after.isspace() and after not in _PUNCTUATION:
            words += " "
        self._add(start, end, words, True)

    def _add(self, start: int, end: int, text: str, replaced: bool) -> None:
        self.pieces.append(Piece(start, end, self.size, self.size + len(text), replaced))
        self.out.append(text)
        self.size += len(text)

    def done(self) -> Spoken:
        return Spoken(self.original, "".join(self.out), tuple(self.pieces))


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))


def _bounded(items: list[str]) -> str:
    """Items matched as whole words: no letter or digit right before or after."""
    if not items:
        return r"(?!x)x"
    return rf"(?<![\w@.])(?:{_alternation(items)})(?!\w)"


class Pronouncer:
    """The layer for one language, built from its table."""

    def __init__(self, table: Table) -> None:
        self.t = table
        self.r = Readings(table)
        months = f"(?i:{_alternation(list(self.r.months))})" if self.r.months else r"(?!x)x"
        currency = table.money.get("symbols", ["€"])
        lev = table.money.get("lev_symbols", [])
        suffixes = table.numerals.get("ordinal_suffixes", {})
        units = list(table.units)
        units_before = [u for u in units if table.units[u].get("before")]
        units_after = [u for u in units if not table.units[u].get("before")]
        cyrillic_words = [w for w in table.words if not w.isascii()]
        hyphen = "-" if table.numerals.get("ordinal_hyphen", True) else "-?"
        parts: list[tuple[str, str]] = [
            ("phrase", _bounded(list(table.phrases)) if table.phrases else r"(?!x)x"),
            ("email", rf"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@{_ADDRESS_LABEL}(?:\.{_ADDRESS_LABEL})+"),
            (
                "url",
                rf"(?<![\w@.])(?:https?://{_ADDRESS_LABEL}(?:\.{_ADDRESS_LABEL})+"
                rf"|(?:www\.)?{_ADDRESS_LABEL}(?:\.{_ADDRESS_LABEL})*\.(?:{_TLDS})(?![\w-]))"
                r"(?:/[\w./?=&%#-]*[\w/])?",
            ),
            ("datenum", r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*(г\.|р\.))?(?![\d])"),
            (
                "dateword",
                rf"(?<![\d.,])(\d{{1,2}})(?:-?(?:{_alternation(list(suffixes))}))?\s+({months})"
                r"(?:\s+(\d{4})(?:\s*(г\.|година|року|р\.|yılı))?)?(?!\w)"
                if self.r.months
                else r"(?!x)x",
            ),
            ("year", r"(?<![\d.,])(\d{4})\s*(г\.|р\.)"),
            ("ussd", r"(?<![\w*#])[*#][\d*#]*\d[\d*#]*"),
            ("code", _bounded(table.codes) if table.codes else r"(?!x)x"),
            (
                "phone",
                r"(?<![\w.,+])(?:\+\d{1,3}(?:[ -]\d{1,4})+|\+\d{6,15}"
                r"|0\d{1,4}(?:[ -]\d{2,4}){1,4}|0\d{5,11})(?![\w])",
            ),
            ("timerange", rf"(?<![\d:])({_TIME})\s*[–—-]\s*({_TIME})(?![\d:])"),
            ("time", rf"(?<![\d:])({_TIME})(?![\d:])"),
            (
                "money",
                rf"(?:{_alternation(currency)})\s?({_AMOUNT})(?!\d)"
                rf"|(?<![\d.,])({_AMOUNT})\s?(?:({_alternation(currency)})"
                + (rf"|({_alternation(lev)})" if lev else "")
                + r")(?!\w)",
            ),
            (
                "cue",
                rf"(?<![\w])({_alternation(table.cue_words)})(\s*[:№]?\s*)(\d+(?:[ -]\d+)*)(?!\d)"
                if table.cue_words
                else r"(?!x)x",
            ),
            (
                "ordinal",
                rf"(?<![\d.,])(\d+){hyphen}({_alternation(list(suffixes))})(?!\w)"
                if suffixes
                else r"(?!x)x",
            ),
            ("range", rf"(?<![\d.,])({_NUM})\s?[–—]\s?({_NUM})(?![\d.,]\d)"),
            (
                "unitbefore",
                rf"({_alternation(units_before)})\s?({_NUM})(?!\d)" if units_before else r"(?!x)x",
            ),
            ("mixed", r"(?<![\w.,])(?=[^\W\d_]*\d)(?=\d*[^\W\d_])[^\W_]+(?![\w])"),
            (
                "number",
                rf"(?<![\w.,])({_NUM})(?:([.,])(\d+))?(?![\d])"
                + (rf"(?:\s?({_alternation(units_after)})(?![\w%]))?" if units_after else ""),
            ),
            ("cyrword", _bounded(cyrillic_words) if cyrillic_words else r"(?!x)x"),
            ("latin", rf"(?<![\w]){_LATIN if table.lang != 'tr' else _TR_LATIN}"),
            (
                "cyrillic",
                rf"(?<![\w]){_CYRILLIC if table.lang != 'tr' else _TR_CYRILLIC}"
                if self._reads_cyrillic()
                else r"(?!x)x",
            ),
            ("symbol", f"[{re.escape(''.join(table.symbols))}]" if table.symbols else r"(?!x)x"),
        ]
        if table.lang == "tr":
            # Turkish writes a suffix after a name, a number or a quoted word behind an
            # apostrophe or the closing quote ("Sofya'da", "10'da", "“Geri”ye"); espeak-ng pauses
            # there and reads the suffix as a word of its own, so the mark goes.
            parts.insert(0, ("suffix", rf"(?<=\w)['’](?={_TR_SUFFIX})|”(?={_TR_SUFFIX})"))

        self._names = [name for name, _ in parts]
        self._master = re.compile("|".join(f"(?P<{n}>{p})" for n, p in parts))
        self._parts = {name: re.compile(p) for name, p in parts}
        self._next_word = re.compile(r"[\s\u00a0]+(\w+)")

    def _reads_cyrillic(self) -> bool:
        """Languages whose voice cannot read Bulgarian letters get them transliterated."""
        return bool(self.t.transliterate and self.t.lang in ("en", "tr")) or bool(self.t.chars)

    def __call__(self, text: str) -> Spoken:
        built = _Builder(text)
        key = self.t.keys.get(text) if len(text) == 1 else None
        if key is not None:
            built.say(0, len(text), key)
            return built.done()
        at = 0
        for match in self._master.finditer(text):
            kind = match.lastgroup or ""
            words = self._read(kind, match, text[match.end() :])
            if words is None:
                continue
            built.keep(at, match.start())
            built.say(match.start(), match.end(), words)
            at = match.end()
        built.keep(at, len(text))
        return built.done()

    def _gender_after(self, rest: str) -> str:
        """The gender of the word after a number (`rest` is the text after it)."""
        found = self._next_word.match(rest)
        return self.r.gender_of(found.group(1)) if found else self.r.gender_of("")

    def _read(self, kind: str, match: re.Match[str], rest: str) -> str | None:
        """The words for one match; `rest` is the text after it (a noun gives a number its
        gender)."""
        handler: Callable[[re.Match[str], str], str | None] = getattr(self, f"_{kind}")
        inner = self._parts[kind].fullmatch(match.group(kind))
        return handler(inner if inner is not None else match, rest)

    # --- one reader per kind -------------------------------------------------------------------
    def _suffix(self, m: re.Match[str], text: str) -> str | None:
        return ""

    def _phrase(self, m: re.Match[str], text: str) -> str | None:
        return self.t.phrases.get(m.group(0))

    def _email(self, m: re.Match[str], text: str) -> str | None:
        return self.r.address(m.group(0))

    def _url(self, m: re.Match[str], text: str) -> str | None:
        return self.r.address(m.group(0))

    def _datenum(self, m: re.Match[str], text: str) -> str | None:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return self.r.date(day, month, year, True) or None

    def _dateword(self, m: re.Match[str], text: str) -> str | None:
        month = self.r.month_index(m.group(2))
        if month is None:
            return None
        year = int(m.group(3)) if m.group(3) else None
        return self.r.date(int(m.group(1)), month, year, bool(m.group(4))) or None

    def _year(self, m: re.Match[str], text: str) -> str | None:
        return self.r.year(int(m.group(1)), True)

    def _ussd(self, m: re.Match[str], text: str) -> str | None:
        return self.r.spell(m.group(0))

    def _code(self, m: re.Match[str], text: str) -> str | None:
        return self.r.grouped_digits(m.group(0))

    def _phone(self, m: re.Match[str], text: str) -> str | None:
        return self.r.grouped_digits(m.group(0))

    def _clock(self, written: str) -> str:
        hours, minutes = written.split(":")
        return self.r.clock(int(hours), int(minutes))

    def _timerange(self, m: re.Match[str], text: str) -> str | None:
        return self.r.range(self._clock(m.group(1)), self._clock(m.group(2)))

    def _time(self, m: re.Match[str], text: str) -> str | None:
        return self._clock(m.group(1))

    def _money(self, m: re.Match[str], text: str) -> str | None:
        if m.group(1):
            return self.r.money(m.group(1), "euro")
        lev = m.re.groups >= 4 and m.group(4)
        return self.r.money(m.group(2), "lev" if lev else "euro")

    def _cue(self, m: re.Match[str], text: str) -> str | None:
        cue = m.group(1)
        said_cue = self.r.word(cue) or cue
        gap = " " if m.group(2).strip() in ("", ":") else f" {self.r.spell(m.group(2).strip())} "
        return f"{said_cue}{gap}{self.r.grouped_digits(m.group(3))}"

    def _ordinal(self, m: re.Match[str], text: str) -> str | None:
        gender = self.t.numerals["ordinal_suffixes"].get(m.group(2), "m")
        return self.r.n.ordinal(int(m.group(1)), gender)

    def _range(self, m: re.Match[str], text: str) -> str | None:
        gender = self._gender_after(text)
        return self.r.range(self.r.number(m.group(1), gender), self.r.number(m.group(2), gender))

    def _unitbefore(self, m: re.Match[str], text: str) -> str | None:
        spec = self.t.units[m.group(1)]
        value = int(re.sub(r"\D", "", m.group(2)))
        said = self.r.n.cardinal(value, spec.get("gender", "n"))
        return str(spec.get("format", "{unit} {number}")).format(
            unit=self.r.n.plural(spec.get("forms", [m.group(1)] * 3), value), number=said
        )

    def _number(self, m: re.Match[str], text: str) -> str | None:
        whole, fraction = m.group(1), m.group(3)
        decimal_sign = str(self.t.numerals.get("decimal_separator", ","))
        if fraction and m.group(2) != decimal_sign and len(fraction) == 3:
            whole, fraction = (
                f"{whole} {fraction}",
                None,
            )  # "1,000" in English, "1.000" in Bulgarian
        unit = m.group(4) if m.re.groups >= 4 else None
        if unit:
            gender = self.r.unit_gender(unit)
            value = int(re.sub(r"\D", "", whole))
            said = (
                self.r.decimal(whole, fraction, gender)
                if fraction
                else self.r.number(whole, gender)
            )
            return self.r.unit(unit, value if not fraction else 2, said)
        gender = self._gender_after(text)
        if fraction:
            return self.r.decimal(whole, fraction, gender)
        return self.r.number(whole, gender)

    def _mixed(self, m: re.Match[str], text: str) -> str | None:
        """Letters and digits together ("Иван1950", "A4"): each run said on its own."""
        said = []
        for run in re.findall(r"\d+|[^\W\d_]+", m.group(0)):
            if run.isdigit():
                said.append(self.r.number(run))
            else:
                listed = self.r.word(run)
                short_latin = run.isascii() and len(run) <= 3
                said.append(listed or (self.r.spell(run) if short_latin else run))
        return " ".join(said)

    def _cyrword(self, m: re.Match[str], text: str) -> str | None:
        return self.r.word(m.group(0))

    def _latin(self, m: re.Match[str], text: str) -> str | None:
        return self.r.word(m.group(0))

    def _cyrillic(self, m: re.Match[str], text: str) -> str | None:
        word = m.group(0)
        if self.t.lang in ("en", "tr"):
            return self.r.transliterate(word)
        changed = self.r.chars(word)
        return changed if changed != word else None

    def _symbol(self, m: re.Match[str], text: str) -> str | None:
        return self.t.symbols.get(m.group(0))


@functools.cache
def pronouncer(lang: str) -> Pronouncer | None:
    table = load_table(lang)
    return Pronouncer(table) if table is not None else None


def pronounce(text: str, lang: str) -> Spoken:
    """`text` as the voice should say it in `lang` (unchanged when the language has no table)."""
    layer = pronouncer(lang)
    if layer is None:
        return Spoken(text, text, (Piece(0, len(text), 0, len(text), False),) if text else ())
    return layer(text)


_LEFT_LATIN = re.compile(rf"{_LATIN}")
_LEFT_CYRILLIC = re.compile(rf"{_CYRILLIC}")
_LEFT_OTHER = re.compile(r"\d+|[^\w\s" + re.escape(_PUNCTUATION) + r"]")
_ABBREVIATION = re.compile(r"(?<!\w)[А-ЯЁЇІЄҐ]{2,}(?!\w)")


def leftovers(text: str, lang: str) -> list[str]:
    """What the layer leaves for the voice to guess: digits, symbols, Latin words in bg or uk
    (Cyrillic in en or tr) and capitalised abbreviations that no table lists."""
    foreign = _LEFT_CYRILLIC if lang in ("en", "tr") else _LEFT_LATIN
    found: list[str] = []
    for _start, chunk in pronounce(text, lang).kept():
        for pattern in (foreign, _LEFT_OTHER, _ABBREVIATION):
            found += [m.group(0) for m in pattern.finditer(chunk)]
    return list(dict.fromkeys(found))
