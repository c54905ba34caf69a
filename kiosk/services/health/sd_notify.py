"""systemd's notification protocol (sd_notify(3)), without libsystemd: READY, WATCHDOG, STOPPING.

systemd passes the socket in $NOTIFY_SOCKET (a path, or "@name" in the abstract namespace) and,
for a unit with WatchdogSec=, the interval in $WATCHDOG_USEC (and $WATCHDOG_PID, the process it
watches). The kiosk sends "WATCHDOG=1" from a timer on its event loop, so an interface that
stops handling events stops the pings and systemd restarts it (Restart=on-failure counts a
watchdog timeout as a failure).
"""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


class Notifier:
    """Sends notifications to the service manager; does nothing when there is none."""

    def __init__(self, environ: dict[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        address = env.get("NOTIFY_SOCKET", "")
        self._address = "\0" + address[1:] if address.startswith("@") else address
        self.watchdog_s: float | None = None
        usec = env.get("WATCHDOG_USEC", "")
        pid = env.get("WATCHDOG_PID", "")
        if usec.isdigit() and int(usec) > 0 and (not pid or pid == str(os.getpid())):
            self.watchdog_s = int(usec) / 1_000_000
        self._sock: socket.socket | None = None

    @property
    def enabled(self) -> bool:
        return bool(self._address)

    def notify(self, message: str) -> bool:
        """Send one notification ("READY=1", "WATCHDOG=1", ...); False when it could not go."""
        if not self._address:
            return False
        try:
            if self._sock is None:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            self._sock.sendto(message.encode(), self._address)
        except OSError as exc:
            log.warning("sd_notify %s failed: %s", message.split("=")[0], exc)
            return False
        return True

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
