"""A kiosk mid-session for the crash-residue test: a report typed up to its contact details (not
sent), a certificate printed with no printer; then "ready", and it waits to be killed.

Run as `python -m tests.e2e.crash_residue_session CONFIG`, with HOME, the XDG folders and TMPDIR
pointed at a test folder. It is the real kiosk (QML offscreen, the practice portal, the
database, logging to the log folder as `python -m kiosk` does), driven with the suite's helpers.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.app import prepare_environment

prepare_environment(software_rendering=True)

import qasync  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from kiosk.app import build  # noqa: E402
from kiosk.bridge.speech import SpeechBridge  # noqa: E402
from kiosk.config.loader import load_config  # noqa: E402
from kiosk.config.schema import LOG_LEVEL  # noqa: E402
from kiosk.services.speech.fake import RecordingSpeech  # noqa: E402
from kiosk.services.speech.headset import HeadsetMonitor  # noqa: E402
from kiosk.services.storage.logs import setup_logging  # noqa: E402
from kiosk.services.storage.paths import log_dir  # noqa: E402

CONTACT_NAME, PHONE = "зорница тодорова", "0887654329"
DESCRIPTION = "счупена пейка до фонтана"
LEARNER = "Велизар Кандов"


def main(config: Path) -> None:
    settings = load_config(config)
    setup_logging(log_dir(settings), settings[LOG_LEVEL])
    app = QGuiApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)  # as the suite does: async slots run in settle()
    speech = SpeechBridge(RecordingSpeech(HeadsetMonitor("manual")), settings)
    kiosk = build(settings, windowed=True, window_size=(1920, 1080), simulated_panel_mm=476.0,
                  speech=speech)  # fmt: skip
    kiosk.show()
    from kiosk.screen_states import report_steps
    from tests.integration.conftest import find, settle
    from tests.integration.report_helpers import (
        next_step,
        pad_digits,
        press,
        type_text,
        wait,
    )  # fmt: skip

    settle()
    wait(lambda: kiosk.bridges.backend.started, 30)
    press(kiosk, find(kiosk.window, "language_bg"))
    press(kiosk, find(kiosk.window, "tileReport"))
    wait(lambda: kiosk.bridges.report.loaded, 30)
    report = kiosk.bridges.report
    for step in report_steps(kiosk):  # the pothole, its questions, the place: least answers
        if step["id"] == "description":
            break
    type_text(kiosk, find(kiosk.window, "questionInput"), DESCRIPTION)
    next_step(kiosk, "questionNext")
    wait(lambda: report.step["id"] == "contact", 30)
    settle(50, 12)  # past the tremor filter: a touch right after a question appears is ignored
    press(kiosk, find(kiosk.window, "contactTile1"))  # yes, with my details (one touch)
    wait(lambda: report.step["id"] == "name", 30)
    type_text(kiosk, find(kiosk.window, "questionInput"), CONTACT_NAME)
    next_step(kiosk, "questionNext")
    pad_digits(kiosk, "questionPad", PHONE)
    desk = kiosk.bridges.trainer_desk
    desk.guided_today.append("l09-messages")
    desk.printCertificate(LEARNER, "")
    wait(lambda: any(kiosk.session_tmp.glob("*.pdf")), 30)
    print(f"ready {kiosk.session_tmp}", flush=True)
    while True:  # mid-session: the test kills the process now
        settle(100, 1)
        time.sleep(0.05)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
