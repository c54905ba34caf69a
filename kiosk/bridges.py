"""The objects QML sees: the shell's, built with the kiosk; each capability's, on first use.

The bridge half of the composition root (kiosk/app.py calls it). A capability (reporting,
lessons, departures, the trainer's desk, …) is imported, built and connected the first time
anything asks for it: QML resolving its singleton when a screen that uses it opens, another
bridge, or a test. Each gets, in its constructor, the typed services it uses, taken from the
root's `Services` (kiosk/compose.py), which builds each of them on first use too. The attract
screen's first frame so waits only for the shell, and a capability's session state is wiped only
once it exists.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from kiosk import i18n
from kiosk.compose import Services
from kiosk.config import Settings

if TYPE_CHECKING:
    from kiosk.bridge.backend import BackendBridge
    from kiosk.bridge.departures import DeparturesBridge
    from kiosk.bridge.display import DisplayBridge
    from kiosk.bridge.guided import GuidedBridge
    from kiosk.bridge.i18n import I18nBridge
    from kiosk.bridge.learner import CardProgress, LearnerBridge
    from kiosk.bridge.lessons import LessonsBridge
    from kiosk.bridge.nav import NavBridge
    from kiosk.bridge.places import PlacesBridge
    from kiosk.bridge.report import ReportBridge
    from kiosk.bridge.session import SessionBridge
    from kiosk.bridge.shell import ShellBridge
    from kiosk.bridge.speech import SpeechBridge
    from kiosk.bridge.track import TrackBridge
    from kiosk.bridge.trainer import TrainerBridge
    from kiosk.bridge.trainer_desk import TrainerDeskBridge
    from kiosk.bridge.trainer_settings import TrainerSettingsBridge
    from kiosk.bridge.usage import Usage

# QML singletons under `import Kiosk`: name -> (attribute of Bridges, class for the linter).
SINGLETONS: dict[str, tuple[str, str]] = {
    "Display": ("display", "kiosk.bridge.display.DisplayBridge"),
    "Session": ("session", "kiosk.bridge.session.SessionBridge"),
    "I18n": ("i18n", "kiosk.bridge.i18n.I18nBridge"),
    "Nav": ("nav", "kiosk.bridge.nav.NavBridge"),
    "Shell": ("shell", "kiosk.bridge.shell.ShellBridge"),
    "Trainer": ("trainer", "kiosk.bridge.trainer.TrainerBridge"),
    "Speech": ("speech", "kiosk.bridge.speech.SpeechBridge"),
    "Backend": ("backend", "kiosk.bridge.backend.BackendBridge"),
    "TrainerDesk": ("trainer_desk", "kiosk.bridge.trainer_desk.TrainerDeskBridge"),
    "TrainerSettings": ("trainer_settings", "kiosk.bridge.trainer_settings.TrainerSettingsBridge"),
    "Guided": ("guided", "kiosk.bridge.guided.GuidedBridge"),
    "Learner": ("learner", "kiosk.bridge.learner.LearnerBridge"),
    "Report": ("report", "kiosk.bridge.report.ReportBridge"),
    "Track": ("track", "kiosk.bridge.track.TrackBridge"),
    "Places": ("places", "kiosk.bridge.places.PlacesBridge"),
    "Departures": ("departures", "kiosk.bridge.departures.DeparturesBridge"),
    "Lessons": ("lessons", "kiosk.bridge.lessons.LessonsBridge"),
}
CAPABILITIES = (
    "trainer_desk",
    "trainer_settings",
    "guided",
    "learner",
    "report",
    "track",
    "places",
    "departures",
    "lessons",
)


class Bridges:
    """The shell's bridges as plain attributes; each capability's as a property built once."""

    def __init__(
        self,
        settings: Settings,
        services: Services,
        session_tmp: Path,
        *,
        display: DisplayBridge,
        session: SessionBridge,
        i18n: I18nBridge,
        nav: NavBridge,
        shell: ShellBridge,
        trainer: TrainerBridge,
        speech: SpeechBridge,
        backend: BackendBridge,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.services = services  # handed out piece by piece, never to a bridge whole
        self.session_tmp = session_tmp  # this person's files, emptied by the wipe
        self.clock = clock
        self.display = display
        self.session = session
        self.i18n = i18n
        self.nav = nav
        self.shell = shell
        self.trainer = trainer
        self.speech = speech
        self.backend = backend

    @classmethod
    def build(
        cls,
        settings: Settings,
        services: Services,
        session_tmp: Path,
        *,
        windowed: bool,
        start_screen: str,
        clock: Callable[[], float],
        speech: SpeechBridge,
        pin_clock: Callable[[], float] = time.time,
    ) -> Bridges:
        """The shell's bridges from the settings (the capabilities come on first use)."""
        from kiosk.bridge.backend import BackendBridge
        from kiosk.bridge.display import DisplayBridge
        from kiosk.bridge.i18n import I18nBridge
        from kiosk.bridge.nav import NavBridge
        from kiosk.bridge.session import SessionBridge
        from kiosk.bridge.shell import ShellBridge
        from kiosk.bridge.trainer import TrainerBridge
        from kiosk.config import schema as opt
        from kiosk.core.pin import PinGuard
        from kiosk.core.portal import effective_mode
        from kiosk.core.session import IdlePolicy

        policy = IdlePolicy(
            idle_seconds=settings[opt.IDLE_SECONDS],
            form_idle_seconds=settings[opt.FORM_IDLE_SECONDS],
            warning_seconds=settings[opt.WARNING_SECONDS],
            max_extensions=settings[opt.MAX_EXTENSIONS],
        )
        # the PIN pad's lock outlives a restart: kept on disk, timed by the wall clock
        lock_file = services.pin_lock
        guard = PinGuard(
            settings[opt.TRAINER_PIN_HASH],
            settings[opt.PIN_MAX_TRIES],
            settings[opt.PIN_LOCK_SECONDS],
            lock_file.state,
            lock_file.save,
        )
        mode = effective_mode(settings[opt.PORTAL_MODE], settings[opt.OPEN311_URL])
        return cls(
            settings,
            services,
            session_tmp,
            clock=clock,
            display=DisplayBridge(settings[opt.PANEL_WIDTH_MM], settings[opt.VIEWING_DISTANCE_MM]),
            session=SessionBridge(policy, settings[opt.DEFAULT_LANGUAGE], clock),
            i18n=I18nBridge(),
            nav=NavBridge(start_screen),
            shell=ShellBridge(
                windowed=windowed,
                start_screen=start_screen,
                venue=settings[opt.VENUE_NAME],
                staff_help=settings[opt.STAFF_HELP],
                tap_filter_ms=settings[opt.TAP_FILTER_MS],
            ),
            trainer=TrainerBridge(
                guard, lockdown=not windowed, clock=clock, pin_clock=pin_clock, lock_file=lock_file
            ),
            speech=speech,
            backend=BackendBridge(mode == "practice"),
        )

    def __repr__(self) -> str:  # never touch Qt objects here: they may already be gone
        return f"<Bridges built={self.built()}>"

    def built(self) -> list[str]:
        """The capabilities built so far."""
        return [name for name in CAPABILITIES if name in self.__dict__]

    def build_all(self) -> None:
        for name in CAPABILITIES:
            getattr(self, name)

    def build_rest(self) -> None:
        """Build the capabilities not built yet, one per turn of the event loop: started after
        the first frame, so the first tap finds its screen's bridge ready."""
        missing = [name for name in CAPABILITIES if name not in self.__dict__]
        if missing:
            getattr(self, missing[0])
            QTimer.singleShot(0, self.build_rest)

    def get(self, attr: str) -> QObject:
        obj: QObject = getattr(self, attr)
        return obj

    def speak(self, text: str, voice: str = "") -> None:
        """Speak in the interface language; `voice` "other" is a pretend caller's voice."""
        if voice:
            self.speech.speakAs(text, voice)
        else:
            self.speech.speak(text)

    def _wiped(self, hook: Callable[[], None]) -> None:
        self.session.add_wipe_hook(hook)

    # --- capabilities -------------------------------------------------------------------
    @cached_property
    def usage(self) -> Usage:
        """The anonymous counts, from the first session on (the session hooks count into it)."""
        from kiosk.bridge.usage import Usage

        return Usage(self.services.stats, self.services.learners)

    @cached_property
    def card_progress(self) -> CardProgress:
        """The lesson player's progress, also kept against a learner card once one is typed."""
        from kiosk.bridge.learner import CardProgress

        progress = CardProgress(self.usage)
        self._wiped(progress.clear)
        return progress

    @cached_property
    def trainer_desk(self) -> TrainerDeskBridge:
        from kiosk.bridge.trainer_desk import TrainerDeskBridge

        services = self.services
        desk = TrainerDeskBridge(
            self.settings,
            stats=services.stats,
            learners=services.learners,
            outbox=services.outbox,
            usage=self.usage,
            backend=self.backend,
            trainer=self.trainer,
            speak=self.speak,
            session_dir=self.session_tmp,
            library=services.lesson_library,
        )
        self._wiped(desk.reset)
        return desk

    @cached_property
    def trainer_settings(self) -> TrainerSettingsBridge:
        from kiosk.bridge.trainer_settings import TrainerSettingsBridge

        bridge = TrainerSettingsBridge(self.settings, self.speak)
        self._wiped(bridge.reset)
        self.trainer_desk.ended.connect(bridge.reset)
        self.session.languageChanged.connect(bridge.changed)
        return bridge

    @cached_property
    def guided(self) -> GuidedBridge:
        from kiosk.bridge.guided import GuidedBridge

        bridge = GuidedBridge(
            self.trainer_desk,
            self.usage,
            clock=self.clock,
            speak=self.speak,
            library=self.services.lesson_library,
        )
        self._wiped(bridge.reset)
        self.trainer_desk.ended.connect(bridge.reset)
        return bridge

    @cached_property
    def learner(self) -> LearnerBridge:
        from kiosk.bridge.learner import LearnerBridge

        bridge = LearnerBridge(
            self.card_progress,
            self.services.learners,
            self.speak,
            lessons_changed=lambda: self.lessons.changed.emit(),
        )
        self._wiped(bridge.reset)
        return bridge

    @cached_property
    def report(self) -> ReportBridge:
        from kiosk.bridge.report import ReportBridge

        services = self.services
        bridge = ReportBridge(
            self.settings,
            open311=services.portals.open311,
            cache=services.open311_cache,
            outbox=services.outbox,
            nav=self.nav,
            speak=self.speak,
            slip_dir=self.session_tmp,
            language=i18n.current_language,
        )
        self._wiped(bridge.reset)
        self.session.languageChanged.connect(bridge.relanguage)
        return bridge

    @cached_property
    def track(self) -> TrackBridge:
        from kiosk.bridge.track import TrackBridge

        bridge = TrackBridge(
            open311=self.services.portals.open311,
            outbox=self.services.outbox,
            nav=self.nav,
            speak=self.speak,
            language=i18n.current_language,
        )
        self._wiped(bridge.reset)
        return bridge

    @cached_property
    def places(self) -> PlacesBridge:
        from kiosk.bridge.places import PlacesBridge

        bridge = PlacesBridge(
            self.settings,
            finder=self.services.portals.places,
            cache=self.services.ckan_cache,
            speak=self.speak,
            slip_dir=self.session_tmp,
        )
        self._wiped(bridge.reset)
        self.session.languageChanged.connect(bridge.changed)
        return bridge

    @cached_property
    def departures(self) -> DeparturesBridge:
        from kiosk.bridge.departures import DeparturesBridge

        bridge = DeparturesBridge(
            self.settings, transport=self.services.departures, speak=self.speak
        )
        self._wiped(bridge.reset)
        self.session.languageChanged.connect(bridge.retranslate)
        return bridge

    @cached_property
    def lessons(self) -> LessonsBridge:
        from kiosk.bridge.lessons import LessonsBridge

        bridge = LessonsBridge(
            i18n.current_language,
            self.speak,
            practice=self.services.portals.practice_open311,
            progress=self.card_progress,
            library=self.services.lesson_library,
        )
        self._wiped(bridge.reset)
        self.session.languageChanged.connect(bridge.relanguage)
        return bridge
