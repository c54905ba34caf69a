"""`python -m kiosk doctor`: checks an installer can read — fonts, folders, config, libraries,
translations, display, speech — then the effective config. Non-zero exit when something fails."""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import shutil
import stat
import tempfile
from pathlib import Path

from kiosk import __version__, i18n
from kiosk.config import ConfigError, Settings
from kiosk.config.loader import load_config as load_layers
from kiosk.config.schema import OPTIONS, TRAINER_PIN_HASH
from kiosk.runner import _has_display
from kiosk.services.storage.paths import FONTS_DIR, data_dir, log_dir

Finding = tuple[str, str]
CYRILLIC_SAMPLE = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюяЁёЄєІіЇїҐґ"


def font_findings() -> list[Finding]:
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    found: list[Finding] = []
    files = sorted(FONTS_DIR.glob("*.ttf"))
    if not files:
        return [("fail", f"no bundled font in {FONTS_DIR}")]
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            found.append(("fail", f"font {path.name} cannot be loaded"))
            continue
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
        metrics = QFontMetrics(QFont(family))
        missing = [c for c in CYRILLIC_SAMPLE if not metrics.inFontUcs4(ord(c))]
        if missing:
            found.append(("fail", f"font {path.name} lacks {''.join(missing)}"))
        else:
            found.append(("ok", f"font {path.name} ({family}) has full Cyrillic"))
    return found


def folder_findings(label: str, folder: Path) -> list[Finding]:
    if folder.exists() and not folder.is_dir():
        return [("fail", f"{label} {folder} is a file, not a folder: set another path")]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return [("fail", f"{label} {folder} is not writable: {exc.strerror or exc}")]
    free_mb = shutil.disk_usage(folder).free // 2**20
    level = "ok" if free_mb >= 200 else "warn"
    return [(level, f"{label} {folder} is writable, {free_mb} MB free")]


def pin_findings(settings: Settings) -> list[Finding]:
    """The trainer PIN's hash, and who may read the file that holds it."""
    from kiosk.core.pin import hash_weakness

    found: list[Finding] = []
    stored = settings[TRAINER_PIN_HASH]
    if not stored:
        found.append(
            ("warn", "no trainer PIN: trainer mode and leaving the kiosk are not possible")
        )
    elif weakness := hash_weakness(stored):
        found.append(("fail", f"weak trainer PIN: {weakness} (`python -m kiosk pin`)"))
    else:
        found.append(("ok", "trainer PIN hash is sound (6 digits or more, full scrypt cost)"))
    holder = settings.origins.get(TRAINER_PIN_HASH.key)
    for source in settings.files:
        mode = source.stat().st_mode
        if mode & (stat.S_IWGRP | stat.S_IWOTH):
            found.append(("fail", f"config {source} can be changed by other users: chmod 640"))
        elif source == holder and mode & stat.S_IROTH:
            found.append((
                "fail",
                f"config {source} is readable by every user, and the PIN hash in it can be "
                "guessed offline: chmod 640 and chown root:kiosk",
            ))  # fmt: skip
        elif source == holder:
            found.append(("ok", f"config {source} with the PIN hash is not readable by others"))
    return found


def library_findings() -> list[Finding]:
    import PySide6
    from PySide6.QtCore import qVersion

    found: list[Finding] = [
        ("ok", f"Silver Kiosk {__version__}, PySide6 {PySide6.__version__}, Qt {qVersion()}")
    ]
    for name, minimum in (("babel", (2, 19)), ("httpx", (0, 27)), ("qasync", (0, 27))):
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found.append(("fail", f"{name} is not installed"))
            continue
        parts = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
        level = "ok" if parts >= minimum else "fail"
        found.append((level, f"{name} {version}"))
    vkb = Path(PySide6.__file__).parent / "Qt" / "qml" / "QtQuick" / "VirtualKeyboard"
    if vkb.is_dir():
        found.append(("ok", "on-screen keyboard (QtVirtualKeyboard) present"))
    else:
        found.append(("fail", "QtVirtualKeyboard is missing: install pyside6-addons"))
    return found


def text_rule_findings() -> list[Finding]:
    """Qt's ICU data (the bundle keeps only the kiosk's languages): sorting and capitals."""
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale("bg_BG"))
    words = ["ябълка", "щука", "Ёлка", "банан"]
    sorted_ok = sorted(words, key=collator.sortKey) == ["банан", "Ёлка", "щука", "ябълка"]
    turkish_ok = QLocale("tr_TR").toUpper("istanbul") == "İSTANBUL"
    if sorted_ok and turkish_ok:
        return [("ok", "text rules (ICU): Bulgarian sorting and Turkish capitals work")]
    broken = [
        what
        for what, ok in (("Bulgarian sorting", sorted_ok), ("Turkish capitals", turkish_ok))
        if not ok
    ]
    return [("fail", f"text rules (ICU) broken: {', '.join(broken)}")]


