"""`Report` in QML: "Report a problem to the city", one question per screen, through the outbox.

The wizard (kiosk.core.wizard) holds the answers; this bridge loads the services through the
cache (so it works offline from the saved copy), shows the current step, moves between the
screens, submits through the outbox and makes the receipt. Hand-off mode prints instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from qasync import asyncSlot

from kiosk.bridge.backend import BackendBridge
from kiosk.bridge.nav import NavBridge
from kiosk.bridge.report_load import by_phone, load_definition, load_services
from kiosk.bridge.report_submit import ReceiptInfo, submit_report
from kiosk.bridge.report_text import (
    digits_spoken,
    format_day,
    handoff_qr,
    handoff_slip,
    qr_data_uri,
    receipt_slip,
)
from kiosk.bridge.tasks import cancel, running
from kiosk.config import Settings
from kiosk.config import schema as s
from kiosk.core.errors import PortalError
from kiosk.core.wizard import Place, Wizard, handoff_services, phone_script
from kiosk.core.wizard_steps import DefinitionInvalid
from kiosk.i18n import _
from kiosk.services.printing.slip import default_printer_name, print_slip
from kiosk.services.reports.everyday import load_names

log = logging.getLogger(__name__)
BUSY_SPEAK_AFTER_S = 1.0
CONFIRM_S = 0.4  # a touched choice shows its check mark this long before the next question
# Which screen renders which step.
SCREEN_OF = {
    "category": "report-category",
    "service": "report-category",
    "where": "report-location",
    "contact": "report-contact",
    "review": "report-review",
}
WIZARD_SCREENS = {*SCREEN_OF.values(), "report-question"}


class ReportBridge(QObject):
    changed = Signal()
    stepChanged = Signal()
    stepMoved = Signal()  # a new step on the same screen: read it aloud again

    def __init__(
        self,
        settings: Settings,
        backend: Callable[[], BackendBridge],
        nav: Callable[[], NavBridge],
        speak: Callable[[str], None],
        slip_dir: Path,
        language: Callable[[], str],
        clock: Callable[[], datetime] = datetime.now,
        printer: Callable[[], str] = default_printer_name,
    ) -> None:
        """`printer`: the name of the printer slips go to ('' when there is none)."""
        super().__init__()
        self._settings, self._backend_of, self._nav_of = settings, backend, nav
        self._speak, self._slip_dir, self._language, self._clock = speak, slip_dir, language, clock
        self._handoff = settings[s.PORTAL_MODE] == "handoff"
        streets = tuple(
            x.strip() for x in settings[s.REPORT_NEARBY_STREETS].split(",") if x.strip()
        )
        self._place = Place(settings[s.KIOSK_LAT], settings[s.KIOSK_LON],
                            settings[s.KIOSK_ADDRESS].strip(), streets)  # fmt: skip
        self._printer = printer
        self._task: asyncio.Task[Any] | None = None
        self._confirming: asyncio.TimerHandle | None = None
        self._nav_connected = False
        self.reset()

    @Slot()
    def reset(self) -> None:
        """The session wipe: every answer, the receipt and any slip message are forgotten."""
        cancel(self._task)
        self._task = None
        if self._confirming is not None:
            self._confirming.cancel()
        self._confirming = None
        self._moving = False  # a question's next one is on its way: touches wait
        self._wizard = self._new_wizard()
        self._shown_at = 0.0  # when the current step was shown (a tap right after is a tremor)
        self._progress = (1, 0)
        self._can_print = False
        self._loaded = False
        self._busy = ""
        self._problem = ""
        self._error = ""
        self._age = ""
        self._receipt: ReceiptInfo | None = None
        self._slip_message = ""
        self._shown: dict[str, str] = {}
        self._step_cache: dict[str, Any] = {}
        self._qr_cache: tuple[str, str, int] = ("", "", 0)
        self._emit()

    def _new_wizard(self) -> Wizard:
        """The wizard of a new report, with the everyday names in the resident's language."""
        return Wizard(
            [], self._place, handoff=self._handoff,
            names=load_names(self._language(), self._settings[s.REPORT_EVERYDAY_NAMES]),
            today=lambda: self._clock().date(),
            format_day=lambda day: format_day(day, self._language()),
        )  # fmt: skip

    # --- state for the screens -----------------------------------------------------------
    def _step_dict(self) -> dict[str, Any]:
        """What stays the same while the resident answers: the tiles are not rebuilt on a tap
        (which would lose the keypad focus and the page shown). The progress line is the one
        set when the step was shown, so an answer never changes it on the same screen."""
        step = self._wizard.step()
        n, m = self._progress
        return {
            "id": step.id, "kind": step.kind, "title": step.title, "question": step.question,
            "hint": step.hint, "required": step.required, "personal": step.personal,
            "n": n, "m": m, "phrases": list(step.phrases), "notice": step.notice,
            "oneTouch": step.kind == "choices",
            "options": [{"key": c.key, "label": c.label, "detail": c.detail}
                        for c in step.choices],
        }  # fmt: skip

    def _emit(self) -> None:
        step = self._step_dict()
        if step != self._step_cache:
            self._step_cache = step
            self.stepChanged.emit()
        self.changed.emit()

    @Property("QVariantMap", notify=stepChanged)
    def step(self) -> dict[str, Any]:
        return self._step_cache

    @Property(str, notify=stepChanged)
    def progressText(self) -> str:
        """ "Step 3 of 11", or "Step 2" while the total is not known yet."""
        n, m = self._progress
        if m:
            return _("Step {n} of {m}").format(n=n, m=m)
        return _("Step {n}").format(n=n)

    @Property(str, notify=changed)
    def value(self) -> str:
        value = self._wizard.value()
        return value if isinstance(value, str) else ""

    @Property("QVariantList", notify=changed)
    def selected(self) -> list[str]:
        value = self._wizard.value()
        return list(value) if isinstance(value, tuple) else ([value] if value else [])

    @Property(bool, notify=changed)
    def loaded(self) -> bool:
        return self._loaded

    @Property(bool, notify=changed)
    def handoff(self) -> bool:
        return self._handoff

    @Property(str, notify=changed)
    def busy(self) -> str:
        return self._busy

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._problem

    @Property(str, notify=changed)
    def error(self) -> str:
        return self._error

    @Property(str, notify=changed)
    def ageText(self) -> str:
        return self._age

    @Property("QVariantList", notify=changed)
    def review(self) -> list[dict[str, Any]]:
        """The review's lines: each a sentence, and what the voice says of it (a personal
        answer is shown, never read aloud on the loudspeaker)."""
        return [{"id": r.step_id, "label": r.label, "value": r.value, "personal": r.personal,
                 "text": r.text, "spoken": r.label if r.personal else r.text}
                for r in self._wizard.review()]  # fmt: skip

    @Property(str, notify=changed)
    def promise(self) -> str:
        """What the home screen's tile names: the problems the wizard offers first."""
        return load_names(self._language(), self._settings[s.REPORT_EVERYDAY_NAMES]).promise()

    @Property("QVariantMap", notify=changed)
    def receipt(self) -> dict[str, Any]:
        r = self._receipt
        if r is None:
            return {"number": "", "label": "", "status": "", "title": "", "queued": False,
                    "qr": "", "qrText": "", "qrModules": 0, "reference": "",
                    "handoff": self._handoff,
                    "script": "", "spokenNumber": "", "canPrint": False}  # fmt: skip
        return {"number": r.number, "label": r.label, "status": r.status, "title": r.title,
                "queued": r.queued, "qr": self._qr_image(r.qr)[0], "qrText": r.qr_text,
                "qrModules": self._qr_image(r.qr)[1],
                "reference": r.reference, "handoff": r.handoff,
                "script": phone_script(self._wizard) if r.handoff else "",
                "spokenNumber": self._number_sentence(r.number),
                "canPrint": self._can_print}  # fmt: skip

    def _qr_image(self, payload: str) -> tuple[str, int]:
        """Made once per receipt: the property is read by several bindings."""
        if not payload:
            return "", 0
        if self._qr_cache[0] != payload:
            self._qr_cache = (payload, *qr_data_uri(payload))
        return self._qr_cache[1], self._qr_cache[2]

    @Property(str, notify=changed)
    def slipMessage(self) -> str:
        return self._slip_message

    # --- starting and loading ------------------------------------------------------------
    @asyncSlot()
    async def start(self) -> None:
        """Home tile: a new report. Loads the services (cache first when offline)."""
        self._connect_nav()
        self.reset()
        self._shown_at = asyncio.get_running_loop().time()
        self._go("report-category")
        await self._guarded(self._load_services())

    async def _guarded(self, job: Any) -> None:
        if running(self._task):
            job.close()  # a second tap while the first request runs: ignored
            return
        self._task = asyncio.ensure_future(job)
        try:
            await self._task
        except asyncio.CancelledError:
            pass
        finally:
            self._task = None

    async def _load_services(self) -> None:
        if self._handoff:
            self._wizard.services = handoff_services()
            self._loaded = True
            self._emit()
            return
        timer = self._busy_for(_("Getting the list of problems from the city. Please wait."))
        try:
            services, self._age = await load_services(self._backend_of(), self._language())
            self._wizard.services = services
            self._loaded = True
            if not services:
                self._problem = _("The city's service lists no kinds of problem today. Please "
                                  "call Call Sofia on 0700 17 310.")  # fmt: skip
        except PortalError as exc:
            log.info("report services: %s (%s)", type(exc).__name__, exc.detail)
            self._problem = by_phone(exc)
        finally:
            timer.cancel()
            self._busy = ""
        self._emit()
        if self._problem:
            self._speak(self._problem)

    def _busy_for(self, text: str) -> asyncio.TimerHandle:
        """Show and speak a busy message if the wait passes a second (ACCESSIBILITY 10)."""

        def show() -> None:
            self._busy = text
            self._emit()
            self._speak(text)

        return asyncio.get_running_loop().call_later(BUSY_SPEAK_AFTER_S, show)

    async def _load_definition(self, code: str) -> bool:
        timer = self._busy_for(_("Getting the questions for this problem. Please wait."))
        try:
            definition = await load_definition(self._backend_of(), code, self._language())
            self._wizard.set_definition(definition, code)
            return True
        except DefinitionInvalid as exc:
            log.warning("service %s: unusable definition: %s", code, exc)
            self._problem = exc.human()
        except PortalError as exc:
            log.info("definition %s: %s (%s)", code, type(exc).__name__, exc.detail)
            self._problem = by_phone(exc)
        finally:
            timer.cancel()
            self._busy = ""
        self._emit()
        self._speak(self._problem)
        return False

    # --- answering -----------------------------------------------------------------------
    @Slot(str)
    def choose(self, key: str) -> None:
        """A tile. On a question with one answer the touch is the answer: the tile shows its
        check mark for a moment, then the next question comes (never the sending itself:
        that is the review's own button, ACCESSIBILITY 40). A touch while that moment runs,
        or right after a new question appeared (a tremor's second tap), changes nothing."""
        if self._confirming is not None or self._moving:
            return
        loop = asyncio.get_running_loop()
        if loop.time() - self._shown_at < self._settings[s.TAP_FILTER_MS] / 1000:
            return
        self._wizard.answer(key)
        self._error = ""
        self._emit()
        if self._wizard.one_touch():
            self._confirming = loop.call_later(CONFIRM_S, self._confirmed)

    def _confirmed(self) -> None:
        self._confirming = None
        self.next()  # (drops nothing: the handle is already cleared)

    @Slot(str)
    def toggle(self, key: str) -> None:
        value = self._wizard.value()
        chosen = list(value) if isinstance(value, tuple) else []
        chosen = [k for k in chosen if k != key] if key in chosen else [*chosen, key]
        self._wizard.answer(tuple(chosen))
        self._error = ""
        self._emit()

    @Slot(str)
    def setText(self, text: str) -> None:
        if text != (self._wizard.value() or ""):
            self._wizard.answer(text)
            self._error = ""
            self._emit()

    @Slot(str)
    def addPhrase(self, phrase: str) -> None:
        current = str(self._wizard.value() or "").rstrip()
        self._wizard.answer(f"{current} {phrase}".strip() if current else phrase)
        self._error = ""
        self._emit()

    def _drop_confirmation(self) -> None:
        """An explicit Next or Back supersedes a touched choice's pending move."""
        if self._confirming is not None:
            self._confirming.cancel()
            self._confirming = None

    @asyncSlot()
    async def next(self) -> None:
        self._drop_confirmation()
        if self._task is not None or (self._problem and not self._loaded):
            return
        self._problem = ""
        problem = self._wizard.next()
        if problem:
            self._error = problem
            self._emit()
            self._speak(problem)
            return
        self._error = ""
        code = self._wizard.needs_definition()
        if code:  # the wizard stays on the problem until its questions arrive
            self._task = asyncio.ensure_future(self._load_definition(code))
            self._moving = True
            try:
                ok = await self._task
            finally:
                self._task = None
                self._moving = False
            if not ok:
                self._go("report-problem")
                return
            self._wizard.next()
        self._show_step()

    @Slot()
    def back(self) -> None:
        """The screen's Back: one step back; from the first step, home."""
        self._drop_confirmation()
        self._error = ""
        if not self._wizard.back():
            self._nav_of().go("home")
            return
        self._show_step(push=False)

    @Slot(str)
    def edit(self, step_id: str) -> None:
        """From the review: change one answer (going on leads back to the review)."""
        self._wizard.edit(step_id)
        self._show_step()

    @Slot()
    def chooseAnother(self) -> None:
        """From the message screen about an unusable definition: back to the categories."""
        self._problem = ""
        self._wizard.go_to("category")
        self._go("report-category")
        self._emit()

    def _show_step(self, push: bool = True) -> None:
        step = self._wizard.step()
        self._progress = self._wizard.progress()
        self._shown_at = asyncio.get_running_loop().time()
        screen = SCREEN_OF.get(step.id, "report-question")
        self._shown[screen] = step.id
        nav = self._nav_of()
        self._emit()
        if nav.screen == screen:
            self.stepMoved.emit()
        else:
            self._go(screen, back=not push)

    def _go(self, screen: str, back: bool = False) -> None:
        self._own_nav = True
        try:
            if back:
                self._nav_of().backTo(screen)
            else:
                self._nav_of().go(screen)
        finally:
            self._own_nav = False

    def _connect_nav(self) -> None:
        """The keypad's Back pops the screen stack directly: follow it in the wizard."""
        if self._nav_connected:
            return
        self._nav_connected = True
        self._own_nav = False
        nav = self._nav_of()

        def follow() -> None:
            if not self._own_nav and nav.screen in self._shown:
                self._wizard.go_to(self._shown[nav.screen])
                self._emit()

        nav.screenChanged.connect(follow)

    # --- submitting and the receipt ------------------------------------------------------
    @asyncSlot()
    async def submit(self) -> None:
        """After the review. Stored in the outbox before any sending (hand-off: printed)."""
        if self._task is not None or self._receipt is not None:
            return  # a second tap on Send: the report is already on its way
        lang = self._language()
        self._can_print = bool(self._printer())  # no printer: no print button, nothing saved
        if self._handoff:
            self._receipt = ReceiptInfo.for_handoff(handoff_qr(self._wizard), self._can_print)
            self._go("report-receipt")  # the screen says the receipt when it opens
            self._emit()
            return
        timer = self._busy_for(_("Sending your report. Please wait."))
        self._task = asyncio.ensure_future(
            submit_report(self._backend_of(), self._wizard, lang, self._settings)
        )
        try:
            self._receipt = await self._task
        finally:
            self._task = None
            timer.cancel()
            self._busy = ""
        self._go("report-receipt")  # the screen says the receipt, the number digit by digit
        self._emit()

    @staticmethod
    def _number_sentence(number: str) -> str:
        if not number:
            return ""
        return _("Your number is: {digits}.").format(digits=digits_spoken(number))

    @Slot()
    def speakNumber(self) -> None:
        """ "Hear the number again" (in hand-off mode: what to say on the phone)."""
        r = self._receipt
        if r is None:
            return
        if r.handoff:
            self._speak(phone_script(self._wizard))
            return
        self._speak(" ".join(t for t in (r.status, self._number_sentence(r.number)) if t))

    @Slot()
    def printSlip(self) -> None:
        r = self._receipt
        if r is None or not self._can_print:
            return  # the button is not offered without a printer
        if r.handoff:
            slip = handoff_slip(self._wizard)
        else:
            slip = receipt_slip(self._wizard, r.number, r.label, r.status, r.qr)
        result = print_slip(slip, self._slip_dir)
        self._slip_message = result.message
        self._emit()
        # anything printed is spoken in full (ACCESSIBILITY 22), personal lines left out
        self._speak(" ".join((result.message, slip.title, *(x for x in slip.lines if x))))
