"""The lesson library: content packages and the site's folder, each checked by the validator;
a folder it rejects is refused with its errors while the others are shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.i18n import LOCALES_DIR
from kiosk.lessons_cli import main as lessons_main
from kiosk.services.lessons import library as lib
from kiosk.services.lessons.files import LESSONS_DIR
from kiosk.services.lessons.library import Library, find_sources
from kiosk.services.lessons.pack import pack
from tests.lesson_folders import broken, site_course


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """/usr/share/silver-kiosk/lessons with silver-kiosk-lessons, as its .deb installs it (made
    once for the file: the tests only read it)."""
    packages = tmp_path_factory.mktemp("usr-share") / "packages"
    pack(LESSONS_DIR, packages / "silver-kiosk-lessons", LOCALES_DIR)
    return packages


def test_packed_course_is_read_from_the_package_with_its_own_catalogs(package: Path) -> None:
    library = Library(packages=package, site=None, bundled=None)
    shelf = library.load("en")
    assert shelf.refused == []
    assert [s.name for s in shelf.sources] == ["silver-kiosk-lessons"]
    assert len(shelf.course.lessons) >= 20
    assert shelf.course.lessons[0].title == "Tap, swipe, hold"  # from the package's lessons.mo
    assert shelf.languages.has("l01-touch", "en")
    assert set(shelf.roots.values()) == {package / "silver-kiosk-lessons"}
    # A language the package has no catalog for: the lessons in Bulgarian.
    shelf = library.load("xx")
    assert shelf.course.lessons[0].title == "Докосване, плъзгане, задържане"
    assert not shelf.languages.any_in("xx")


def test_site_lessons_are_added_after_the_packages(package: Path, tmp_path: Path) -> None:
    site = site_course(tmp_path, "slaveykov", lesson_id="l91-our-library")
    shelf = Library(packages=package, site=site.parent, bundled=None).load("en")
    assert [s.origin for s in shelf.sources] == ["package", "site"]
    assert shelf.course.lessons[-1].id == "l91-our-library"
    assert shelf.course.lessons[-1].title.startswith("EN ")
    assert shelf.roots["l91-our-library"] == site
    assert shelf.course.modules[-1].id == "slaveykov-module"


@pytest.mark.error_log  # the refused folder is logged as an error
def test_a_rejected_folder_is_refused_and_the_others_still_work(
    package: Path, tmp_path: Path
) -> None:
    good = site_course(tmp_path, "good", lesson_id="l91-good")
    bad = broken(site_course(tmp_path, "bad", lesson_id="l92-bad"))
    shelf = Library(packages=package, site=good.parent, bundled=None).load("bg")
    assert [s.name for s in shelf.sources] == ["silver-kiosk-lessons", "good"]
    assert [r.source.folder for r in shelf.refused] == [bad]
    refusal = shelf.refused[0]
    assert refusal.count >= 1
    assert "l90-sample.yaml" in refusal.problems[0] and "narration" in refusal.summary()
    assert "l92-bad" not in shelf.roots and "l91-good" in shelf.roots


@pytest.mark.error_log  # the refused folder is logged as an error
def test_a_folder_reusing_lesson_ids_is_refused(package: Path, tmp_path: Path) -> None:
    twin = site_course(tmp_path, "twin", lesson_id="l01-touch")
    shelf = Library(packages=package, site=twin.parent, bundled=None).load("bg")
    assert [r.source.name for r in shelf.refused] == ["twin"]
    assert "lesson id 'l01-touch' is also in" in shelf.refused[0].problems[0]


@pytest.mark.error_log  # the refused folder is logged as an error
def test_the_verdict_is_kept_until_the_folder_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = site_course(tmp_path, "kept")
    verdicts = tmp_path / "data" / "lesson-checks.json"
    checked: list[Path] = []
    real = lib.check
    monkeypatch.setattr(lib, "check", lambda source: checked.append(source.folder) or real(source))
    library = Library(packages=tmp_path / "none", site=folder.parent, bundled=None,
                      verdicts=verdicts)  # fmt: skip
    assert not library.load().refused
    assert not Library(packages=tmp_path / "none", site=folder.parent, bundled=None,
                       verdicts=verdicts).load().refused  # fmt: skip
    assert checked == [folder]  # the second kiosk start used the saved verdict
    broken(folder)
    assert library.load().refused
    assert checked == [folder, folder]
    assert len(json.loads(verdicts.read_text(encoding="utf-8"))) == 1  # old verdicts dropped


def test_the_bundled_course_is_the_fallback_only_without_packages(
    package: Path, tmp_path: Path
) -> None:
    assert [s.origin for s in find_sources(tmp_path / "none", None)] == ["bundled"]
    assert [s.origin for s in find_sources(package, None)] == ["package"]
    assert find_sources(tmp_path / "none", None, bundled=None) == []


def test_validate_without_a_path_checks_every_folder_the_kiosk_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = broken(site_course(tmp_path, "bad"))
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[lessons]\nsite_folder = "{site.parent}"\n', encoding="utf-8")
    from kiosk.__main__ import main

    assert main(["--config", str(config), "lessons", "validate", "--lang", "en"]) == 1
    out = capsys.readouterr()
    assert "l90-sample.yaml" in out.err and "narration" in out.err
    # A content folder is checked against its own catalogs.
    assert lessons_main(["validate", str(site), "--lang", "en"]) == 1
    assert lessons_main(["validate", str(site_course(tmp_path, "ok")), "--lang", "en"]) == 0
