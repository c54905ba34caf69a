"""The shared printing service: a slip becomes a PDF in the session folder when no printer."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kiosk.services.printing.slip import Slip, print_slip


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_slip_without_printer_is_a_pdf_with_every_line(qapp: Any, tmp_path: Path) -> None:
    slip = Slip(
        "Сигнал до общината",
        ("Категория: Улично осветление", "Място: ул. Граф Игнатиев 10"),
        qr="https://example.org/r/123",
        qr_caption="Scan with your phone",
        big_number="PR-000123",
        big_number_label="Your number",
        footer="Call Sofia 0700 17 310",
    )
    result = print_slip(slip, tmp_path / "session", use_printer=False)
    assert not result.printed and not result.error
    assert result.pdf is not None and result.pdf.parent == tmp_path / "session"
    assert "PDF" in result.message
    text = _text(result.pdf)
    for part in ("Сигнал до общината", "PR-000123", "Улично осветление", "0700 17 310"):
        assert part in text


def test_long_slip_flows_onto_more_pages(qapp: Any, tmp_path: Path) -> None:
    lines = tuple(f"Line {n} of a long report text that wraps" for n in range(120))
    result = print_slip(Slip("Long", lines, qr="x" * 200), tmp_path, use_printer=False)
    assert result.pdf is not None
    text = _text(result.pdf)
    assert "Line 0 " in text and "Line 119 " in text
    assert text.count("\f") >= 2  # pdftotext ends every page with a form feed


@pytest.mark.error_log  # the failed print is logged
def test_unwritable_folder_gives_a_human_message(qapp: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = print_slip(Slip("T", ("a",)), blocker / "sub", use_printer=False)
    assert result.error and result.pdf is None
    assert "staff" in result.message
