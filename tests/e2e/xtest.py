"""Touches on an X server from inside the test process (libXtst through ctypes), stamped when
the server has them: xdotool is a process of its own, and its start-up, on a busy machine,
would blur the moment of a touch by tens of milliseconds."""

from __future__ import annotations

import ctypes
import ctypes.util
import time

import pytest


class XTest:
    def __init__(self, display: str) -> None:
        names = (ctypes.util.find_library("X11"), ctypes.util.find_library("Xtst"))
        if None in names:
            pytest.fail("libX11 or libXtst is missing: run the tests with ./dev test")
        self._x11, self._xtst = (ctypes.CDLL(name) for name in names)  # type: ignore[arg-type]
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        for function in (self._x11.XSync,):
            function.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self._x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._xtst.XTestFakeMotionEvent.argtypes = (
            [ctypes.c_void_p] + [ctypes.c_int] * 3 + [ctypes.c_ulong]
        )
        self._xtst.XTestFakeButtonEvent.argtypes = [
            ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong
        ]  # fmt: skip
        self._display = self._x11.XOpenDisplay(display.encode())
        if not self._display:
            pytest.fail(f"cannot open the X display {display}")

    def tap(self, x: int, y: int) -> float:
        """Move there, press and release; the time the server had the press (its effect on the
        kiosk starts then)."""
        self._xtst.XTestFakeMotionEvent(self._display, -1, x, y, 0)
        self._x11.XSync(self._display, 0)
        self._xtst.XTestFakeButtonEvent(self._display, 1, 1, 0)
        self._x11.XSync(self._display, 0)
        pressed = time.monotonic()
        time.sleep(0.05)
        self._xtst.XTestFakeButtonEvent(self._display, 1, 0, 0)
        self._x11.XSync(self._display, 0)
        return pressed

    def close(self) -> None:
        self._x11.XCloseDisplay(self._display)
