"""Real displays for end-to-end tests, seen from outside the kiosk: cage (the Wayland kiosk
compositor, headless) with grim, and Xvfb (the X11 path) with a root-window grab; the kiosk
started as a subprocess on either; what a screenshot shows, measured by colour."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

ROOT = Path(__file__).resolve().parents[2]
# The attract screen's colours (ui/components/Theme.qml, normal contrast).
BACKGROUND, PRIMARY, NOTICE = "#f7f4ec", "#0a3a80", "#fff1b8"


def artifact_dir(tmp_path: Path) -> Path:
    """Where screenshots go: $KIOSK_TEST_ARTIFACTS when set (to keep and look at), else tmp."""
    folder = Path(os.environ.get("KIOSK_TEST_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def share(image: QImage, colour: str, tolerance: int = 6) -> float:
    """The fraction of pixels within `tolerance` (per channel) of `colour`, on a 4-pixel grid."""
    want = QColor(colour)
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = image.pixelColor(x, y)
            total += 1
            if (
                abs(c.red() - want.red()) <= tolerance
                and abs(c.green() - want.green()) <= tolerance
                and abs(c.blue() - want.blue()) <= tolerance
            ):
                hits += 1
    return hits / max(total, 1)


def shows_attract_screen(image: QImage) -> bool:
    """The kiosk's attract screen is up and fills the screen: mostly its background, the blue
    language buttons, the yellow "Practice" marker, and none of the compositor's black."""
    return (
        share(image, BACKGROUND) > 0.3
        and share(image, PRIMARY) > 0.03
        and share(image, NOTICE) > 0.005
        and share(image, "#000000", 0) < 0.005
    )


def same_picture(a: QImage, b: QImage) -> bool:
    return a.size() == b.size() and a.convertToFormat(QImage.Format.Format_RGB32) == (
        b.convertToFormat(QImage.Format.Format_RGB32)
    )


def need(*commands: str) -> None:
    """Fail (not skip) when a tool is missing: `./dev test` installs them all."""
    missing = [c for c in commands if shutil.which(c) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: run the tests with ./dev test")


def wait_for(what: str, check: Callable[[], bool], timeout: float, every: float = 0.5) -> None:
    """Poll `check` until true; on a busy 2-core machine start-up may take a while."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(every)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


class Cage:
    """cage on wlroots' headless backend with the pixman renderer: a real Wayland kiosk session
    without a screen. cage refuses to run as root, so as root it runs as `nobody`; the kiosk
    connects to its socket from outside (as the packaged session does: there the kiosk is a
    systemd user unit, not cage's child). cage's own client is `cat`, so closing its input ends
    the session cleanly (cage 0.1.4 aborts on SIGTERM).

    `-r -r` turns the output upside down, and grim turns the picture back: cage 0.1.4 scans a
    full-screen client's buffer out directly, and its damage tracking then lets grim copy a
    stale frame; with the output rotated, every frame is composited."""

    def __init__(self, folder: Path) -> None:
        need("cage", "grim", "Xwayland")
        # short paths: a socket's path must fit in 108 bytes
        self.runtime = Path(tempfile.mkdtemp(prefix="cage-"))
        self.client_runtime = Path(tempfile.mkdtemp(prefix="cage-client-"))
        self.log = folder / "cage.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = ["cage", "-d", "-r", "-r", "--", "cat"]
        if os.geteuid() == 0:
            shutil.chown(self.runtime, "nobody", "nogroup")
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.runtime),
            "XDG_RUNTIME_DIR": str(self.runtime),
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_HEADLESS_OUTPUTS": "1",
            "LANG": "C.UTF-8",
        }
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT, env=env
            )
        socket = self.runtime / "wayland-0"
        wait_for("cage's Wayland socket", lambda: socket.exists() or not self.running(), 20, 0.1)
        if not self.running():
            pytest.fail(f"cage did not start: {self.log.read_text(errors='replace')}")

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def client_env(self) -> dict[str, str]:
        """The environment of a Wayland client of this cage (Qt on its wayland platform)."""
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.update(
            WAYLAND_DISPLAY=str(self.runtime / "wayland-0"),
            XDG_RUNTIME_DIR=str(self.client_runtime),
            QT_QPA_PLATFORM="wayland",
        )
        return env

    def screenshot(self, path: Path) -> QImage:
        subprocess.run(
            ["grim", str(path)], env=self.client_env(), check=True, timeout=30, capture_output=True
        )
        return QImage(str(path))

    def stop(self) -> int:
        """End the session as a kiosk session ends: its client exits, cage follows."""
        try:
            if self.proc is None:
                return 0
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                return self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                pytest.fail("cage did not end when its client ended")
            return -1
        finally:
            shutil.rmtree(self.runtime, ignore_errors=True)
            shutil.rmtree(self.client_runtime, ignore_errors=True)


@contextmanager
def cage_session(folder: Path) -> Iterator[Cage]:
    cage = Cage(folder)
    try:
        cage.start()
        yield cage
    finally:
        cage.stop()


class Xvfb:
    """An X server without a screen, as a venue's X11 desktop would have, minus the desktop."""

    def __init__(self, folder: Path, size: str = "1280x720") -> None:
        need("Xvfb", "xdotool")
        self.size = size
        self.folder = folder
        self.proc: subprocess.Popen[bytes] | None = None
        self.display = ""

    def start(self) -> None:
        read, write = os.pipe()
        with (self.folder / "xvfb.log").open("wb") as log:
            self.proc = subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(write),
                    "-screen",
                    "0",
                    f"{self.size}x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                pass_fds=(write,),
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        os.close(write)
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        if not number:
            pytest.fail("Xvfb did not start")
        self.display = f":{number}"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        return env

    def xdotool(self, *args: str) -> str:
        return subprocess.run(
            ["xdotool", *args],
            env=self.env(),
            check=True,
            timeout=30,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def screenshot(self, path: Path) -> QImage:
        """The X root window as the screen shows it (grabbed by a separate X client)."""
        grab = (
            "import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]); "
            "sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)"
        )
        subprocess.run(
            [sys.executable, "-c", grab, str(path)],
            env=self.env(),
            check=True,
            timeout=60,
            capture_output=True,
        )
        return QImage(str(path))

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)


@contextmanager
def xvfb_display(folder: Path) -> Iterator[Xvfb]:
    xvfb = Xvfb(folder)
    try:
        xvfb.start()
        yield xvfb
    finally:
        xvfb.stop()


@contextmanager
def running_kiosk(
    env: dict[str, str], folder: Path, *args: str
) -> Iterator[subprocess.Popen[bytes]]:
    """The real kiosk (`python -m kiosk`, kiosk mode unless told) on the given display, with its
    own data folders; stopped as systemd stops it (SIGTERM)."""
    home = folder / "kiosk-home"
    env = dict(env)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("QT_QUICK_BACKEND", None)  # the kiosk's own setting chooses
    log = (folder / "kiosk.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


def kiosk_log(folder: Path) -> str:
    path = folder / "kiosk.log"
    return path.read_text(errors="replace")[-4000:] if path.exists() else ""
