"""Lessons from a site's folder in the running kiosk: a good course is listed beside the kiosk's
own lessons and shows its images; a folder the validator rejects is left out, the residents see
the rest, and the trainer's menu says which folder and why."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Settings
from kiosk.core.pin import hash_pin
from tests.lesson_folders import broken, site_course

from .conftest import find, find_paged, settle, tap, tap_at, walk

PIN = "24681357"


def _kiosk(make_kiosk: Any, tmp_path: Path, site: Path) -> Any:
    values = {
        "kiosk.trainer_pin_hash": hash_pin(PIN),
        "session.tap_filter_ms": 0,
        "session.default_language": "en",
        "paths.data_dir": str(tmp_path / "data"),
        "lessons.site_folder": str(site),
    }
    return make_kiosk(Settings(values), windowed=False, backend=True)


@pytest.mark.error_log  # the refused folder is logged
def test_site_lessons_are_listed_and_a_rejected_folder_is_left_out(
    make_kiosk: Any, tmp_path: Path
) -> None:
    good = site_course(tmp_path, "ours", lesson_id="l91-our-library")
    broken(site_course(tmp_path, "theirs", lesson_id="l92-broken"))
    kiosk = _kiosk(make_kiosk, tmp_path, good.parent)
    kiosk.bridges.session.begin()
    kiosk.bridges.nav.go("lessons")
    settle()
    lessons = kiosk.bridges.lessons
    ids = [entry["id"] for m in lessons.modules for entry in m["lessons"]]
    assert "l01-touch" in ids and ids[-1] == "l91-our-library" and "l92-broken" not in ids
    assert lessons.problem == ""  # the residents are not told about the trainer's problem
    tap(kiosk.window, find_paged(kiosk.window, "lesson-l91-our-library"))
    assert kiosk.bridges.nav.screen == "lesson-step"
    image = lessons.imageUrl("images/sample.svg")
    assert image.endswith("/ours/images/sample.svg") and Path(image[7:]).is_file()
    assert lessons.imageUrl("../theirs/images/sample.svg") == ""  # not out of its own folder


@pytest.mark.error_log  # the refused folder is logged
def test_the_trainer_menu_names_the_refused_folder(make_kiosk: Any, tmp_path: Path) -> None:
    bad = broken(site_course(tmp_path, "theirs", lesson_id="l92-broken"))
    kiosk = _kiosk(make_kiosk, tmp_path, bad.parent)
    kiosk.bridges.session.begin()
    for x, y in ((10, 10), (1910, 10), (1910, 1070), (10, 1070)):
        tap_at(kiosk.window, x, y)
    assert kiosk.bridges.trainer.tryPin(PIN)
    settle()
    assert kiosk.bridges.nav.screen == "trainer"
    notice = next(
        i for i in walk(kiosk.window.contentItem()) if i.objectName() == "trainerLessonsNotice"
    )
    deadline = time.monotonic() + 90  # the validator runs as its own process: seconds
    while not notice.isVisible() and time.monotonic() < deadline:
        settle(20, 1)
    text = notice.property("text")
    assert "theirs" in text and "The other lessons work" in text and "narration" in text
    # the kiosk's own lessons are still there for the residents
    tap(kiosk.window, find(kiosk.window, "trainerBack"))
    kiosk.bridges.nav.go("lessons")
    settle()
    assert any(m["lessons"] for m in kiosk.bridges.lessons.modules)
