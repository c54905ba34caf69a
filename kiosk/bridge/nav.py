"""`Nav` in QML: which screen is shown, and the way back. Overlays (help, PIN) are not screens."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.bridge.qt import Property

log = logging.getLogger(__name__)

# Screen name -> QML file under ui/screens/. A capability adds its screens here when it is built.
SCREENS = {
    "attract": "AttractScreen.qml",
    "home": "HomeScreen.qml",
    "easier": "EasierScreen.qml",
    "trainer": "TrainerScreen.qml",
    "trainerGuided": "TrainerGuidedScreen.qml",
    "trainerPrint": "TrainerPrintScreen.qml",
    "trainerProgress": "TrainerProgressScreen.qml",
    "trainerStats": "TrainerStatsScreen.qml",
    "trainerOutbox": "TrainerOutboxScreen.qml",
    "trainerSettings": "TrainerSettingsScreen.qml",
    "trainerSetting": "TrainerSettingScreen.qml",
    "learnerCard": "LearnerCardScreen.qml",
    "report-category": "ReportCategoryScreen.qml",
    "report-question": "ReportQuestionScreen.qml",
    "report-location": "ReportLocationScreen.qml",
    "report-contact": "ReportContactScreen.qml",
    "report-review": "ReportReviewScreen.qml",
    "report-receipt": "ReportReceiptScreen.qml",
    "report-problem": "ReportProblemScreen.qml",
    "track": "TrackScreen.qml",
    "track-result": "TrackResultScreen.qml",
    "helpNearby": "HelpNearbyScreen.qml",
    "places": "PlacesScreen.qml",
    "place": "PlaceScreen.qml",
    "departures": "DeparturesScreen.qml",
    "lessons": "LessonsScreen.qml",
    "lesson-step": "LessonStepScreen.qml",
}


class NavBridge(QObject):
    screenChanged = Signal()

    def __init__(self, start: str = "attract") -> None:
        super().__init__()
        if start not in SCREENS:
            raise ValueError(f"unknown screen {start!r}; known: {', '.join(sorted(SCREENS))}")
        self._stack = [start]

    @Property(str, notify=screenChanged)
    def screen(self) -> str:
        return self._stack[-1]

    @Property(str, notify=screenChanged)
    def source(self) -> str:
        return "screens/" + SCREENS[self._stack[-1]]

    @Property(bool, notify=screenChanged)
    def canGoBack(self) -> bool:
        return len(self._stack) > 1

    @Slot(str)
    def go(self, name: str) -> None:
        if name not in SCREENS:
            log.error("no screen named %r", name)
            return
        if name == "home":
            self._stack = ["home"]
        else:
            self._stack.append(name)
        log.info("screen %s", name)
        self.screenChanged.emit()

    @Slot()
    def back(self) -> None:
        if len(self._stack) > 1:
            self._stack.pop()
            self.screenChanged.emit()

    @Slot(str)
    def backTo(self, name: str) -> None:
        """Step back to `name` when it is the screen before this one, otherwise open it: a
        wizard's Back or a lesson's end, so screens are not stacked up again (and the keypad's
        Back afterwards goes where the resident came from)."""
        if len(self._stack) > 1 and self._stack[-2] == name:
            self.back()
        else:
            self.go(name)

    @Slot()
    def reset(self) -> None:
        self._stack = ["attract"]
        self.screenChanged.emit()
