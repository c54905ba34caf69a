"""Print a slip (title, lines, big number, QR code) on the default printer, else as a PDF."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import segno
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.i18n import _

log = logging.getLogger(__name__)

# Sizes in points (1/72 inch) so the slip reads the same on any printer: large print for older
# eyes, the number very large so it can be copied onto a form or read over the phone.
TITLE_PT = 22
BODY_PT = 15
NUMBER_PT = 40
CAPTION_PT = 12
QR_MM = 45.0  # big enough for an old phone camera held at arm's length
MARGIN_MM = 15.0


@dataclass(frozen=True)
class Slip:
    """What goes on paper. `qr` is the text the QR code carries (a web address or the report)."""

    title: str
    lines: tuple[str, ...] = ()
    qr: str | None = None
    qr_caption: str = ""
    big_number: str | None = None
    big_number_label: str = ""
    footer: str = ""


@dataclass(frozen=True)
class PrintResult:
    """How it went: on paper, or a PDF file (path), with a sentence to show and speak."""

    printed: bool
    pdf: Path | None
    message: str
    error: bool = False
    printer: str = field(default="")


def default_printer_name() -> str:
    """The system's default printer, or '' when there is none."""
    info = QPrinterInfo.defaultPrinter()
    return "" if info.isNull() else info.printerName()


def print_slip(slip: Slip, out_dir: Path, *, use_printer: bool = True) -> PrintResult:
    """Print on the default printer when one exists (and `use_printer`), else write a PDF into
    `out_dir` (the session's private folder, emptied when the person finishes).

    Needs a running QGuiApplication (fonts). Never raises: a failure is a PrintResult with a
    human message and `error=True`.
    """
    printer_name = default_printer_name() if use_printer else ""
    try:
        if printer_name:
            return _to_printer(slip, printer_name)
        return _to_pdf(slip, out_dir)
    except Exception:  # a printer or disk fault must never reach the resident as a traceback
        log.exception("printing failed")
        return PrintResult(
            False,
            None,
            _("The slip could not be printed. Please ask a member of staff for help."),
            error=True,
        )


def _to_printer(slip: Slip, name: str) -> PrintResult:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    printer.setDocName(slip.title)
    printer.setPageLayout(_layout())
    if not _paint(slip, printer):
        raise OSError(f"printer {name!r} refused the page")
    return PrintResult(
        True, None, _("The slip is printing. Please take it from the printer."), printer=name
    )


def _to_pdf(slip: Slip, out_dir: Path) -> PrintResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{_safe_name(slip.title)}-{time.strftime('%H%M%S')}.pdf"
    writer = QPdfWriter(str(path))
    writer.setTitle(slip.title)
    writer.setCreator("Silver Kiosk")
    writer.setResolution(300)
    writer.setPageLayout(_layout())
    if not _paint(slip, writer):
        raise OSError(f"cannot write {path}")
    return PrintResult(
        False,
        path,
        _(
            "There is no printer here, so the slip was saved as a PDF file for this visit. "
            "It is deleted when you finish."
        ),
    )


def _safe_name(title: str) -> str:
    return re.sub(r"[^\w-]+", "-", title, flags=re.UNICODE).strip("-")[:40] or "slip"


def _layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A5),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def _paint(slip: Slip, device: QPrinter | QPdfWriter) -> bool:
    painter = QPainter()
    if not painter.begin(device):
        return False
    try:
        _Page(painter, device).draw(slip)
    finally:
        painter.end()
    return True


class _Page:
    """Flows blocks down the page, starting a new page when the next block does not fit."""

    def __init__(self, painter: QPainter, device: QPrinter | QPdfWriter) -> None:
        self.painter = painter
        self.device = device
        rect = device.pageLayout().paintRectPixels(device.resolution())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.dpi = float(device.resolution())
        self.y = 0.0

    def px(self, mm: float) -> float:
        return mm * self.dpi / 25.4

    def draw(self, slip: Slip) -> None:
        self.painter.setPen(QColor("black"))
        self.text(slip.title, TITLE_PT, bold=True)
        self.y += self.px(4)
        if slip.big_number:
            if slip.big_number_label:
                self.text(slip.big_number_label, BODY_PT)
            self.boxed(slip.big_number)
            self.y += self.px(4)
        for line in slip.lines:
            self.text(line, BODY_PT)
        if slip.qr:
            self.y += self.px(4)
            self.qr(slip.qr)
            if slip.qr_caption:
                self.text(slip.qr_caption, CAPTION_PT)
        if slip.footer:
            self.y += self.px(4)
            self.text(slip.footer, CAPTION_PT)

    def font(self, points: int, bold: bool = False) -> QFont:
        font = QFont(self.painter.font())
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def room(self, needed: float) -> None:
        if self.y > 0 and self.y + needed > self.height:
            self.device.newPage()
            self.y = 0.0

    def text(self, text: str, points: int, bold: bool = False) -> None:
        self.painter.setFont(self.font(points, bold))
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        bounds = self.painter.boundingRect(QRectF(0, 0, self.width, 1e6), flags, text)
        self.room(bounds.height())
        self.painter.drawText(QRectF(0, self.y, self.width, bounds.height()), flags, text)
        self.y += bounds.height() + self.px(1.5)

    def boxed(self, number: str) -> None:
        """The number in a box, as on a paper form, so it stands out from everything else."""
        self.painter.setFont(self.font(NUMBER_PT, bold=True))
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignCenter)
        pad = self.px(3)
        bounds = self.painter.boundingRect(QRectF(0, 0, self.width - 2 * pad, 1e6), flags, number)
        box = QRectF(0, self.y, self.width, bounds.height() + 2 * pad)
        self.room(box.height())
        box.moveTop(self.y)
        pen = self.painter.pen()
        pen.setWidthF(self.px(0.6))
        self.painter.setPen(pen)
        self.painter.drawRect(box)
        self.painter.drawText(box.adjusted(pad, pad, -pad, -pad), flags, number)
        self.y += box.height() + self.px(1.5)

    def qr(self, payload: str) -> None:
        """Draw the QR code module by module as vector squares: sharp on any printer."""
        code = segno.make(payload, error="m", micro=False)
        side = min(self.px(QR_MM), self.width)
        self.room(side)
        modules = code.symbol_size(border=4)[0]
        cell = side / modules
        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QColor("black"))
        for row, bits in enumerate(code.matrix_iter(border=4)):
            for col, dark in enumerate(bits):
                if dark:
                    # overlap by a hair so no white seams appear between modules
                    self.painter.drawRect(
                        QRectF(col * cell, self.y + row * cell, cell * 1.02, cell * 1.02)
                    )
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.setPen(QColor("black"))
        self.y += side + self.px(1.5)
