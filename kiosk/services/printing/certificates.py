"""Certificates of participation and learner cards, printed (or a PDF in the session folder).

The learner's name exists only in memory while the page is drawn: it goes into the printout and
nowhere else (not the database, not the log, not a file name). Without a printer the PDF lands in
the session's private folder, which the end-of-session wipe empties.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.learners import show
from kiosk.i18n import _
from kiosk.services.printing.slip import PrintResult, Slip, print_slip

log = logging.getLogger(__name__)

# Fixed wording, in Bulgarian whatever the screen language: the paper is for Bulgarian
# institutions and must say plainly what it is and is not.
CERTIFICATE_TITLE = "Сертификат за участие и практика"
NOT_A_QUALIFICATION = "Сертификат за участие и практика — не е официална квалификация"


@dataclass(frozen=True)
class LessonDone:
    """One completed lesson as the certificate lists it."""

    title: str
    competences: tuple[str, ...]  # DigComp 2.2 codes, e.g. "1.1"


def certificate_slip(name: str, lessons: Sequence[LessonDone], venue: str, day_text: str) -> Slip:
    """The page: who, what was practised, DigComp codes, where, when, a signature line."""
    codes = sorted({code for lesson in lessons for code in lesson.competences})
    lines = [
        name.strip(),
        "",
        "премина практическо обучение по цифрови умения и упражни:",
        *(f"• {lesson.title}" for lesson in lessons),
        "",
        "DigComp 2.2, ниво Foundation 1–2: " + (", ".join(codes) if codes else "—"),
        "",
        f"Място: {venue}" if venue else "Място: ____________________",
        f"Дата: {day_text}",
        "",
        "Обучител: ____________________   Подпис: ____________",
    ]
    return Slip(CERTIFICATE_TITLE, tuple(lines), footer=NOT_A_QUALIFICATION)


def print_certificate(
    name: str,
    lessons: Sequence[LessonDone],
    venue: str,
    day_text: str,
    session_dir: Path,
    *,
    use_printer: bool = True,
) -> PrintResult:
    """Print a certificate; never logs the name. Needs the running QGuiApplication."""
    result = print_slip(
        certificate_slip(name, lessons, venue, day_text), session_dir, use_printer=use_printer
    )
    log.info("certificate %s (%d lessons)", "printed" if result.printed else "as PDF", len(lessons))
    return result


def card_slip(code: str, venue: str) -> Slip:
    """The take-home learner card: the code large, a QR holding nothing but the code."""
    return Slip(
        _("Your learner card"),
        (
            _("Keep this card. Type the code on the kiosk to carry on where you stopped."),
            _("The card has no name on it. The kiosk keeps only what lessons you finished."),
            _("Lost it? Ask the trainer for a new card."),
        ),
        qr=show(code),
        qr_caption=_("The code as a QR code"),
        big_number=show(code),
        big_number_label=_("Your code"),
        footer=venue,
    )


def print_card(
    code: str, venue: str, session_dir: Path, *, use_printer: bool = True
) -> PrintResult:
    result = print_slip(card_slip(code, venue), session_dir, use_printer=use_printer)
    log.info("learner card %s", "printed" if result.printed else "as PDF")
    return result
