"""This person's files (a slip or certificate as PDF, a receipt): a private folder on
memory-backed storage, emptied by the wipe, shredded at exit and at the next start after a crash.

The folder is `$XDG_RUNTIME_DIR/silver-kiosk/session-<pid>-*` (a tmpfs the system makes for the
user, mode 0700, gone at reboot), else `/dev/shm/silver-kiosk-<uid>/…` (memory too), never /tmp
(a disk folder on Debian by default). Each kiosk process has its own; at start, before the first
frame, any folder of a process that is gone (a crash, a kill -9, a power cut on a disk fallback)
is overwritten with zeros and removed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

import platformdirs

from kiosk import APP_ID

log = logging.getLogger(__name__)
FOLDER = "silver-kiosk"
PREFIX = "session-"


def runtime_base() -> Path:
    """Where session folders go: memory-backed when the system offers it."""
    xdg = os.environ.get("XDG_RUNTIME_DIR", "")
    if xdg and Path(xdg).is_dir() and os.access(xdg, os.W_OK | os.X_OK):
        return Path(xdg) / FOLDER
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        return shm / f"{FOLDER}-{os.getuid()}"
    # No memory-backed folder at all: the user's cache, never /tmp; shredded all the same.
    log.warning("no XDG_RUNTIME_DIR or /dev/shm: session files go to the disk")
    return platformdirs.user_cache_path(APP_ID) / "sessions"


def _private(base: Path) -> Path:
    """The base folder, ours alone (0700, owned by us, not a link someone planted)."""
    base.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = base.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise PermissionError(f"{base} is not a private folder of this user")
    if stat.S_IMODE(info.st_mode) != 0o700:
        base.chmod(0o700)
    return base


def _alive(pid: int) -> bool:
    """True while a process with this id runs. (An id the system reused for another program
    keeps a dead kiosk's folder until that program ends, or the next boot empties the tmpfs.)"""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _zero(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_symlink() or not path.is_file():
            return
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())


def shred(folder: Path) -> None:
    """Overwrite every file with zeros, then remove the folder."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            _zero(Path(root) / name)
    shutil.rmtree(folder, ignore_errors=True)


def empty(folder: Path) -> None:
    """Shred what the folder holds and keep the folder (the wipe between two people)."""
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shred(child)
        else:
            _zero(child)
            child.unlink(missing_ok=True)


def shred_leftovers(base: Path) -> int:
    """Shred the session folders of kiosk processes that are gone; returns how many."""
    count = 0
    for folder in base.glob(PREFIX + "*"):
        pid_text = folder.name[len(PREFIX) :].split("-", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        shred(folder)
        count += 1
    if count:
        log.warning("shredded %d session folder(s) a stopped kiosk left", count)
    return count


def new_session_dir() -> Path:
    """Shred what earlier kiosks left, then make this process's private session folder."""
    base = _private(runtime_base())
    shred_leftovers(base)
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))
