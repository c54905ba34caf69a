"""A real sound server for end-to-end tests: PulseAudio with a null sink (the kiosk plays to it
as to a loudspeaker), and a recorder of the sink's monitor that knows when each sample was
played, so a sound can be placed against the time of a touch."""

from __future__ import annotations

import math
import os
import shutil
import struct
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.screens import need, wait_for

RATE = 16000  # recorded mono, 16-bit
WINDOW_MS = 10


class PulseServer:
    """`pulseaudio` in the foreground with only what the test needs: a socket and a null sink.
    As root it runs in its per-user mode all the same (it warns; --system would need the
    `pulse` user and group set up)."""

    def __init__(self) -> None:
        need("pulseaudio", "parec", "pactl")
        self.folder = Path(tempfile.mkdtemp(prefix="pulse-"))  # a socket path must be short
        self.socket = self.folder / "native"
        self.proc: subprocess.Popen[bytes] | None = None

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE_")}
        env["PULSE_SERVER"] = f"unix:{self.socket}"
        return env

    def start(self) -> None:
        env = dict(self.env(), HOME=str(self.folder), XDG_RUNTIME_DIR=str(self.folder))
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        with (self.folder / "pulse.log").open("wb") as log:
            self.proc = subprocess.Popen(
                [
                    "pulseaudio", "-n", "--daemonize=no", "--use-pid-file=no",
                    "--exit-idle-time=-1", "--log-target=stderr",
                    "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1",
                    "-L", f"module-null-sink sink_name=kiosk_test rate={RATE} channels=1",
                ],
                env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip

        def up() -> bool:
            if self.proc is not None and self.proc.poll() is not None:
                log = (self.folder / "pulse.log").read_text(errors="replace")
                pytest.fail(f"pulseaudio ended: {log}")
            probe = subprocess.run(
                ["pactl", "info"], env=self.env(), capture_output=True, timeout=10, check=False
            )
            return probe.returncode == 0

        wait_for("PulseAudio", up, timeout=30, every=0.2)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
        shutil.rmtree(self.folder, ignore_errors=True)


class Recorder:
    """Records the null sink's monitor with parec, reading continuously on a thread. Each read
    is stamped; the reads can only come late, never early, so the earliest (stamp - samples so
    far / rate) is when sample 0 was played, give or take parec's 10 ms latency."""

    def __init__(self, server: PulseServer) -> None:
        self.server = server
        self.samples = bytearray()
        self.origin = math.inf
        self._rms: list[float] = []
        self._lock = threading.Lock()
        self.proc = subprocess.Popen(
            ["parec", "-d", "kiosk_test.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=10"],
            env=server.env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := os.read(self.proc.stdout.fileno(), RATE * 2 * WINDOW_MS // 1000):
            now = time.monotonic()
            with self._lock:
                self.samples += chunk
                self.origin = min(self.origin, now - len(self.samples) / 2 / RATE)

    def index_at(self, moment: float) -> int:
        """The window (of WINDOW_MS) that was playing at `moment` (time.monotonic())."""
        with self._lock:
            return int((moment - self.origin) * 1000) // WINDOW_MS

    def rms(self) -> list[float]:
        """Loudness of each WINDOW_MS window so far, as a fraction of full scale."""
        per = RATE * WINDOW_MS // 1000
        with self._lock:
            data = bytes(self.samples[len(self._rms) * per * 2 :])
        for start in range(0, len(data) // 2 - per + 1, per):
            values = struct.unpack_from(f"<{per}h", data, start * 2)
            self._rms.append(math.sqrt(sum(v * v for v in values) / per) / 32768)
        return list(self._rms)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=20)
        self._thread.join(timeout=20)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
