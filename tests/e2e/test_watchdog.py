"""systemd's watchdog, for real: the kiosk runs as a process with $NOTIFY_SOCKET and
$WATCHDOG_USEC as systemd sets them; a supervisor in the test listens on that socket as systemd
does (no systemd needed) and kills and restarts the kiosk when the pings stop. Pings come from
the interface's event loop: when the loop is blocked, they stop, and the kiosk is restarted."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.services.health.sd_notify import Notifier

ROOT = Path(__file__).resolve().parents[2]
WATCHDOG_S = 4.0  # generous: a busy 2-core machine must not miss a ping by accident
# Runs the kiosk as `python -m kiosk` does, but first arranges for its event loop to be blocked
# (a slot that never returns, as a hung interface would) a few seconds after the window is built.
FREEZE = """
import sys, time
import kiosk.app
from PySide6.QtCore import QTimer
build = kiosk.app.build
def frozen_build(*args, **kwargs):
    made = build(*args, **kwargs)
    QTimer.singleShot(6000, lambda: time.sleep(600))
    return made
kiosk.app.build = frozen_build
from kiosk.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


class Supervisor:
    """systemd's part: the notify socket, READY and WATCHDOG, SIGABRT on a missed ping."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "notify.sock"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(self.path))
        self.sock.settimeout(0.2)

    def start(self, args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        env = env | {"NOTIFY_SOCKET": str(self.path), "WATCHDOG_USEC": str(int(WATCHDOG_S * 1e6))}
        return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip

    def watch(self, proc: subprocess.Popen[bytes], limit_s: float) -> tuple[list[str], bool]:
        """Messages until the process is killed for a missed ping (True) or `limit_s` ends."""
        seen: list[str] = []
        last = time.monotonic()
        end = last + limit_s
        while time.monotonic() < end:
            try:
                message = self.sock.recv(4096).decode()
                seen.append(message)
                last = time.monotonic()
            except TimeoutError:
                pass
            if "READY=1" in seen and time.monotonic() - last > WATCHDOG_S:
                proc.send_signal(signal.SIGABRT)  # systemd's WatchdogSignal default
                proc.wait(20)
                return seen, True
            if proc.poll() is not None:
                return seen, False
        return seen, False


def test_notifier_speaks_the_protocol_and_is_silent_without_a_manager(tmp_path: Path) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(tmp_path / "n.sock"))
    notifier = Notifier({"NOTIFY_SOCKET": str(tmp_path / "n.sock"), "WATCHDOG_USEC": "3000000"})
    assert notifier.watchdog_s == 3.0
    assert notifier.notify("READY=1")
    assert listener.recv(100) == b"READY=1"
    notifier.close()
    other = Notifier({"NOTIFY_SOCKET": "x", "WATCHDOG_USEC": "5", "WATCHDOG_PID": "1"})
    assert other.watchdog_s is None  # the watchdog is another process's
    assert not Notifier({}).notify("READY=1") and not Notifier({}).enabled
    abstract = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    abstract.bind(f"\0silver-kiosk-test-{os.getpid()}")
    to_abstract = Notifier({"NOTIFY_SOCKET": f"@silver-kiosk-test-{os.getpid()}"})
    assert to_abstract.notify("WATCHDOG=1")
    assert abstract.recv(100) == b"WATCHDOG=1"
    to_abstract.close()
    listener.close()
    abstract.close()


@pytest.mark.timeout(180)
def test_a_kiosk_whose_event_loop_is_blocked_is_restarted(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[paths]\ndata_dir = "{tmp_path}"\nlog_dir = "{tmp_path}"\n'
                      '[speech]\nengine = "off"\n', encoding="utf-8")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    supervisor = Supervisor(tmp_path)
    kiosk_args = ["--config", str(config), "--windowed"]

    frozen = supervisor.start([sys.executable, "-c", FREEZE, *kiosk_args], env)
    try:
        seen, killed = supervisor.watch(frozen, limit_s=120)
    finally:
        if frozen.poll() is None:
            frozen.kill()
            frozen.wait(20)
    assert seen[0] == "READY=1", seen
    assert seen.count("WATCHDOG=1") >= 2, seen  # it pinged while its loop ran
    assert killed and frozen.returncode == -signal.SIGABRT  # then the pings stopped

    restarted = supervisor.start([sys.executable, "-m", "kiosk", *kiosk_args], env)
    try:
        seen, killed = supervisor.watch(restarted, limit_s=WATCHDOG_S * 4)
        assert not killed and restarted.poll() is None
        assert "READY=1" in seen and seen.count("WATCHDOG=1") >= 3, seen
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(30)
    supervisor.sock.close()
