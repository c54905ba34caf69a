"""Every setting in the schema does something: for each option, changing it changes what the
kiosk the composition root builds from it does or is configured to do. A trainer must never see
a control that does nothing; a new option without an entry here fails `test_every_option...`.

Each probe builds what it needs from the settings the way the kiosk does (the shell's bridges via
`Bridges.build`, each capability and service on first use, the runner's own steps) and returns
something observable; the test compares it under the default and under a changed value.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow

from kiosk import runner
from kiosk.bridge.speech import SpeechBridge
from kiosk.bridges import Bridges
from kiosk.compose import Services, speech_service
from kiosk.config import Settings
from kiosk.config import schema as s
from kiosk.core.pin import hash_pin
from kiosk.services.speech.fake import RecordingSpeech
from kiosk.services.speech.headset import HeadsetMonitor
from kiosk.services.storage.paths import log_dir

PIN = "246813"
OPEN311 = {"portal.mode": "open311", "portal.open311_url": "https://311.example.org/v2"}
PUBLICATION = {
    "site.id": "sofia-test", "statistics.ckan_url": "https://data.example.org",
    "statistics.resource_id": "res-1",
}  # fmt: skip


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Kiosk:
    """What the composition root builds from `settings`, built piece by piece on first use."""

    settings: Settings
    tmp_path: Path
    monkeypatch: pytest.MonkeyPatch
    clock: Clock = field(default_factory=Clock)

    @cached_property
    def services(self) -> Services:
        return Services(self.settings)

    @cached_property
    def bridges(self) -> Bridges:
        voice = SpeechBridge(RecordingSpeech(HeadsetMonitor("manual")), self.settings)
        return Bridges.build(
            self.settings, self.services, self.tmp_path / "session", windowed=True,
            start_screen="attract", clock=self.clock, speech=voice,
        )  # fmt: skip

    def close(self) -> None:
        if "bridges" in self.__dict__:
            self.bridges.speech.shutdown()
            self.bridges.session.stop()
        asyncio.run(self.services.aclose())


def seconds_until_warning(k: Kiosk, in_form: bool = False) -> int:
    session = k.bridges.session
    session.begin()
    session.setInForm(in_form)
    for waited in range(1, 4000):
        k.clock.now += 1
        session.tick()
        if session.warning:
            return waited
    raise AssertionError("no warning")


def extensions(k: Kiosk) -> int:
    session, count = k.bridges.session, 0
    session.begin()
    while True:
        k.clock.now += 4000
        session.tick()
        if not session.canExtend:
            return count
        session.extend()
        count += 1


def locked_for(k: Kiosk) -> int:
    trainer = k.bridges.trainer
    for _ in range(k.settings[s.PIN_MAX_TRIES]):
        trainer.tryPin("0000")
    return int(trainer.secondsLocked)


def place_codes(k: Kiosk) -> list[str]:
    return [c["code"] for c in k.bridges.places.categories]


def practice_step(k: Kiosk) -> float:
    transport, close = k.services.portals.embedded.open()
    try:
        return float(transport.app.state.store.step_seconds)  # type: ignore[attr-defined]
    finally:
        close()


def publisher(k: Kiosk, attribute: str) -> Any:
    found = k.services.publisher
    return getattr(found, attribute) if found is not None else None


def rendering(k: Kiosk) -> str | None:
    k.monkeypatch.delenv("QT_QUICK_BACKEND", raising=False)
    k.monkeypatch.setenv("QT_LOGGING_RULES", os.environ.get("QT_LOGGING_RULES", ""))
    runner._start_qt(k.settings)
    return os.environ.get("QT_QUICK_BACKEND")


def log_level(k: Kiosk) -> int:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        runner.start_logging(k.settings)
        return root.level
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            if handler not in handlers:
                handler.close()
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)


def engine_name(k: Kiosk) -> str | None:
    from kiosk.services.speech import create_engine

    engine = create_engine(k.settings)
    if engine is None:
        return None
    engine.close()
    return engine.name


def headset_mode(k: Kiosk) -> str:
    voice = SpeechBridge(speech_service(k.settings), k.settings)
    try:
        return str(voice.service.headset.mode)
    finally:
        voice.shutdown()


def metrics_task(k: Kiosk) -> bool:
    from kiosk import health

    class Shown:
        window = QQuickWindow()

    async def started() -> bool:
        monitor = health.start(k.settings, Shown())
        running = monitor.task is not None
        await monitor.stop()
        return running

    return asyncio.run(started())


def may_update_at(hour: int, minute: int = 0) -> Callable[[Kiosk], bool]:
    """Whether `silver-kiosk updates check` lets an update start on a Monday at that time."""

    def probe(k: Kiosk) -> bool:
        from datetime import datetime

        from kiosk.services.updates.window import check

        return check(k.settings, datetime(2026, 3, 2, hour, minute), paths=[]).allowed

    return probe


def session_lock(k: Kiosk) -> list[Path]:
    from kiosk.services.updates.session_lock import lock_paths

    return lock_paths(k.settings[s.UPDATES_SESSION_LOCK])


def pixels_per_mm(k: Kiosk) -> float:
    display = k.bridges.display
    display.set_screen(QGuiApplication.primaryScreen())
    return round(float(display.pxPerMm), 4)


def everyday_promise(k: Kiosk) -> str:
    """The home tile's promise: the featured problems of the site's table when it has one
    (written where the setting points, inside the test's folder), else the bundled ones."""
    from kiosk import i18n

    table = Path(k.settings[s.REPORT_EVERYDAY_NAMES])
    if table.is_relative_to(k.tmp_path):
        lang = i18n.current_language()
        table.write_text(f'[{lang}]\nfeatured = ["28"]\n[{lang}.services]\n"28" = "Тъмна улица"\n',
                         encoding="utf-8")  # fmt: skip
    return str(k.bridges.report.promise)


def open311(k: Kiosk) -> Any:
    client = k.services.portals.open311
    assert client is not None
    return client


# key -> (a changed value, settings it needs to show, what is observed)
Probe = tuple[Any, dict[str, Any], Callable[[Kiosk], Any]]
PROBES: dict[str, Probe] = {
    "display.panel_width_mm": (300.0, {}, pixels_per_mm),
    "display.viewing_distance_mm": (900, {}, lambda k: k.bridges.display.viewingDistanceMm),
    "display.window_size": ("1024x768", {}, lambda k: runner.window_size(k.settings, True)),
    "display.software_rendering": (False, {}, rendering),
    "session.idle_seconds": (300, {}, seconds_until_warning),
    "session.form_idle_seconds": (600, {}, lambda k: seconds_until_warning(k, in_form=True)),
    "session.warning_seconds": (60, {}, lambda k: (seconds_until_warning(k),
                                                   k.bridges.session.secondsLeft)[1]),
    "session.max_extensions": (20, {}, extensions),
    "session.default_language": ("en", {}, lambda k: k.bridges.session.language),
    "session.tap_filter_ms": (0, {}, lambda k: k.bridges.shell.tapFilterMs),
    "kiosk.trainer_pin_hash": (hash_pin(PIN), {}, lambda k: k.bridges.trainer.tryPin(PIN)),
    "kiosk.pin_max_tries": (3, {}, lambda k: k.bridges.trainer.triesLeft),
    "kiosk.pin_lock_seconds": (60, {"kiosk.trainer_pin_hash": hash_pin(PIN)}, locked_for),
    "kiosk.staff_help": ("Ask at the front desk", {}, lambda k: k.bridges.shell.staffHelp),
    "site.id": ("sofia-other", PUBLICATION, lambda k: publisher(k, "site")),
    "site.name": ("Читалище Светлина", {}, lambda k: k.bridges.shell.venue),
    "site.address": ("ул. „Шипка“ 6", {}, lambda k: k.bridges.report._place.address),
    "site.lat": (42.70, {}, lambda k: k.services.portals.places.origin),
    "site.lon": (23.33, {}, lambda k: k.services.departures._where),
    "paths.data_dir": ("data-elsewhere", {}, lambda k: k.services.folder),
    "paths.log_dir": ("logs-elsewhere", {}, lambda k: log_dir(k.settings)),
    "logging.level": ("DEBUG", {}, log_level),
    "portal.mode": ("handoff", {}, lambda k: k.bridges.backend.practice),
    "portal.open311_url": ("https://311.example.org/v2", {"portal.mode": "open311"},
                           lambda k: open311(k).base_url),
    "portal.open311_format": ("xml", OPEN311, lambda k: open311(k).fmt),
    "portal.open311_api_key": ("key-1", OPEN311, lambda k: open311(k).api_key),
    "portal.jurisdiction_id": ("sofia.bg", OPEN311, lambda k: open311(k).jurisdiction_id),
    "portal.ckan_url": ("https://data.example.org", {},
                        lambda k: k.services.portals.ckan.site_url),
    "portal.places_pharmacy": ("", {}, place_codes),
    "portal.places_clinic": ("", {}, place_codes),
    "portal.places_office": ("", {}, place_codes),
    "portal.places_day_centre": ("", {}, place_codes),
    "portal.places_fountain": ("", {}, place_codes),
    "portal.places_toilet": ("", {}, place_codes),
    "portal.place_fields": ("name=Име", {}, lambda k: k.services.portals.places.columns),
    "portal.places_max_distance_m": (1000, {}, lambda k: k.bridges.places.emptyText),
    "portal.connect_timeout_s": (2.0, {}, lambda k: open311(k).client.timeout.connect),
    "portal.read_timeout_s": (30.0, {}, lambda k: open311(k).client.timeout.read),
    "portal.write_timeout_s": (30.0, {}, lambda k: open311(k).client.timeout.write),
    "portal.pool_timeout_s": (2.0, {}, lambda k: open311(k).client.timeout.pool),
    "portal.total_timeout_s": (30.0, {}, lambda k: open311(k).deadline),
    "portal.max_response_bytes": (1_000_000, {}, lambda k: open311(k).max_bytes),
    "portal.practice_step_seconds": (10.0, {}, practice_step),
    "outbox.retention_days": (7, {}, lambda k: k.services.outbox._retention_days),
    "outbox.retry_base_seconds": (20.0, {}, lambda k: k.services.outbox._policy),
    "outbox.retry_max_seconds": (600.0, {}, lambda k: k.services.outbox._policy),
    "cache.services_max_age_s": (3600, {}, lambda k: k.bridges.report._max_age_s),
    "cache.places_max_age_s": (3600, {}, lambda k: k.bridges.places._max_age_s),
    "cache.gtfs_max_age_s": (3600, {}, lambda k: k.services.departures._max_age),
    "transport.gtfs_static_url": ("https://gtfs.example.org/static.zip", {},
                                  lambda k: k.services.departures._static_url),
    "transport.gtfs_realtime_url": ("https://gtfs.example.org/rt", {},
                                    lambda k: k.services.departures._realtime_url),
    "transport.stops_radius_m": (300, {}, lambda k: k.services.departures._where),
    "transport.departures_window_min": (60, {}, lambda k: k.services.departures._window),
    "speech.engine": ("off", {}, engine_name),
    "speech.default_rate": ("slow", {}, lambda k: k.bridges.speech.rateStep),
    "speech.default_volume": (2, {}, lambda k: k.bridges.speech.volumeStep),
    "speech.auto_read": (False, {}, lambda k: k.bridges.speech.autoRead),
    "speech.headset_detection": ("manual", {}, headset_mode),
    "report.nearby_streets": ("ул. „Шипка“", {}, lambda k: k.bridges.report._place.streets),
    "report.everyday_names": ("everyday-names.toml", {}, everyday_promise),
    "report.tracking_url": ("https://city.example.org/r/{id}", {},
                            lambda k: k.bridges.report._tracking_url),
    "trainer.learner_retention_days": (30, {}, lambda k: k.services.learners._retention_days),
    "statistics.suppress_below": (10, PUBLICATION, lambda k: publisher(k, "threshold")),
    "statistics.ckan_url": ("https://other.example.org", PUBLICATION,
                            lambda k: k.services._publication.site_url),
    "statistics.resource_id": ("res-2", PUBLICATION, lambda k: publisher(k, "resource_id")),
    "statistics.api_key": ("token-1", PUBLICATION, lambda k: k.services._publication.client
                           .headers.get("Authorization")),
    "health.metrics_file": ("metrics.prom", {}, metrics_task),
    "site.opening_hours": ("Sa 09:00-15:00", {}, may_update_at(10)),
    "updates.only_when_closed": (False, {}, may_update_at(10)),
    "updates.closed_minutes": (10, {}, may_update_at(7, 30)),
    "updates.session_lock": ("session-elsewhere.lock", {}, session_lock),
    "lessons.site_folder": ("", {}, lambda k: k.services.lesson_library._roots[1]),
}  # fmt: skip
RELATIVE_PATHS = {
    "paths.data_dir", "paths.log_dir", "health.metrics_file", "updates.session_lock",
    "report.everyday_names",
}  # fmt: skip


def test_every_option_has_a_probe() -> None:
    keys = {option.key for option in s.OPTIONS}
    assert sorted(keys - PROBES.keys()) == [], "a new setting: show here what it changes"
    assert sorted(PROBES.keys() - keys) == [], "a setting was removed: remove its probe"


@pytest.fixture
def build(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[dict[str, Any]], Kiosk]]:
    built: list[Kiosk] = []

    def make(values: dict[str, Any]) -> Kiosk:
        base = {"paths.data_dir": str(tmp_path / "data"), "paths.log_dir": str(tmp_path / "logs")}
        kiosk = Kiosk(Settings({**base, **values}), tmp_path, monkeypatch)
        built.append(kiosk)
        return kiosk

    yield make
    for kiosk in built:
        kiosk.close()


@pytest.mark.parametrize("key", sorted(PROBES))
def test_changing_the_option_changes_the_kiosk(
    key: str, build: Callable[[dict[str, Any]], Kiosk], tmp_path: Path
) -> None:
    changed, needs, observe = PROBES[key]
    if key in RELATIVE_PATHS:
        changed = str(tmp_path / changed)
    before = observe(build(needs))
    after = observe(build({**needs, key: changed}))
    assert before != after, f"{key}: {before!r} both with the default and with {changed!r}"
