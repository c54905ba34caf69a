"""Learner codes: random, unambiguous, stored only as a slow hash; progress expires when idle.

A learner card carries a code like "K7MW-3QXD": 8 characters from an alphabet without 0/O, 1/I/L
(31 symbols, about 40 bits), so nobody mixes them up when typing from paper. The kiosk keeps
only a hash of the code, never the code itself, and no name, phone or e-mail: the code is the only
link between a person and their progress, and a lost card is simply replaced by a new one.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
SECONDS_PER_DAY = 86400.0

# Cyrillic letters that look like Latin ones: the on-screen keyboard opens in Bulgarian, so a
# resident copying "KMP" from the card may well type Cyrillic К, М, Р.
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХУ", "ABEKMHOPCTXY")
# scrypt makes guessing all 31^8 codes from a stolen database cost years, not minutes.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
_SALT = b"silver-kiosk learner card v1"

STARTED = "started"
COMPLETED = "completed"
DONE_IN_CLASS = "done_in_class"  # the trainer marks a lesson done for a replaced card
STATUSES = (STARTED, COMPLETED, DONE_IN_CLASS)


def new_code() -> str:
    """A fresh random code, without the dash."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def show(code: str) -> str:
    """The code as printed and shown: two groups of four."""
    return f"{code[:4]}-{code[4:]}"


def normalise(typed: str) -> str | None:
    """The code a person typed, cleaned up; None when it cannot be a learner code."""
    text = typed.upper().translate(_LOOKALIKES)
    text = "".join(ch for ch in text if not ch.isspace() and ch not in "-_.")
    if len(text) != CODE_LENGTH or any(ch not in ALPHABET for ch in text):
        return None
    return text


def code_hash(code: str) -> str:
    """What the database keeps instead of the code (hex)."""
    return hashlib.scrypt(code.encode("ascii"), salt=_SALT, **_SCRYPT).hex()


def expired(last_seen: float, now: float, retention_days: int) -> bool:
    """True when a card has not been used for longer than the retention period."""
    return now - last_seen > retention_days * SECONDS_PER_DAY


@dataclass(frozen=True)
class Progress:
    """What the kiosk knows about one card: lesson id -> status, and when it was last used."""

    last_seen: float
    lessons: dict[str, str] = field(default_factory=dict)

    def completed(self) -> list[str]:
        """Lessons finished alone or in class, in id order (for certificates)."""
        return sorted(k for k, v in self.lessons.items() if v in (COMPLETED, DONE_IN_CLASS))

    def merge(self, lesson_id: str, status: str) -> str:
        """The status to keep when `status` is recorded: a finished lesson stays finished."""
        if status not in STATUSES:
            raise ValueError(f"unknown lesson status {status!r}")
        old = self.lessons.get(lesson_id)
        if old in (COMPLETED, DONE_IN_CLASS) and status == STARTED:
            return old
        return status