def pictogram_findings() -> list[Finding]:
    """Every pictogram draws (QtSvg and the drawings are in the install)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor

    try:
        from kiosk.bridge.pictograms import ICONS_DIR, names, render
    except ImportError as exc:  # QtSvg left out of the install
        return [("fail", f"pictograms cannot be drawn: {exc}")]

    all_names = names()
    if not all_names:
        return [("fail", f"no pictograms in {ICONS_DIR}")]
    size = QSize(48, 48)
    broken = [
        name
        for name in all_names
        if render((ICONS_DIR / f"{name}.svg").read_bytes(), QColor("black"), size).isNull()
    ]
    if broken:
        return [("fail", f"pictograms cannot be drawn: {', '.join(broken)}")]
    return [("ok", f"pictograms: all {len(all_names)} draw")]


def translation_findings() -> list[Finding]:
    found: list[Finding] = []
    for lang in i18n.LANGUAGES:
        mo = i18n.LOCALES_DIR / lang / "LC_MESSAGES" / "kiosk.mo"
        if mo.exists():
            found.append(("ok", f"translations for '{lang}' compiled"))
        else:
            found.append(
                (
                    "fail",
                    f"translations for '{lang}' are not compiled: run "
                    "`python -m kiosk i18n compile`",
                )
            )
    return found


def names_findings(settings: Settings) -> list[Finding]:
    """The report wizard's everyday names: the bundled table and the site's, if any."""
    from kiosk.config.schema import REPORT_EVERYDAY_NAMES
    from kiosk.services.reports.everyday import check_tables

    problems = check_tables(settings[REPORT_EVERYDAY_NAMES], i18n.LANGUAGES)
    if problems:
        return [("warn", f"everyday names left out: {p}") for p in problems]
    return [("ok", "everyday names for the kinds of problem: readable")]


def lesson_findings(settings: Settings) -> list[Finding]:
    """Each content folder: shown, with how many lessons, or refused with its first errors."""
    from kiosk.services.lessons.library import library_for

    shelf = library_for(settings).load()
    found: list[Finding] = []
    for source in shelf.sources:
        count = sum(1 for root in shelf.roots.values() if root == source.folder)
        found.append(("ok", f"lessons {source.name} ({source.origin}, {source.folder}): {count}"))
    for refusal in shelf.refused:
        found.append(
            (
                "fail",
                f"lessons {refusal.source.name} refused, {refusal.count} error(s): "
                f"{refusal.summary()} -- see `silver-kiosk lessons validate "
                f"{refusal.source.folder}`",
            )
        )
    if not shelf.sources:
        found.append(("fail", "no lessons to show: install the silver-kiosk-lessons package"))
    return found


def display_findings(has_display: bool) -> list[Finding]:
    if has_display:
        return [("ok", "a display is available")]
    return [("warn", "no display: the kiosk can only run under Xvfb or offscreen here")]


def speech_findings(settings: Settings) -> list[Finding]:
    try:
        from kiosk.services.speech.doctor import findings
    except ImportError as exc:  # a broken install, not a missing feature
        return [("fail", f"speech cannot be checked: {exc}")]
    return findings(settings)


def config_findings(settings: Settings) -> list[Finding]:
    """The files read, and every key an upgrade or a typo left that the kiosk ignores."""
    files = ", ".join(str(f) for f in settings.files) or "(defaults, no file)"
    found: list[Finding] = [("ok", f"config {files} is valid")]
    found += [("warn", f"config: {warning}") for warning in settings.warnings]
    return found


def effective_config(settings: Settings) -> list[str]:
    """The effective config as TOML, each value followed by the file that set it."""
    read = ", ".join(str(f) for f in settings.files) or "none (defaults)"
    lines = [f"# config files, in the order read (a later one wins): {read}"]
    if settings.trainer_file is not None:
        lines.append(f"# the trainer's changes are saved to: {settings.trainer_file}")
    section = ""
    for option in OPTIONS:
        if option.section != section:
            section = option.section
            lines.append(f"[{section}]")
        value = settings[option]
        shown = ("(set)" if value else "(not set)") if option.secret else repr(value)
        if isinstance(value, bool) and not option.secret:
            shown = "true" if value else "false"
        elif isinstance(value, str) and not option.secret:
            shown = '"' + value.replace('"', '\\"') + '"'
        origin = settings.origin(option)
        lines.append(f"{option.key.split('.', 1)[1]} = {shown}  # {origin or 'default'}")
    return lines


def doctor(args: argparse.Namespace) -> int:
    has_display = _has_display()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # the doctor reports on audio itself; QtMultimedia's own probing notes are noise here
    os.environ["QT_LOGGING_RULES"] = "qt.multimedia*=false"
    try:
        settings = load_layers(Path(args.config) if getattr(args, "config", None) else None)
    except ConfigError as exc:  # a doctor reports it like any other finding
        print(f"FAIL  {exc}")
        return 1
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["kiosk-doctor"])
    findings = config_findings(settings)
    findings += font_findings()
    findings += folder_findings("data folder", data_dir(settings))
    findings += folder_findings("log folder", log_dir(settings))
    findings += pin_findings(settings)
    findings += library_findings()
    findings += text_rule_findings()
    findings += pictogram_findings()
    findings += translation_findings()
    findings += lesson_findings(settings)
    findings += names_findings(settings)
    findings += display_findings(has_display)
    findings += speech_findings(settings)
    for level, text in findings:
        print(f"{level.upper():5} {text}")
    print()
    print("\n".join(effective_config(settings)))
    del app
    return 1 if any(level == "fail" for level, _ in findings) else 0
