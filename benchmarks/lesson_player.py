"""Time to open the lessons and to move between steps: loading the course, the player alone,
and the step screen in the real kiosk (offscreen) from Next to a drawn frame.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/lesson_player.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.1f} ms, worst {max(samples) * 1000:.1f} ms"


def course_load() -> None:
    from kiosk.services.lessons.files import load_course

    for lang in ("bg", "en"):
        samples = []
        for _ in range(10):
            t0 = time.perf_counter()
            course = load_course(lang=lang)
            samples.append(time.perf_counter() - t0)
        print(f"load_course({lang}), {len(course.lessons)} lessons: {ms(samples)}")


def player_steps() -> None:
    from kiosk.core.lesson_player import Player
    from kiosk.services.lessons.files import load_course

    samples = []
    for lesson in load_course(lang="bg").lessons:
        player = Player.resume(lesson, None)
        while not player.last:
            t0 = time.perf_counter()
            player.go(1)
            _ = player.done, player.complete
            samples.append(time.perf_counter() - t0)
    print(f"Player.go(1) and its checks, {len(samples)} steps: {ms(samples)}")


def screen_steps() -> None:
    from PySide6.QtGui import QGuiApplication

    from kiosk.app import build
    from kiosk.bridge.speech import SpeechBridge
    from kiosk.config import Settings
    from kiosk.services.speech.fake import RecordingSpeech
    from kiosk.services.speech.headset import HeadsetMonitor

    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    settings = Settings({})
    speech = SpeechBridge(RecordingSpeech(HeadsetMonitor("manual")), settings)
    kiosk = build(settings, windowed=True, start_screen="home", window_size=(1920, 1080),
                  simulated_panel_mm=476.0, speech=speech, start_backend=False)  # fmt: skip
    kiosk.show()
    lessons = kiosk.bridges.lessons
    t0 = time.perf_counter()
    kiosk.bridges.nav.go("lessons")
    app.processEvents()
    kiosk.window.grabWindow()
    opened = (time.perf_counter() - t0) * 1000
    print(f"lessons screen opened (course loaded) and drawn: {opened:.0f} ms")
    samples = []
    for lesson in lessons.course.lessons:
        lessons.start(lesson.id)
        kiosk.bridges.nav.go("lesson-step")
        app.processEvents()
        while not lessons.isLast:
            t0 = time.perf_counter()
            lessons.next()
            app.processEvents()
            kiosk.window.grabWindow()  # forces the frame to be drawn
            samples.append(time.perf_counter() - t0)
    print(f"Next to a drawn step (offscreen, software), {len(samples)} steps: {ms(samples)}")
    kiosk.close()


if __name__ == "__main__":
    course_load()
    player_steps()
    screen_steps()
