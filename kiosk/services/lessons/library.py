"""The lessons a kiosk shows: its installed content packages and the site's own lessons.

A content folder holds one course (course.yaml, the lesson files, images) and its catalogs
(`locales/<lang>/LC_MESSAGES/lessons.mo`, `locales/lessons.pot`). The kiosk reads every content
folder in two places, in this order:

- `/usr/share/silver-kiosk/lessons/<package>/`: Debian content packages (silver-kiosk-lessons,
  or a city's own), released without a new app;
- `/etc/silver-kiosk/lessons/<name>/` (`lessons.site_folder`): a site's own lessons, put
  there by the city's IT (a copy, configuration management) beside the site's settings;
  root's to write, not the kiosk user's; no package ships files there.

A source checkout with no content package installed uses its own `assets/lessons` (with the
catalogs in `locales/`), so `./dev run` works as before; that course is checked by the test
suite (`lessons validate`), not again at each start. A lesson is offered in a language when
its folder's catalog translates all of it (kiosk/services/lessons/languages.py). Every folder is
checked with the lesson validator before it is shown; a folder with errors is refused, the
trainer's menu and `doctor` say which and why, and the other folders are shown. The verdict is
kept per folder fingerprint (its files' names, sizes and times, and the app's version), so the
check runs once per release.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

from kiosk import __version__, i18n
from kiosk.config import Settings
from kiosk.config.schema import LESSONS_SITE_FOLDER
from kiosk.core import lessons as m
from kiosk.services.lessons.files import (
    COURSE_FILE,
    LESSONS_DIR,
    SOURCE_LANGUAGE,
    LessonFilesError,
    load_course,
)
from kiosk.services.lessons.languages import CourseLanguages, read_languages

log = logging.getLogger(__name__)

PACKAGES_DIR = Path("/usr/share/silver-kiosk/lessons")
SITE_DIR = Path("/etc/silver-kiosk/lessons")
T = TypeVar("T")
SHOWN_PROBLEMS = 3  # problems quoted in a refusal; `lessons validate` lists them all


@dataclass(frozen=True)
class Source:
    """One content folder: where its course and its catalogs are, and where it came from."""

    name: str
    folder: Path
    locales: Path | None  # None: the kiosk's own catalogs (the bundled course)
    origin: str  # "package", "site" or "bundled"

    @property
    def catalogs(self) -> Path:
        return self.locales if self.locales is not None else i18n.LOCALES_DIR


@dataclass(frozen=True)
class Refusal:
    """A content folder the kiosk does not show, and why (for the trainer and the installer)."""

    source: Source
    problems: tuple[str, ...]
    count: int

    def summary(self) -> str:
        more = (
            f" (and {self.count - len(self.problems)} more)"
            if self.count > len(self.problems)
            else ""
        )
        return "; ".join(self.problems) + more


@dataclass
class Shelf:
    """What one load gave: the lessons of every accepted folder as one course, and refusals."""

    course: m.Course  # in the language asked where a folder has it, else in Bulgarian
    languages: CourseLanguages  # the course in Bulgarian, and each lesson's complete languages
    sources: list[Source] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    roots: dict[str, Path] = field(default_factory=dict)  # lesson id -> its course folder


def find_sources(
    packages: Path = PACKAGES_DIR, site: Path | None = SITE_DIR, bundled: Path | None = LESSONS_DIR
) -> list[Source]:
    """Content folders in reading order: packages, then the site's; the bundled course only
    when no package is installed (a source checkout)."""

    def folders(root: Path | None, origin: str) -> list[Source]:
        if root is None or not root.is_dir():
            return []
        return [
            Source(child.name, child, child / "locales", origin)
            for child in sorted(root.iterdir())
            if (child / COURSE_FILE).is_file()
        ]

    found = folders(packages, "package")
    if not found and bundled is not None and (bundled / COURSE_FILE).is_file():
        found = [Source("bundled", bundled, None, "bundled")]
    return found + folders(site, "site")


def fingerprint(source: Source) -> str:
    """Changes when any file of the folder or its catalogs changes, or the app does."""
    digest = hashlib.sha256(__version__.encode())
    for base in (source.folder, source.catalogs):
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for name in sorted(filenames):
                path = Path(dirpath) / name
                try:
                    stat = path.stat()
                except OSError:
                    continue
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def check(source: Source, today: date | None = None) -> list[str]:
    """The validator's errors for one folder (warnings such as a review due do not refuse).

    The validator runs as its own process (`silver-kiosk lessons validate FOLDER`): its seconds
    of parsing stay off the kiosk's interface and its threads (a worker thread allocating that
    much can make Python's garbage collector free Qt objects off their thread), and a content
    folder that upsets it cannot take the kiosk down."""
    command = [*_kiosk_command(), "lessons", "validate", str(source.folder)]
    command += ["--locales", str(source.catalogs), "--lang", "en"]
    if today is not None:
        command += ["--today", today.isoformat()]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    # Its messages go to a file, not a pipe: a process the kiosk forks meanwhile (the fallback
    # voice) would inherit a pipe's end and the read would wait for that process to end.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as said:
        try:
            done = subprocess.run(
                command, stdout=subprocess.DEVNULL, stderr=said, timeout=600, env=env
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return [f"{source.folder}: error: the lesson validator could not run: {exc}"]
        said.seek(0)
        text = said.read()
    errors = [line for line in text.splitlines() if ": error: " in line]
    if done.returncode not in (0, 1) or (done.returncode == 1 and not errors):
        tail = text.strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        errors.append(f"{source.folder}: error: the lesson validator failed: {tail[0]}")
    return errors


def _kiosk_command() -> list[str]:
    """This kiosk's own command line: the frozen program, or `python -m kiosk`."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "kiosk"]


