"""`python -m kiosk speech text`: the text exactly as the voice will be given it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def _speech(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "speech", "text", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "written", "spoken"),
    [
        (
            "bg",
            "Обадете се на 112 или пишете на info@sofia.bg",
            "Обадете се на едно едно две или пишете на инфо маймунка софия точка бе-ге",
        ),
        ("en", "Text 0700 17 310", "Text zero seven zero zero, one seven, three one zero"),
        ("uk", "Надішліть SMS на 112", "Надішліть ес-ем-ес на один один два"),
        ("tr", "www.sofia.bg", "ve ve ve nokta sofya nokta be-ge"),
    ],
)
def test_prints_what_the_voice_says(lang: str, written: str, spoken: str) -> None:
    done = _speech("--lang", lang, written)
    assert done.returncode == 0, done.stderr
    assert done.stdout == spoken + "\n"


def test_phonemes_show_espeak_reading_bulgarian_not_english() -> None:
    done = _speech("--phonemes", "Изпратете SMS")
    if "espeak-ng is not installed" in done.stdout:  # pragma: no cover - ./dev installs it
        pytest.skip("the espeak-ng program is not installed")
    before, after = done.stdout.splitlines()[1:3]
    assert "(en)" in before  # espeak-ng switches to an English voice for "SMS"
    assert "(en)" not in after
