"""One word for each thing, and "Вие" to the resident: the catalogs against docs/glossary.md.

The glossary is the single source: its words table gives the forbidden variants per language,
its "ти" table the Bulgarian singular imperatives, its exceptions table the labels of imitated
apps. Every translation in the interface catalogs is checked, and the Bulgarian text of the
lessons (the msgids of the lessons domain) for "ти" forms outside quoted speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
LOCALES = ROOT / "locales"
LANGUAGES = ("bg", "en", "uk", "tr")

# a word character in any script (Cyrillic included): letters, digits, the underscore
_EDGE_BEFORE = r"(?<![\w])"
_EDGE_AFTER = r"(?![\w])"
# words after which a ти-looking form is not an imperative: a present tense after да, ще, би,
# нека ("не може да запази"); any form after a short pronoun, which in Bulgarian never comes
# before an imperative ("се отвори", "го намери")
_NOT_IMPERATIVE_AFTER = re.compile(
    r"(?:^|\W)(?:да|ще|би|нека|се|си|го|я|ги|му|ѝ|им|ми|ме|ни|ви|ти|те)\s+$", re.IGNORECASE
)
# placeholders are code, not words: {id}, %(n)d, %1, %s
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|%\d|%[sd]")
# the polite pronoun with a capital inside a sentence ("Сигналът Ви"): the rule is lower case
_CAPITAL_VIE = re.compile(r"(?<![\w])(?:Вие|Ви|Вас|Ваш\w*)(?![\w])")
# lesson fields that are quoted speech: a pretend call's lines and replies, a chat's script,
# a shown message
_QUOTED_FIELDS = re.compile(r"\.widget\.params\.(?:nodes|messages|script)\.")
# quoted speech in a lesson: „…“ «…» "…" “…”
_QUOTED = re.compile(r"„[^“”\"]*[“”\"]|«[^»]*»|\"[^\"]*\"|“[^”]*”")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;]\s+|[(„«\"“]\s*)$")


@dataclass(frozen=True)
class Glossary:
    forbidden: dict[str, list[tuple[str, re.Pattern[str]]]]  # lang -> (variant, pattern)
    ti_forms: dict[str, str]  # the "ти" form -> the "Вие" form
    imitated: tuple[str, ...]  # words of other apps and bodies, where a "ти" form is right


@dataclass(frozen=True)
class Finding:
    where: str
    word: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.word!r} in {self.text!r}"


def _variant_pattern(variant: str) -> re.Pattern[str]:
    stem = variant.endswith("*")
    words = variant.rstrip("*").split()
    body = r"\s+".join(re.escape(w) for w in words)
    tail = r"\w*" if stem else ""
    # an abbreviation in capitals ("ID") is matched as written: a lesson file's field `id`,
    # named in the validator's messages for trainers, is not the report's number
    flags = 0 if variant.rstrip("*").isupper() else re.IGNORECASE
    return re.compile(_EDGE_BEFORE + body + tail + _EDGE_AFTER, flags)


def _table_rows(text: str, header_start: str) -> list[list[str]]:
    """The cells of each body row of the first table whose header starts with header_start."""
    rows: list[list[str]] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip().startswith("|") and line.strip().lstrip("| ").startswith(header_start):
            for row in lines[i + 2 :]:
                row = row.strip()
                if not row.startswith("|"):
                    break
                rows.append([cell.strip() for cell in row.strip("|").split("|")])
            return rows
    raise AssertionError(f"docs/glossary.md has no table headed {header_start!r}")


def parse_glossary(text: str) -> Glossary:
    forbidden: dict[str, list[tuple[str, re.Pattern[str]]]] = {lang: [] for lang in LANGUAGES}
    for cells in _table_rows(text, "Thing"):
        for part in cells[5].split(";"):
            lang, sep, variants = part.strip().partition(":")
            if not sep:
                assert not part.strip(), f"glossary: a forbidden list without a language: {part!r}"
                continue
            assert lang.strip() in forbidden, f"glossary: unknown language {lang!r}"
            for variant in filter(None, (v.strip() for v in variants.split(","))):
                forbidden[lang.strip()].append((variant, _variant_pattern(variant)))
    ti_forms = {cells[0]: cells[1] for cells in _table_rows(text, "Forbidden (")}
    imitated = tuple(cells[0] for cells in _table_rows(text, "Their words"))
    return Glossary(forbidden, ti_forms, imitated)


def _texts(catalog: Catalog, *, source: bool) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for message in catalog:
        if not message.id:
            continue
        value = message.id if source else message.string
        for text in (value,) if isinstance(value, str) else value:
            if text:
                out.append((message.lineno, text))
    return out


def _without_imitated(text: str, glossary: Glossary, *, whole: bool) -> str:
    """Blank out the imitated apps' labels: the whole text, a quoted label, or a capitalised
    label inside a sentence (a button's name: "Докоснете Вдигни")."""
    if whole and text.strip() in glossary.imitated:
        return ""
    for label in sorted(glossary.imitated, key=len, reverse=True):
        if " " in label:  # a phrase is specific enough to leave out wherever it stands
            text = re.sub(re.escape(label), " ", text, flags=re.IGNORECASE)
            continue
        quoted = re.compile(r"([„«\"“])" + re.escape(label) + r"([“”»\"])")
        text = quoted.sub(r"\1 \2", text)
        inline = re.compile(r"(?<=[\w,]\s)" + re.escape(label) + _EDGE_AFTER)
        text = inline.sub(" ", text)
    return text


def ti_findings(text: str, glossary: Glossary) -> list[str]:
    words = "|".join(re.escape(form) for form in glossary.ti_forms)
    pattern = re.compile(_EDGE_BEFORE + f"({words})" + _EDGE_AFTER, re.IGNORECASE)
    found = []
    for match in pattern.finditer(text):
        if _NOT_IMPERATIVE_AFTER.search(text[: match.start()]):
            continue
        found.append(match.group(1))
    return found


def check_catalog(path: Path, lang: str, glossary: Glossary, *, where: str) -> list[Finding]:
    """Forbidden variants in every translation; in Bulgarian also the "ти" forms."""
    with path.open("rb") as f:
        catalog = read_po(f)
    findings = []
    for lineno, raw in _texts(catalog, source=False):
        text = _PLACEHOLDER.sub(" ", raw)
        for variant, pattern in glossary.forbidden.get(lang, []):
            if pattern.search(text):
                findings.append(Finding(f"{where}:{lineno}", variant, raw))
        if lang == "bg":
            clean = _without_imitated(text, glossary, whole=True)
            for word in ti_findings(clean, glossary):
                findings.append(Finding(f"{where}:{lineno}", word, raw))
            for match in _CAPITAL_VIE.finditer(text):
                if not _SENTENCE_START.search(text[: match.start()]):
                    findings.append(Finding(f"{where}:{lineno}", match.group(0), raw))
    return findings


def check_lessons(path: Path, glossary: Glossary, *, where: str) -> list[Finding]:
    """The lessons' Bulgarian text (the msgids) for "ти" forms, quoted speech left out."""
    with path.open("rb") as f:
        catalog = read_po(f)
    findings = []
    for message in catalog:
        if not message.id:
            continue
        source = ", ".join(f"{file}:{line}" for file, line in message.locations) or where
        if any(_QUOTED_FIELDS.search(comment) for comment in message.auto_comments):
            continue
        for text in (message.id,) if isinstance(message.id, str) else message.id:
            clean = _QUOTED.sub(" ", _without_imitated(text, glossary, whole=False))
            for word in ti_findings(clean, glossary):
                findings.append(Finding(f"{where}:{message.lineno} ({source})", word, text))
    return findings


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return parse_glossary(GLOSSARY.read_text(encoding="utf-8"))


def test_the_glossary_parses_into_rules(glossary: Glossary) -> None:
    assert {"разписк*", "обратно"} <= {v for v, _ in glossary.forbidden["bg"]}
    assert glossary.forbidden["en"] and glossary.forbidden["uk"] and glossary.forbidden["tr"]
    assert glossary.ti_forms["докосни"] == "докоснете"
    assert "Вдигни" in glossary.imitated


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_interface_catalog_keeps_to_the_glossary(glossary: Glossary, lang: str) -> None:
    path = LOCALES / lang / "LC_MESSAGES" / "kiosk.po"
    findings = check_catalog(path, lang, glossary, where=path.relative_to(ROOT).as_posix())
    assert not findings, "\n".join(map(str, findings))


def test_the_lessons_address_the_learner_as_vie(glossary: Glossary) -> None:
    path = LOCALES / "en" / "LC_MESSAGES" / "lessons.po"  # its msgids are the Bulgarian text
    findings = check_lessons(path, glossary, where=path.relative_to(ROOT).as_posix())
    assert not findings, "\n".join(map(str, findings))


def _fake_catalog(tmp_path: Path, lang: str, entries: list[tuple[str, str]]) -> Path:
    catalog = Catalog(locale=lang)
    for msgid, msgstr in entries:
        catalog.add(msgid, msgstr)
    path = tmp_path / f"{lang}.po"
    with path.open("wb") as f:
        write_po(f, catalog)
    return path


def test_the_check_finds_forbidden_words_and_ti_forms(glossary: Glossary, tmp_path: Path) -> None:
    bg = _fake_catalog(
        tmp_path,
        "bg",
        [
            ("Back", "Обратно"),
            ("Your receipt", "Вашата РАЗПИСКА е готова"),
            ("Touch Next", "Докосни „Напред“."),
            ("Please type it", "Моля, въведи го."),
            ("Fine", "Киоскът не може да запази това."),  # a present tense: not counted
            ("Answer", "Вдигни"),  # an imitated phone's label
            ("Now touch Send", "Сега докоснете „Изпрати“."),  # naming that label
            ("Print", "Отпечатайте листчето"),
            ("Opened", "Докоснахте и се отвори екран."),  # after a pronoun: not an imperative
            ("Sent", "Сигналът Ви е изпратен."),  # capital Ви inside a sentence
            ("Yours", "Вашият номер е {id}."),  # capital at the start; a placeholder is code
        ],
    )
    findings = check_catalog(bg, "bg", glossary, where="bg.po")
    assert sorted(f.word for f in findings) == ["Ви", "Докосни", "въведи", "обратно", "разписк*"]
    assert all(re.fullmatch(r"bg\.po:\d+", f.where) for f in findings)

    en = _fake_catalog(tmp_path, "en", [("Your receipt", "Your receipt number")])
    assert [f.word for f in check_catalog(en, "en", glossary, where="en.po")] == [
        "receipt number",
        "receipt*",
    ]


def test_the_lesson_check_leaves_quoted_speech_alone(glossary: Glossary, tmp_path: Path) -> None:
    lessons = _fake_catalog(
        tmp_path,
        "en",
        [
            ("Измамникът казва: „Кажи ми кода.“ Не отговаряйте.", "x"),
            ("Съобщението: «Изпрати ми пари».", "x"),
            ("Докоснете Вдигни и слушайте.", "x"),
            ("Натисни зеления бутон.", "x"),
        ],
    )
    catalog_text = lessons.read_text(encoding="utf-8")
    lessons.write_text(
        catalog_text.replace(
            'msgid "Съобщението',
            '#. lesson field: l09.chat.widget.params.messages[0].text\nmsgid "Съобщението',
        ),
        encoding="utf-8",
    )
    findings = check_lessons(lessons, glossary, where="lessons.po")
    assert [f.word for f in findings] == ["Натисни"]
