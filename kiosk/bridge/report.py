"""`Report` in QML: "Report a problem to the city", one question per screen, through the outbox.

The wizard (kiosk.core.wizard) holds the answers; this bridge loads the services in the
resident's language through the cache (so it works offline from the saved copy; a language
switch reloads them), shows the current step, moves between the screens, submits through the
outbox and makes the receipt. Hand-off mode prints instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.bridge.nav import NavBridge
from kiosk.bridge.qt import Property, asyncSlot
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
from kiosk.bridge.tasks import Failed, Request
from kiosk.config import Settings
from kiosk.config import schema as s
from kiosk.core.city import CALL_SOFIA_PHONE
from kiosk.core.portal import Service
from kiosk.core.wizard import Place, Wizard, handoff_services, phone_script
from kiosk.core.wizard_steps import DefinitionInvalid
from kiosk.i18n import _
from kiosk.services.printing.slip import default_printer_name, print_slip
from kiosk.services.reports.everyday import load_names

if TYPE_CHECKING:
    from kiosk.services.portals.open311 import Open311Client
    from kiosk.services.reports.outbox import Outbox
    from kiosk.services.storage.cache import Cache

log = logging.getLogger(__name__)
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
        *,
        open311: Open311Client | None,
        cache: Cache,
        outbox: Outbox | None,
        nav: NavBridge,
        speak: Callable[[str], None],
        slip_dir: Path,
        language: Callable[[], str],
        clock: Callable[[], datetime] = datetime.now,
        printer: Callable[[], str] = default_printer_name,
    ) -> None:
        """`open311` and `outbox` are None in hand-off mode (nothing is sent); `printer`: the
        name of the printer slips go to ('' when there is none)."""
        super().__init__()
        self._settings, self._open311, self._cache, self._outbox = settings, open311, cache, outbox
        self._nav = nav
        self._speak, self._slip_dir, self._language, self._clock = speak, slip_dir, language, clock
        self._handoff = open311 is None or outbox is None
        self._max_age_s = float(settings[s.CACHE_SERVICES_MAX_AGE])  # the list and questions
        self._tracking_url = settings[s.REPORT_TRACKING_URL]  # for the receipt's QR code
        streets = tuple(
            x.strip() for x in settings[s.REPORT_NEARBY_STREETS].split(",") if x.strip()
        )
        self._place = Place(settings[s.KIOSK_LAT], settings[s.KIOSK_LON],
                            settings[s.KIOSK_ADDRESS].strip(), streets)  # fmt: skip
        self._printer = printer
        self._request = Request(self._emit, speak)
        self._confirming: asyncio.TimerHandle | None = None
        self._nav_connected = False
        self._loaded_language = ""
        self.reset()

    @Slot()
    def reset(self) -> None:
        """The session wipe: every answer, the receipt and any slip message are forgotten."""
        self._request.cancel()
        if self._confirming is not None:
            self._confirming.cancel()
        self._confirming = None
        self._wizard = self._new_wizard()
        self._shown_at = 0.0  # when the current step was shown (a tap right after is a tremor)
        self._progress = (1, 0)
        self._can_print = False
        self._loaded = False
        self._loaded_language = ""
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

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        """A request is in flight (the buttons that would start another are off)."""
        return self._request.running

    @Property(str, notify=changed)
    def busyText(self) -> str:
        """What the kiosk is waiting for, once the wait passes a second ('' otherwise)."""
        return self._request.busy_text

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
        await self._load_services()

    async def _load_services(self) -> None:
        """The services in the resident's language (again after a language switch)."""
        language = self._language()
        if self._open311 is None:
            services: list[Service] = handoff_services()
        else:
            got = await self._request.run(
                load_services(self._open311, self._cache, language, self._max_age_s),
                busy=_("Getting the list of problems from the city. Please wait."),
                fail=by_phone, what="report services",
            )  # fmt: skip
            if got is None:
                return
            if isinstance(got, Failed):
                self._problem = got.sentence
                self._emit()
                self._speak(self._problem)
                return
            services, self._age = got
        if self._loaded:
            self._wizard.relanguage(services)
        else:
            self._wizard.services = services
        self._loaded, self._loaded_language = True, language
        if not services:
            self._problem = _("The city's service lists no kinds of problem today. Please call "
                              "Call Sofia on {phone}.").format(phone=CALL_SOFIA_PHONE)  # fmt: skip
        self._emit()
        if self._problem:
            self._speak(self._problem)

    @asyncSlot()
    async def relanguage(self) -> None:
        """The resident switched language: the lists and the questions come again in the new
        one; the answers given so far keep their meaning."""
        if not self._loaded or self._loaded_language == self._language():
            return
        self._request.cancel()
        self._drop_confirmation()
        self._wizard.names = load_names(self._language(), self._settings[s.REPORT_EVERYDAY_NAMES])
        await self._load_services()
        svc = self._wizard.service()
        if svc is not None and svc.code in self._wizard.definitions and self._open311:
            language = self._language()
            got = await self._request.run(
                load_definition(self._open311, self._cache, svc.code, language, self._max_age_s),
                busy=_("Getting the questions for this problem. Please wait."),
                what=f"definition {svc.code} in {language}",
            )  # fmt: skip
            if got is not None and not isinstance(got, Failed):
                try:
                    self._wizard.set_definition(got, svc.code)
                except DefinitionInvalid as exc:  # the questions stay in the other language
                    log.warning("service %s in %s: unusable definition: %s", svc.code,
                                language, exc)  # fmt: skip
        self._emit()
        self.stepMoved.emit()  # the screen reads its step again, in the new language

    async def _load_definition(self, code: str) -> bool:
        if self._open311 is None:  # hand-off services have no questions to fetch
            return False
        got = await self._request.run(
            load_definition(self._open311, self._cache, code, self._language(), self._max_age_s),
            busy=_("Getting the questions for this problem. Please wait."),
            fail=by_phone, what=f"definition {code}",
        )  # fmt: skip
        if got is None:
            return False
        if not isinstance(got, Failed):
            try:
                self._wizard.set_definition(got, code)
                return True
            except DefinitionInvalid as exc:
                log.warning("service %s: unusable definition: %s", code, exc)
                self._problem = exc.human()
        else:
            self._problem = got.sentence
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
        if self._confirming is not None or self._request.running:
            return  # (running: a question's next one is on its way)
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
        if self._request.running or (self._problem and not self._loaded):
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
            if not await self._load_definition(code):
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
            self._nav.go("home")
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
        nav = self._nav
        self._emit()
        if nav.screen == screen:
            self.stepMoved.emit()
        else:
            self._go(screen, back=not push)

    def _go(self, screen: str, back: bool = False) -> None:
        self._own_nav = True
        try:
            if back:
                self._nav.backTo(screen)
            else:
                self._nav.go(screen)
        finally:
            self._own_nav = False

    def _connect_nav(self) -> None:
        """The keypad's Back pops the screen stack directly: follow it in the wizard."""
        if self._nav_connected:
            return
        self._nav_connected = True
        self._own_nav = False
        nav = self._nav

        def follow() -> None:
            if not self._own_nav and nav.screen in self._shown:
                self._wizard.go_to(self._shown[nav.screen])
                self._emit()

        nav.screenChanged.connect(follow)

    # --- submitting and the receipt ------------------------------------------------------
    @asyncSlot()
    async def submit(self) -> None:
        """After the review. Stored in the outbox before any sending (hand-off: printed)."""
        if self._request.running or self._receipt is not None:
            return  # a second tap on Send: the report is already on its way
        lang = self._language()
        self._can_print = bool(self._printer())  # no printer: no print button, nothing saved
        if self._handoff:
            self._receipt = ReceiptInfo.for_handoff(handoff_qr(self._wizard), self._can_print)
            self._go("report-receipt")  # the screen says the receipt when it opens
            self._emit()
            return
        receipt = await self._request.run(
            submit_report(
                self._outbox, self._open311, self._wizard, lang, self._tracking_url,
                practice=self._settings[s.PORTAL_MODE] == "practice",
            ),
            busy=_("Sending your report. Please wait."), what="report",
        )  # fmt: skip
        if receipt is None or isinstance(receipt, Failed):  # cancelled (submit never raises)
            return
        self._receipt = receipt
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
