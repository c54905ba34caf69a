"""QML's `qsTr()` catalogs: the gettext translations written as Qt `.qm` files.

QML looks its strings up through Qt's own translator, which QQmlApplicationEngine loads from
`ui/i18n/qml_<lang>.qm` when its `uiLanguage` changes. No Python sits on that path on purpose:
Qt's QML loader thread translates too (an error string while it reads the disk cache), and a
translator written in Python would need the interpreter's lock there while the GUI thread,
holding that lock, waits for the loader: the kiosk froze. A `.qm` message belongs to a context
(the QML file's name), so each string is filed under every file that asks for it.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

from babel.messages.extract import extract_from_file

from kiosk import i18n
from kiosk.services.storage.paths import UI_DIR

QM_DIR = UI_DIR / "i18n"  # where QQmlApplicationEngine looks, beside Main.qml


def qm_path(lang: str, folder: Path = QM_DIR) -> Path:
    return folder / f"qml_{lang}.qm"


@contextmanager
def written_whole(target: Path) -> Iterator[Path]:
    """The name beside `target` to write the new file under; once written, it is renamed into
    place. A running kiosk has the old one mapped into memory (Qt's translator maps .qm files),
    and a file rewritten in place under it stops that kiosk with a bus error (SIGBUS)."""
    part = target.with_name(f".{target.name}.part")
    yield part
    part.replace(target)


def qml_messages(ui_dir: Path = UI_DIR) -> dict[str, set[str]]:
    """Each QML or JS file's `qsTr` strings, by its context (the file name without suffix)."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted([*ui_dir.rglob("*.qml"), *ui_dir.rglob("*.js")]):
        for _line, message, _comments, _context in extract_from_file(
            "javascript", str(path), keywords={"qsTr": None}
        ):
            if isinstance(message, str) and message:
                found[path.stem].add(message)
    return found


def _ts(lang: str, messages: dict[str, set[str]]) -> str:
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n']
    parts.append(f'<TS version="2.1" language="{lang}">\n')
    for context in sorted(messages):
        rows = []
        for source in sorted(messages[context]):
            translated = i18n.lookup(source, lang)
            if translated is not None:
                rows.append(
                    f"<message><source>{escape(source)}</source>"
                    f"<translation>{escape(translated)}</translation></message>\n"
                )
        if rows:
            parts.append(f"<context><name>{escape(context)}</name>\n{''.join(rows)}</context>\n")
    parts.append("</TS>\n")
    return "".join(parts)


def lrelease() -> str:
    import PySide6

    return str(Path(PySide6.__file__).parent / "lrelease")


def write_all(folder: Path = QM_DIR) -> list[Path]:
    """Write qml_<lang>.qm for every language (into ui/i18n/ unless told), from the compiled
    gettext catalogs, each whole (`written_whole`)."""
    messages = qml_messages()
    folder.mkdir(exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in i18n.LANGUAGES:
            ts = Path(tmp) / f"qml_{lang}.ts"
            ts.write_text(_ts(lang, messages), encoding="utf-8")
            with written_whole(qm_path(lang, folder)) as part:
                subprocess.run(
                    [lrelease(), "-silent", str(ts), "-qm", str(part)],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
            written.append(qm_path(lang, folder))
    return written
