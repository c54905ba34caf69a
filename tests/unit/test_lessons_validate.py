"""The lesson validator: the shipped course is clean; each broken file is reported at its line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from kiosk.i18n import current_language, set_language
from kiosk.lessons_cli import main
from kiosk.services.lessons.extract import strings_in
from kiosk.services.lessons.files import LESSONS_DIR
from kiosk.services.lessons.validate import validate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lessons"
SAMPLE = FIXTURES / "valid" / "l90-sample.yaml"
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
# Before every review date in the fixtures, so only the files' own problems show.
TODAY = date(2026, 12, 1)
EXPECT = re.compile(r"#\s*expect:\s*(error|warning):\s*(.+?)\s*$")


def _expected(path: Path) -> dict[int, tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {n: (m[1], m[2]) for n, line in enumerate(lines, 1) if (m := EXPECT.search(line))}


def _same_file(reported: str, path: Path) -> bool:
    return Path(reported).resolve() == path.resolve()


def test_shipped_course_has_no_errors() -> None:
    problems = validate(LESSONS_DIR, today=date.today())
    assert [str(p) for p in problems if p.severity == "error"] == []


def test_shipped_course_is_not_due_for_review_before_its_dates() -> None:
    assert [str(p) for p in validate(LESSONS_DIR, today=date(2027, 1, 1))] == []


def test_the_sample_lesson_is_valid() -> None:
    assert [str(p) for p in validate(SAMPLE, today=TODAY, languages=())] == []


def test_there_are_broken_fixtures_for_each_kind_of_problem() -> None:
    names = {p.stem for p in BROKEN}
    kinds = (
        "unknown-widget unknown-step-type missing-image bad-prerequisite bad-hint-target "
        "bad-correct no-feedback no-narration long-body banned-word long-card few-questions "
        "overdue no-freshness"
    )
    assert set(kinds.split()) <= names


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_is_reported_at_its_line(path: Path) -> None:
    expected = _expected(path)
    assert expected, f"{path.name} marks no '# expect:' line"
    problems = validate(path, today=TODAY, languages=())
    for line, (severity, text) in expected.items():
        assert any(
            _same_file(p.at.file, path)
            and p.at.line == line
            and p.severity == severity
            and text in p.message
            for p in problems
        ), f"{path.name}:{line}: no {severity} with {text!r}; got:\n" + "\n".join(
            map(str, problems)
        )
    # One mistake, one message: nothing elsewhere, and nothing more on the marked lines.
    unexpected = [
        str(p) for p in problems if not (_same_file(p.at.file, path) and p.at.line in expected)
    ]
    assert unexpected == []
    assert len(problems) == len(expected), "\n".join(map(str, problems))


# English words a Bulgarian message may not keep once the quoted names and values are taken out
# (a template or a part's name, "step 'sort'", left untranslated).
_ENGLISH = re.compile(r"\b(the|of|in|is|must|needs|step|lesson|widget|question|option|hint)\b")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\{[^}]*\}|\([^)]*\)")


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_every_message_of_a_broken_file_is_said_in_bulgarian(path: Path) -> None:
    english = validate(path, today=TODAY, languages=())
    before = current_language()
    set_language("bg")
    try:
        bulgarian = validate(path, today=TODAY, languages=())
    finally:
        set_language(before)
    assert sorted((p.at.line, p.severity) for p in bulgarian) == sorted(
        (p.at.line, p.severity) for p in english
    )
    said = {p.message for p in english}
    for problem in bulgarian:
        assert problem.message not in said, problem.message
        assert not _ENGLISH.search(_QUOTED.sub("", problem.message)), problem.message


def _po(tmp_path: Path, translations: dict[str, str]) -> Path:
    catalog = Catalog(locale="en", domain="lessons")
    for msgid, msgstr in translations.items():
        catalog.add(msgid, msgstr)
    po = tmp_path / "en" / "LC_MESSAGES" / "lessons.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as handle:
        write_po(handle, catalog)
    return tmp_path


def test_an_untranslated_string_is_reported_at_its_line(tmp_path: Path) -> None:
    strings = list(strings_in(SAMPLE.read_text(encoding="utf-8")))
    missing_line, missing, _path = next(s for s in strings if s[1] == "Гледайте ръката.")
    locales = _po(
        tmp_path, {msgid: "translated" for _line, msgid, _p in strings if msgid != missing}
    )
    problems = validate(SAMPLE, today=TODAY, locales_dir=locales)
    assert [(p.at.line, p.severity) for p in problems] == [(missing_line, "error")]
    assert "no en translation" in problems[0].message and missing in problems[0].message


def test_a_fuzzy_or_empty_translation_does_not_count(tmp_path: Path) -> None:
    strings = [msgid for _line, msgid, _p in strings_in(SAMPLE.read_text(encoding="utf-8"))]
    catalog = {msgid: "" for msgid in strings}
    catalog[strings[0]] = "Sample lesson"
    locales = _po(tmp_path, catalog)
    po = locales / "en" / "LC_MESSAGES" / "lessons.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace(f'msgid "{strings[0]}"', f'#, fuzzy\nmsgid "{strings[0]}"'), "utf-8")
    # Every occurrence of every string is reported: the empty ones as errors; the fuzzy one
    # (the Bulgarian changed after it was translated) is shown to learners, so it only warns.
    problems = validate(SAMPLE, today=TODAY, locales_dir=locales)
    assert len(problems) == len(strings)
    warned = [p for p in problems if p.severity == "warning"]
    assert len(warned) == 1 and "is from before the Bulgarian changed" in warned[0].message


def test_an_edited_bulgarian_text_keeps_its_last_translation_for_review(tmp_path: Path) -> None:
    from kiosk.i18n_tools import _keep_by_field

    field = "lesson field: l90-sample.intro.body"
    before = Catalog(locale="en", domain="lessons")
    before.add("Докоснете зеления бутон.", "Touch the green button.", auto_comments=[field])
    after = Catalog(locale="en", domain="lessons")
    after.add("Докоснете големия зелен бутон веднъж.", "", auto_comments=[field])
    after.add("Друг текст.", "", auto_comments=["lesson field: l90-sample.recap.body"])
    po = tmp_path / "lessons.po"
    with po.open("wb") as handle:
        write_po(handle, after)
    _keep_by_field(po, before)
    with po.open("rb") as handle:
        kept = read_po(handle)
    edited = kept["Докоснете големия зелен бутон веднъж."]
    assert edited.string == "Touch the green button." and edited.fuzzy
    assert kept["Друг текст."].string == ""  # nothing to keep: still untranslated


def test_an_edited_line_round_trips_without_piling_up_comments(tmp_path: Path) -> None:
    from kiosk.i18n_tools import _keep_by_field

    field = "lesson field: l90-sample.intro.body"
    before = Catalog(locale="uk", domain="lessons")
    before.add("Стар текст.", "Старий текст.", auto_comments=[field])
    after = Catalog(locale="uk", domain="lessons")
    after.add("Нов текст.", "", auto_comments=[field])
    # what Babel made of an earlier "#| msgid" line when it read the catalog back
    after.add("Друг текст.", "Інший текст.", user_comments=['| msgid "Стар друг текст."'])
    po = tmp_path / "lessons.po"
    with po.open("wb") as handle:
        write_po(handle, after)
    for _round in range(2):  # as two runs of i18n update would
        _keep_by_field(po, before)
    text = po.read_text(encoding="utf-8")
    assert "| msgid" not in text
    with po.open("rb") as handle:
        kept = read_po(handle)
    assert kept["Нов текст."].string == "Старий текст." and kept["Нов текст."].fuzzy
    assert kept["Друг текст."].user_comments == []


def test_a_wrapped_field_comment_still_names_its_own_field(tmp_path: Path) -> None:
    from kiosk.i18n_tools import _keep_by_field

    # Babel wraps a long comment after "lesson field:"; every wrapped entry must not share one
    # key (a new line once got the translation of an unrelated one, marked for review).
    long_a = ["lesson field:", "l90-sample.kiosk-try.widget.params.settings.text-size.label"]
    long_b = ["lesson field:", "l90-sample.inbox-try.widget.params.messages.courier.sender"]
    before = Catalog(locale="uk", domain="lessons")
    before.add("Обикновен", "Звичайний", auto_comments=long_a)
    after = Catalog(locale="uk", domain="lessons")
    after.add("Обикновен", "Звичайний", auto_comments=long_a)
    after.add("Куриер", "", auto_comments=long_b)
    po = tmp_path / "lessons.po"
    with po.open("wb") as handle:
        write_po(handle, after)
    _keep_by_field(po, before)
    with po.open("rb") as handle:
        kept = read_po(handle)
    assert kept["Куриер"].string == "" and not kept["Куриер"].fuzzy


def test_a_new_lesson_line_is_not_given_a_similar_lines_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk import i18n_tools

    pot = Catalog(domain="lessons")
    pot.add("Въпрос 1 от 3", auto_comments=["lesson field: l90-sample.check-a.title"])
    pot.add("Въпрос 1 от 4", auto_comments=["lesson field: l91-other.check-a.title"])
    with (tmp_path / "lessons.pot").open("wb") as handle:
        write_po(handle, pot)
    before = Catalog(locale="uk", domain="lessons")
    before.add(
        "Въпрос 1 от 3", "Питання 1 з 3", auto_comments=["lesson field: l90-sample.check-a.title"]
    )
    (tmp_path / "uk" / "LC_MESSAGES").mkdir(parents=True)
    with (tmp_path / "uk" / "LC_MESSAGES" / "lessons.po").open("wb") as handle:
        write_po(handle, before)
    monkeypatch.setattr(i18n_tools, "LOCALES_DIR", tmp_path)
    monkeypatch.setattr(i18n_tools, "LANGUAGES", ("uk",))
    monkeypatch.setattr(i18n_tools, "_domains", lambda: ["lessons"])
    i18n_tools.update()
    with (tmp_path / "uk" / "LC_MESSAGES" / "lessons.po").open("rb") as handle:
        after = read_po(handle)
    assert after["Въпрос 1 от 3"].string == "Питання 1 з 3"
    new = after["Въпрос 1 от 4"]
    assert new.string == "" and not new.fuzzy  # untranslated, not another line's words


def test_an_installed_kiosk_validates_against_the_compiled_catalog(tmp_path: Path) -> None:
    strings = list(strings_in(SAMPLE.read_text(encoding="utf-8")))
    missing_line, missing, _path = next(s for s in strings if s[1] == "Гледайте ръката.")
    locales = _po(
        tmp_path, {msgid: "translated" for _line, msgid, _p in strings if msgid != missing}
    )
    po = locales / "en" / "LC_MESSAGES" / "lessons.po"
    with po.open("rb") as source, po.with_suffix(".mo").open("wb") as compiled:
        write_mo(compiled, read_po(source))
    po.unlink()
    problems = validate(SAMPLE, today=TODAY, locales_dir=locales)
    assert [(p.at.line, p.severity) for p in problems] == [(missing_line, "error")]


def _compiled(locales: Path, lang: str, translations: dict[str, str]) -> None:
    catalog = Catalog(locale=lang, domain="lessons")
    for msgid, msgstr in translations.items():
        catalog.add(msgid, msgstr)
    po = locales / lang / "LC_MESSAGES" / "lessons.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as handle:
        write_po(handle, catalog)
    with po.with_suffix(".mo").open("wb") as handle:
        write_mo(handle, catalog)


def test_a_translated_lesson_is_checked_with_its_languages_spoken_rules(tmp_path: Path) -> None:
    strings = list(strings_in(SAMPLE.read_text(encoding="utf-8")))
    line, hint, _path = next(s for s in strings if s[1] == "Гледайте ръката.")
    whole = {msgid: "Дивіться уважно." for _line, msgid, _p in strings}
    whole[hint] = "Подивіться на Blinkenlights."  # a word the Ukrainian voice cannot place
    _compiled(tmp_path, "uk", whole)
    problems = validate(SAMPLE, today=TODAY, locales_dir=tmp_path, languages=(), spoken=("uk",))
    assert [(p.at.line, p.severity) for p in problems] == [(line, "warning")]
    assert problems[0].message.startswith("uk: ") and "Blinkenlights" in problems[0].message


def test_a_partly_translated_lesson_is_not_checked_in_that_language(tmp_path: Path) -> None:
    # The kiosk shows such a lesson in Bulgarian, so its translation is not spoken yet.
    strings = list(strings_in(SAMPLE.read_text(encoding="utf-8")))
    _compiled(tmp_path, "uk", {strings[0][1]: "Подивіться на Blinkenlights."})
    assert validate(SAMPLE, today=TODAY, locales_dir=tmp_path, languages=(), spoken=("uk",)) == []


def test_a_missing_catalog_is_an_error(tmp_path: Path) -> None:
    problems = validate(SAMPLE, today=TODAY, locales_dir=tmp_path)
    assert [p.message for p in problems] == ["there is no en catalog for the lessons"]


def test_overdue_review_is_a_warning_with_exit_code_zero(
    capsys: pytest.CaptureFixture[str],
) -> None:
    overdue = FIXTURES / "broken" / "overdue.yaml"
    assert main(["validate", str(overdue), "--today", "2026-12-01"]) == 1  # untranslated strings
    out = capsys.readouterr()
    assert "warning: lesson 'l9x-overdue' was due for review on 2026-11-15" in out.out
    assert main(["validate", str(LESSONS_DIR), "--today", "2099-01-01"]) == 0
    assert "was due for review" in capsys.readouterr().out
    assert main(["validate", str(LESSONS_DIR), "--today", "2099-01-01", "--strict"]) == 1


def test_cli_prints_path_line_severity_message(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "broken" / "unknown-widget.yaml"
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    line = next(n for n, (_s, text) in _expected(path).items() if "tap_dance" in text)
    assert re.search(rf"unknown-widget\.yaml:{line}: error: unknown widget type 'tap_dance'", err)


def test_a_nul_byte_is_a_clear_problem_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    text[9] = text[9].rstrip("\n") + "\x00\n"
    path = tmp_path / "nul.yaml"
    path.write_text("".join(text), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "ReaderError" not in err
    assert re.search(r"nul\.yaml:10: error: .*not allowed in YAML \(U\+0000\)", err), err


def test_an_image_outside_the_course_folder_is_refused_even_through_a_link(
    tmp_path: Path,
) -> None:
    course = tmp_path / "course"
    (course / "images").mkdir(parents=True)
    (tmp_path / "secret.svg").write_text("<svg/>", encoding="utf-8")
    (course / "images" / "link.svg").symlink_to(tmp_path / "secret.svg")
    (course / "course.yaml").write_text("id: c\n", encoding="utf-8")
    lesson = course / "l.yaml"
    lesson.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("images/sample.svg", "images/link.svg"),
        encoding="utf-8",
    )
    problems = [p for p in validate(lesson, today=TODAY, languages=()) if "image" in p.message]
    assert [p.message for p in problems] == [
        "the image 'images/link.svg' leads out of the course folder"
    ]


def test_cli_on_a_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "nothing")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["validate", str(tmp_path)]) == 1
    assert "there is no course.yaml here" in capsys.readouterr().err


def test_a_circle_of_prerequisites_is_an_error(tmp_path: Path) -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "sample.svg").write_bytes(
        (FIXTURES / "images" / "sample.svg").read_bytes()
    )
    for name, needs in (("one", "two"), ("two", "three"), ("three", "one")):
        text = sample.replace("id: l90-sample", f"id: {name}", 1).replace(
            "prerequisites: []", f"prerequisites:\n  - {{lesson: {needs}, kind: hard}}"
        )
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "course.yaml").write_text(
        "id: c\nversion: '1'\ntitle: Курс\nmodules:\n  - id: m\n    order: 1\n    title: М\n"
        "    summary: С\n    lessons: [one.yaml, two.yaml, three.yaml]\n",
        encoding="utf-8",
    )
    problems = validate(tmp_path, today=TODAY, languages=())
    assert [(Path(p.at.file).name, p.at.line, p.message) for p in problems] == [
        ("one.yaml", 2, "the prerequisites go round in a circle: one → two → three → one")
    ]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id: x\nbody: Вярно или не: полицията\n", 2, "a colon and a space inside the text"),
        ("id: x\n\tbody: y\n", 2, "indent with spaces only"),
        ("id: x\nbody: @sofia\n", 2, 'the text starts with "@"'),
        ("id: x\nbody: *123#\n", 2, 'the text starts with "*"'),
        ('id: x\nbody: "abc\nnext: y\n', 2, "a quotation mark opened here is never closed"),
        ("steps:\n  - id: a\n    type: b\n   title: c\n", 4, "not indented like"),
        ("x: {id: a, text: b\n", 2, "is not closed with }"),
        ('a: 1\nbody: "Кажете" и после\n', 2, "after the closing quotation mark"),
        ("steps:\n  - id: a\n    text: ? Какво\n    next: b\n", 3, "question mark must be in"),
        ("body: | x\n  y\n", 1, "start the text on the next line"),
    ],
)
def test_yaml_mistakes_are_said_in_plain_words_at_their_line(
    text: str, line: int, words: str
) -> None:
    from kiosk.services.lessons.yaml_lines import YamlSyntaxError, parse_yaml

    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    assert caught.value.line == line and words in str(caught.value)
    assert "not allowed in this context" not in str(caught.value)


def test_a_file_that_is_not_utf8_is_one_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = SAMPLE.read_bytes().split(b"\n")
    data[4] += " café".encode("latin-1")
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"\n".join(data))
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        len(err) == 1 and "latin1.yaml:5: error: " in err[0] and "save the file as UTF-8" in err[0]
    )
