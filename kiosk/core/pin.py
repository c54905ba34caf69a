"""The trainer PIN: a salted scrypt hash, and a guard that locks the pad after repeated failures.

The guard's count and lock are a `LockState` that the caller keeps on disk (services.pin_lock):
a restart, a crash or a power cut must not hand out five fresh tries. Each lockout lasts longer
than the one before (5 min, 15 min, 1 h, then 4 h), until the right PIN is typed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace

_N, _R, _P = 2**14, 8, 1
MIN_DIGITS, MAX_DIGITS = 6, 12
# Multiples of the configured lock time for the 1st, 2nd, 3rd, 4th and later lockouts.
LOCK_STEPS = (1, 3, 12, 48)
# What hashlib.scrypt allows by default (128·N·r bytes must fit): a bigger hash cannot verify.
_SCRYPT_MEMORY = 32 * 2**20
# PINs anyone would try first (repeats, runs, the keypad's columns): refused, and reported.
COMMON_PINS = frozenset(
    [d * 6 for d in "0123456789"]
    + ["123456", "234567", "345678", "456789", "567890", "012345", "654321", "987654",
       "098765", "543210", "123123", "121212", "112233", "147258", "258369", "159753",
       "123321", "696969", "000001", "101010", "202020", "102030", "111222", "999000"]
)  # fmt: skip


def pin_problem(pin: str) -> str:
    """Why a new PIN may not be used ('' when it may)."""
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"A PIN is {MIN_DIGITS} to {MAX_DIGITS} digits."
    if pin in COMMON_PINS or len(set(pin)) == 1:
        return "This PIN is one of the first anybody would try; choose another."
    return ""


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash$6`, all parts needed to verify; the PIN itself is not kept. The
    last part says the PIN met the rule of at least 6 digits (older hashes lack it)."""
    if problem := pin_problem(pin):
        raise ValueError(problem)
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    enc = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${enc(salt).decode()}${enc(digest).decode()}${MIN_DIGITS}"


@dataclass(frozen=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes
    min_digits: int  # 0: made before the 6-digit rule, so the PIN may be as short as 4


def parse_hash(stored: str) -> PinHash:
    """The parts of a stored hash; ValueError saying what is wrong when it cannot verify."""
    parts = stored.split("$")
    if len(parts) not in (6, 7) or parts[0] != "scrypt":
        raise ValueError("it is not a hash made by `python -m kiosk pin` (scrypt$N$r$p$salt$hash)")
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
        min_digits = int(parts[6]) if len(parts) == 7 else 0
    except (ValueError, binascii.Error):
        raise ValueError("a part of it is damaged (numbers or base64)") from None
    if n < 2 or n & (n - 1) or r < 1 or p < 1 or 128 * n * r > _SCRYPT_MEMORY or p > 16:
        raise ValueError("its scrypt cost (N, r, p) cannot be used")
    if len(salt) < 8 or len(digest) < 16:
        raise ValueError("its salt or hash is too short")
    return PinHash(n, r, p, salt, digest, min_digits)


def hash_problem(stored: str) -> str:
    """Why a configured hash cannot be used ('' when it can, or when none is set)."""
    if not stored:
        return ""
    try:
        parse_hash(stored)
    except ValueError as exc:
        return str(exc)
    return ""


def hash_weakness(stored: str) -> str:
    """Why a usable hash guards too little ('' when it is fine): an old short PIN, a cheap cost,
    or a PIN anybody would try."""
    try:
        parts = parse_hash(stored)
    except ValueError:
        return ""
    if parts.min_digits < MIN_DIGITS:
        return "it was made when PINs of 4 digits were allowed; make a new one of 6 or more"
    if parts.n * parts.r < _N * _R:
        return "its scrypt cost is lower than the kiosk's; make a new one"
    if any(verify_pin(pin, stored) for pin in sorted(COMMON_PINS)):
        return "the PIN is one of the first anybody would try; choose another"
    return ""


def verify_pin(pin: str, stored: str) -> bool:
    try:
        parts = parse_hash(stored)
        got = hashlib.scrypt(
            pin.encode(), salt=parts.salt, n=parts.n, r=parts.r, p=parts.p,
            dklen=len(parts.digest),
        )  # fmt: skip
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(got, parts.digest)


@dataclass(frozen=True)
class LockState:
    """What must outlive a restart: wrong tries since the last lock, lockouts since the last
    right PIN, and the wall-clock time the pad opens again."""

    failures: int = 0
    lockouts: int = 0
    locked_until: float = 0.0


class PinGuard:
    """Counts wrong tries; after `max_tries` the pad is locked, each time for longer.

    `now` is wall-clock time (a lock must hold across a reboot); `save` is called with every new
    state before the answer is given, so a power cut cannot undo a wrong try.
    """

    def __init__(
        self,
        stored_hash: str,
        max_tries: int,
        lock_seconds: float,
        state: LockState | None = None,
        save: Callable[[LockState], None] | None = None,
    ) -> None:
        self.stored_hash = stored_hash
        self.max_tries = max_tries
        self.lock_seconds = lock_seconds
        self.state = state or LockState()
        self._save = save or (lambda _state: None)

    @property
    def configured(self) -> bool:
        return bool(self.stored_hash)

    @property
    def failures(self) -> int:
        return self.state.failures

    def lock_for(self, lockouts: int) -> float:
        """How long the `lockouts`-th lock lasts (1-based)."""
        step = LOCK_STEPS[min(max(lockouts, 1), len(LOCK_STEPS)) - 1]
        return self.lock_seconds * step

    def seconds_locked(self, now: float) -> int:
        left = self.state.locked_until - now
        # A clock set back must not stretch a lock past its own length.
        left = min(left, self.lock_for(self.state.lockouts))
        return max(0, int(left + 0.999))

    def attempt(self, pin: str, now: float) -> bool:
        """True when the PIN is right and the pad is not locked."""
        if not self.configured or self.seconds_locked(now) > 0:
            return False
        if verify_pin(pin, self.stored_hash):
            self._set(LockState())
            return True
        state = replace(self.state, failures=self.state.failures + 1)
        if state.failures >= self.max_tries:
            lockouts = state.lockouts + 1
            state = LockState(0, lockouts, now + self.lock_for(lockouts))
        self._set(state)
        return False

    def _set(self, state: LockState) -> None:
        if state != self.state:
            self.state = state
            self._save(state)
