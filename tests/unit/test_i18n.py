"""The catalogs: complete in Bulgarian and English, placeholders kept in every language — and the
check itself finds what it must."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kiosk import i18n, i18n_tools


def test_the_shipped_catalogs_are_complete_and_consistent() -> None:
    assert i18n_tools.problems() == []


def write_catalog(folder: Path, lang: str, entries: list[tuple[str, str, bool]]) -> None:
    catalog = Catalog(locale=lang)
    for msgid, msgstr, fuzzy in entries:
        catalog.add(msgid, msgstr, flags=("fuzzy",) if fuzzy else ())
    path = folder / lang / "LC_MESSAGES" / "kiosk.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog)


@pytest.fixture
def fake_locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    locales = tmp_path / "locales"
    (tmp_path / "babel.cfg").write_text("[python: x.py]\n", encoding="utf-8")
    monkeypatch.setattr(i18n_tools, "LOCALES_DIR", locales)
    monkeypatch.setattr(i18n_tools, "ROOT", tmp_path)
    monkeypatch.setattr(i18n_tools, "_only", "kiosk")
    for lang in i18n.LANGUAGES:
        write_catalog(locales, lang, [("Help", "x", False)])
    return locales


def test_the_check_finds_untranslated_fuzzy_and_placeholder_problems(fake_locales: Path) -> None:
    assert i18n_tools.problems() == []
    write_catalog(fake_locales, "bg", [("Help", "", False), ("More time", "Още", True)])
    write_catalog(fake_locales, "tr", [("{n} seconds", "{sayı} saniye", False)])
    write_catalog(fake_locales, "uk", [("Help", "", False)])  # uk may be incomplete
    found = "\n".join(i18n_tools.problems())
    assert "untranslated: 'Help'" in found and "fuzzy: 'More time'" in found
    assert "placeholders ['{n}']" in found
    assert "uk/" not in found


def test_qml_gets_none_for_a_missing_translation() -> None:
    assert i18n.lookup("No such message anywhere", "bg") is None


def test_qml_strings_reach_qt_translator_under_each_file_name(tmp_path: Path) -> None:
    """The .qm files answer a QML file's own context (Qt's translator is context-bound), for
    every language, with the gettext translation; an unknown string is left to the source."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from kiosk import i18n_qm

    _ = QCoreApplication.instance() or QCoreApplication([])
    messages = i18n_qm.qml_messages()
    assert "Main" in messages and len(messages) > 40
    context, source = next(
        (c, s) for c in sorted(messages) for s in sorted(messages[c])
        if i18n.lookup(s, "bg") not in (None, s)
    )  # fmt: skip
    # written aside, not over ui/i18n/: the kiosks of the other test workers have those mapped
    # (rewritten under them, they stopped with a bus error)
    written = {path.name: path for path in i18n_qm.write_all(tmp_path)}
    for lang in i18n.LANGUAGES:
        translator = QTranslator()
        assert translator.load(str(written[i18n_qm.qm_path(lang).name])), lang
        assert translator.translate(context, source) == (i18n.lookup(source, lang) or "")
        assert translator.translate(context, "No such message anywhere") == ""
    bg = QTranslator()
    bg.load(str(written["qml_bg.qm"]))
    assert bg.translate(context, source) != source


def test_every_interface_string_in_the_code_is_in_the_catalogs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A string added to Python or QML without `i18n update` would be shown in English on a
    Bulgarian screen: the catalogs must hold everything a fresh extraction finds."""
    from babel.messages.pofile import read_po

    pot = tmp_path / "kiosk.pot"
    monkeypatch.chdir(i18n_tools.ROOT)
    i18n_tools._pybabel("extract", "-F", "babel.cfg", "-k", "qsTr", "-o", str(pot), ".")
    with pot.open("rb") as f:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    with (i18n.LOCALES_DIR / "bg" / "LC_MESSAGES" / "kiosk.po").open("rb") as f:
        held = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    missing = sorted(wanted - held)
    assert not missing, f"run `python -m kiosk i18n update` and translate: {missing[:5]}"


def test_compiling_puts_each_catalog_in_place_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog is compiled under another name and then renamed over the old one, so a kiosk
    reading it meanwhile never meets half a file."""
    from kiosk import i18n_qm

    catalog = Catalog(locale="uk", domain="kiosk")
    catalog.add("Back", "Назад")
    (tmp_path / "uk" / "LC_MESSAGES").mkdir(parents=True)
    with (tmp_path / "uk" / "LC_MESSAGES" / "kiosk.po").open("wb") as handle:
        write_po(handle, catalog)
    old_mo = tmp_path / "uk" / "LC_MESSAGES" / "kiosk.mo"
    old_mo.write_bytes(b"the old catalog")
    inode = old_mo.stat().st_ino
    monkeypatch.setattr(i18n_tools, "LOCALES_DIR", tmp_path)
    monkeypatch.setattr(i18n_tools, "LANGUAGES", ("uk",))
    monkeypatch.setattr(i18n_tools, "_domains", lambda: ["kiosk"])
    monkeypatch.setattr(i18n_qm, "write_all", lambda: [])  # ui/i18n/ stays as it is
    i18n_tools.compile_all(quiet=True)
    assert sorted(p.name for p in old_mo.parent.iterdir()) == ["kiosk.mo", "kiosk.po"]
    assert old_mo.stat().st_ino != inode  # a new file, renamed into place
    assert old_mo.read_bytes().startswith(b"\xde\x12\x04\x95")  # a gettext .mo


def test_qml_catalogs_are_written_whole_then_renamed(tmp_path: Path) -> None:
    from kiosk import i18n_qm

    old = tmp_path / "qml_bg.qm"
    old.write_bytes(b"the old catalog")
    inode = old.stat().st_ino
    written = i18n_qm.write_all(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    assert old.stat().st_ino != inode
