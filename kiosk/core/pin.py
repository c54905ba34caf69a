"""The trainer PIN: a salted scrypt hash, and a guard that locks the pad after repeated failures."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash`, all parts needed to verify; the PIN itself is not kept."""
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        raise ValueError("A PIN is 4 to 12 digits.")
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    enc = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${enc(salt).decode()}${enc(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            pin.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


class PinGuard:
    """Counts wrong tries; after `max_tries` the pad is locked for `lock_seconds`."""

    def __init__(self, stored_hash: str, max_tries: int, lock_seconds: float) -> None:
        self.stored_hash = stored_hash
        self.max_tries = max_tries
        self.lock_seconds = lock_seconds
        self.failures = 0
        self._locked_until = 0.0

    @property
    def configured(self) -> bool:
        return bool(self.stored_hash)

    def seconds_locked(self, now: float) -> int:
        return max(0, int(self._locked_until - now + 0.999))

    def attempt(self, pin: str, now: float) -> bool:
        """True when the PIN is right and the pad is not locked."""
        if not self.configured or self.seconds_locked(now) > 0:
            return False
        if verify_pin(pin, self.stored_hash):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= self.max_tries:
            self.failures = 0
            self._locked_until = now + self.lock_seconds
        return False