class Library:
    """Finds, checks and loads the content folders; one per kiosk, shared by the bridges.

    No lock: two reads at once (the lessons screen, and the trainer's desk in a worker) at worst
    both check a new folder; the verdicts file is replaced whole, never half written."""

    def __init__(
        self,
        packages: Path = PACKAGES_DIR,
        site: Path | None = SITE_DIR,
        bundled: Path | None = LESSONS_DIR,
        verdicts: Path | None = None,
    ) -> None:
        self._roots = (packages, site, bundled)
        self._verdicts_file = verdicts
        self._known: dict[str, list[str]] = {}  # this run's verdicts, when none are saved
        self.last: Shelf | None = None

    # --- the validator's verdicts, kept between starts -------------------------------------
    def _read_verdicts(self) -> dict[str, list[str]]:
        if self._verdicts_file is None:
            return {}
        try:
            data = json.loads(self._verdicts_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_verdicts(self, verdicts: dict[str, list[str]]) -> None:
        if self._verdicts_file is None:
            return
        try:
            self._verdicts_file.parent.mkdir(parents=True, exist_ok=True)
            part = self._verdicts_file.with_suffix(".part")
            part.write_text(json.dumps(verdicts, ensure_ascii=False), encoding="utf-8")
            part.replace(self._verdicts_file)
        except OSError as exc:  # only costs a check at the next start
            log.warning("lesson checks not saved in %s: %s", self._verdicts_file, exc)

    def errors(self, sources: list[Source]) -> dict[Source, list[str]]:
        """Each folder's validator errors, from the saved verdicts when the folder is unchanged."""
        before = self._read_verdicts() if self._verdicts_file is not None else self._known
        saved = dict(before)
        kept: dict[str, list[str]] = {}
        result: dict[Source, list[str]] = {}
        for source in sources:
            if source.origin == "bundled":  # a source checkout's own course: its tests check it
                result[source] = []
                continue
            key = f"{source.folder}:{fingerprint(source)}"
            if key not in saved:
                saved[key] = check(source)
                log.info("lessons %s checked: %d error(s)", source.folder, len(saved[key]))
            kept[key] = result[source] = saved[key]
        if kept != before:
            self._known = kept
            self._write_verdicts(kept)
        return result

    # --- loading ---------------------------------------------------------------------------
    def prepare(self) -> None:
        """Check every folder not checked yet, so the lessons screen does not wait for the
        validator (seconds per folder); the runner calls it in a worker after the first frame.
        Never raises: a folder that cannot be checked now is checked when it is read."""
        try:
            self.errors(find_sources(*self._roots))
        except Exception:
            log.exception("lessons not checked ahead")

    def load(self, lang: str = SOURCE_LANGUAGE) -> Shelf:
        """Every accepted folder's lessons as one course, in `lang` where a folder has it (else in
        Bulgarian), with each lesson's languages; refused folders with their first problems."""
        return self._load(lang)

    def _load(self, lang: str) -> Shelf:
        sources = find_sources(*self._roots)
        errors = self.errors(sources)
        modules: list[m.Module] = []
        source_modules: list[m.Module] = []
        plans: list[m.SessionPlan] = []
        languages: dict[str, tuple[str, ...]] = {}
        empty = m.Course("", "", "", (), language=lang)
        shelf = Shelf(empty, CourseLanguages(empty))
        for source in sources:
            found = errors[source]
            if not found:
                try:
                    known, shown = _read(source, lang)
                except LessonFilesError as exc:  # changed since it was checked
                    found = [str(p) for p in exc.problems]
            if not found:
                found = self._clashes(shown, shelf, modules, source)
            if found:
                refusal = Refusal(source, tuple(found[:SHOWN_PROBLEMS]), len(found))
                shelf.refused.append(refusal)
                log.error("lessons %s refused: %s", source.folder, refusal.summary())
                continue
            shelf.sources.append(source)
            modules.extend(shown.modules)
            source_modules.extend(known.source.modules)
            plans.extend(shown.session_plans)
            languages.update(known.languages)
            shelf.roots.update((lesson.id, source.folder) for lesson in shown.lessons)
        shelf.course = replace(empty, modules=tuple(modules), session_plans=tuple(plans))
        bulgarian = replace(empty, modules=tuple(source_modules), language=SOURCE_LANGUAGE)
        shelf.languages = CourseLanguages(bulgarian, languages)
        self.last = shelf
        return shelf

    @staticmethod
    def _clashes(
        course: m.Course, shelf: Shelf, modules: list[m.Module], source: Source
    ) -> list[str]:
        """Ids another folder already uses: progress and certificates go by lesson id."""
        where = source.folder / COURSE_FILE
        found = [
            f"{where}: error: lesson id {x.id!r} is also in {shelf.roots[x.id]}"
            for x in course.lessons
            if x.id in shelf.roots
        ]
        taken = {y.id for y in modules}
        found += [
            f"{where}: error: module id {x.id!r} is used twice"
            for x in course.modules
            if x.id in taken
        ]
        return found


# What this process has read, kept while the folder's fingerprint stays the same: the next
# visitor, a language switch and the trainer's desk do not parse every lesson file again.
_READ: dict[tuple[Source, str], tuple[str, Any]] = {}


def _kept(source: Source, what: str, stamp: str, read: Callable[[], T]) -> T:
    kept = _READ.get((source, what))
    if kept is None or kept[0] != stamp:
        kept = _READ[(source, what)] = (stamp, read())
    return cast(T, kept[1])


def _read(source: Source, lang: str) -> tuple[CourseLanguages, m.Course]:
    """A folder's course in Bulgarian with each lesson's languages, and the course as shown in
    `lang`; raises LessonFilesError."""
    stamp = fingerprint(source)
    known = _kept(source, "", stamp, lambda: read_languages(source.folder, locales=source.locales))
    if lang == SOURCE_LANGUAGE or not known.any_in(lang):
        return known, known.source
    return known, _kept(
        source, lang, stamp, lambda: load_course(source.folder, lang, source.locales)
    )


def library_for(settings: Settings) -> Library:
    """The kiosk's library: the packages' folder, the configured site folder, and the verdicts
    kept in the kiosk's data folder."""
    from kiosk.services.storage.paths import data_dir

    site = settings[LESSONS_SITE_FOLDER]
    return Library(
        site=Path(site) if site else None, verdicts=data_dir(settings) / "lesson-checks.json"
    )
