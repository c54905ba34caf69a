"""The running kiosk's health for a city's monitoring: systemd's watchdog and the metrics file.

`start(settings, kiosk)` (from the runner, for a real run only) pings systemd from a timer on
the interface's event loop — a frozen interface stops the pings and systemd restarts the kiosk —
and, when `health.metrics_file` is set, rewrites that file every minute for node_exporter.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from kiosk import __version__
from kiosk.config import Settings
from kiosk.config import schema as opt
from kiosk.frames import after_first_frame
from kiosk.services.health import metrics
from kiosk.services.health.sd_notify import Notifier

log = logging.getLogger(__name__)
METRICS_EVERY_S = 60.0


@dataclass
class Health:
    notifier: Notifier
    timer: QTimer | None = None
    task: asyncio.Task[None] | None = None

    def ready(self) -> None:
        """The first frame is drawn: tell systemd the kiosk is up (Type=notify)."""
        self.notifier.notify("READY=1")

    async def stop(self) -> None:
        self.notifier.notify("STOPPING=1")
        if self.timer is not None:
            self.timer.stop()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
        self.notifier.close()


def start(settings: Settings, kiosk: Any) -> Health:
    health = Health(Notifier())
    after_first_frame(kiosk.window, health.ready)
    if health.notifier.watchdog_s:
        # Twice per interval, as sd_watchdog_enabled(3) advises; from the Qt event loop itself.
        timer = QTimer()
        timer.setInterval(max(100, int(health.notifier.watchdog_s * 1000 / 2)))
        timer.timeout.connect(lambda: health.notifier.notify("WATCHDOG=1"))
        timer.start()
        health.timer = timer
        log.info("systemd watchdog: a ping every %.1f s", health.notifier.watchdog_s / 2)
    path = settings[opt.METRICS_FILE]
    if path:
        health.task = asyncio.get_event_loop().create_task(
            _write_metrics(Path(path), settings, kiosk), name="metrics"
        )
    return health


async def _write_metrics(path: Path, settings: Settings, kiosk: Any) -> None:
    bridges = kiosk.bridges
    while True:
        try:
            values: dict[str, Any] = {}
            if bridges.backend.started:  # the database is open
                values = await metrics.database_health(kiosk.services.storage)
            reading = metrics.Health(
                version=__version__,
                site=settings[opt.SITE_ID],
                speech_ok=bool(bridges.speech.available),
                printer_ok=_printer_ok(),  # Qt's printer list: on the interface thread
                **values,
            )
            await asyncio.to_thread(metrics.write, path, metrics.render(reading, time.time()))
        except OSError as exc:
            log.warning("metrics file %s not written: %s", path, exc)
        except Exception:  # monitoring must never take the kiosk down
            log.exception("metrics not written")
        await asyncio.sleep(METRICS_EVERY_S)


def _printer_ok() -> bool:
    from kiosk.services.printing.slip import default_printer_name

    return bool(default_printer_name())
