"""`python -m kiosk lessons validate` as a trainer runs it: exit codes and file:line output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "lessons" / "broken"


def _validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "lessons", "validate", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_shipped_lessons_validate_with_exit_code_zero() -> None:
    done = _validate()
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("0 error(s), 0 warning(s)") or "warning" in done.stdout
    assert "Traceback" not in done.stderr


def test_a_broken_lesson_fails_with_file_and_line() -> None:
    done = _validate("tests/fixtures/lessons/broken/unknown-step-type.yaml")
    assert done.returncode == 1
    assert "tests/fixtures/lessons/broken/unknown-step-type.yaml:" in done.stderr
    assert ": error: unknown step type 'lecture'" in done.stderr
    assert "Traceback" not in done.stderr


def test_unreadable_yaml_is_a_message_not_a_traceback() -> None:
    done = _validate(str(BROKEN / "yaml-syntax.yaml"))
    assert done.returncode == 1
    assert "error: this line is not indented like the field before it" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_validator_speaks_bulgarian_with_lang_bg(tmp_path: Path) -> None:
    lesson = tmp_path / "q.yaml"
    lesson.write_text("id: x\nsteps:\n  - id: a\n    text: ? Какво\n", encoding="utf-8")
    done = _validate("--lang", "bg", str(lesson))
    assert done.returncode == 1
    assert "q.yaml:4: грешка: въпросителният знак трябва да е в кавички" in done.stderr
    assert done.stdout.strip().endswith("грешки: 1, предупреждения: 0")
    assert "Traceback" not in done.stderr
