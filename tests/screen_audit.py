"""The screen audit: rules that judge a screen as a whole, not item by item (ACCESSIBILITY.md,
"The screen as a whole"). An item audit passes while a 75-year-old cannot find the way forward;
these rules ask whether she can:

- essentials: the question (title), the primary action and Back are fully on screen, and no
  "Up"/"Down" is needed to reach anything on it;
- partial: no button or field is partly visible (cut by the screen's edge, the footer, a panel);
- dialog: an open dialog's buttons are all fully on screen, so every dialog closes by touch;
- announce: the choices the voice announced are exactly the choices shown;
- state: a selected choice shows its check mark and word (that focus and selection differ in
  colour is tests/unit/test_theme.py's; in shape, the ring is outside the button);
- disabled: a control that cannot be used is not drawn, or is drawn inactive with its reason;
- typing: with the keyboard up, the question, the field's label and the typed text are shown;
- chrome: the bar and the footer take at most 40 % of the window's height.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem, QQuickWindow

CHROME_SHARE = 0.40
EPSILON = 1.0  # px: layouts place items on fractional pixels


@dataclass(frozen=True)
class Finding:
    rule: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.where}: {self.detail}"


def _walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from _walk(child)


def _shown(item: QQuickItem) -> bool:
    """Visible and not transparent, itself and every ancestor."""
    node: QQuickItem | None = item
    while node is not None:
        if not node.isVisible() or node.opacity() <= 0:
            return False
        node = node.parentItem()
    return item.width() > 0 and item.height() > 0


def _rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _visible_part(item: QQuickItem, window: QQuickWindow) -> QRectF:
    """The part of the item not cut away by a clipping ancestor or the window's edge."""
    rect = _rect(item).intersected(QRectF(0, 0, window.width(), window.height()))
    node = item.parentItem()
    while node is not None and not rect.isEmpty():
        if node.clip():
            rect = rect.intersected(_rect(node))
        node = node.parentItem()
    return rect


def _whole(part: QRectF, full: QRectF) -> bool:
    return (
        part.width() >= full.width() - EPSILON
        and part.height() >= full.height() - EPSILON
    )


def _label(item: QQuickItem) -> str:
    text = item.property("text")
    name = item.objectName() or item.metaObject().className().split("_QML")[0]
    return f"{name}" + (f" {str(text)[:40]!r}" if text else "")


def _is_button(item: QQuickItem) -> bool:
    return item.inherits("QQuickAbstractButton")


def _interactive(item: QQuickItem) -> bool:
    return _is_button(item) or item.inherits("QQuickTextInput")


class ScreenAudit:
    """One look at what the window shows now."""

    def __init__(self, window: QQuickWindow) -> None:
        self.window = window
        self.root = window.contentItem()
        self.findings: list[Finding] = []
        self.items = list(_walk(self.root))

    def add(self, rule: str, item: QQuickItem | None, detail: str) -> None:
        self.findings.append(Finding(rule, _label(item) if item is not None else "-", detail))

    def named(self, name: str) -> QQuickItem | None:
        for item in self.items:
            if item.objectName() == name and _shown(item):
                return item
        return None

    def screen(self) -> QQuickItem | None:
        header = self.named("screenHeader")
        return header.parentItem() if header is not None else None

    def run(self, announced: Sequence[str] | None = None, more: bool | None = None) -> list[Finding]:
        dialog = self.open_dialog()
        if dialog is not None:
            self.check_dialog(dialog)
            return self.findings
        screen = self.screen()
        if screen is None:
            self.add("essentials", None, "no screen is shown")
            return self.findings
        typing = self.named("typingStrip") is not None
        if typing:
            self.check_typing(screen)
        else:
            self.check_essentials(screen)
            self.check_chrome()
        self.check_partial(screen)
        self.check_state()
        self.check_disabled()
        if announced is not None and not typing:
            self.check_announced(screen, announced, more)
        return self.findings

    # --- the rules -----------------------------------------------------------------------
    def open_dialog(self) -> QQuickItem | None:
        dialogs = [i for i in self.items if _shown(i) and i.property("blocksBehind") is True]
        return dialogs[-1] if dialogs else None

    def check_dialog(self, dialog: QQuickItem) -> None:
        buttons = [i for i in _walk(dialog) if _is_button(i) and _shown(i) and i.isEnabled()]
        if not buttons:
            self.add("dialog", dialog, "an open dialog with no button to close it")
        for button in buttons:
            if not _whole(_visible_part(button, self.window), _rect(button)):
                self.add("dialog", button, "a dialog's button is not fully on screen")

    def check_essentials(self, screen: QQuickItem) -> None:
        title = self.named("screenTitle")
        if title is None or not str(title.property("text") or "").strip():
            self.add("essentials", screen, "the screen has no title")
        elif not _whole(_visible_part(title, self.window), _rect(title)):
            self.add("essentials", title, "the question is not fully on screen")
        footer = self.named("footer")
        if footer is None:
            self.add("essentials", screen, "no footer with Back and the way forward")
            return
        for role, name_prop, needed in (
            ("Back", "backName", screen.property("hasBack")),
            ("the primary action", "primaryName", bool(screen.property("primaryText"))),
        ):
            if not needed:
                continue
            button = next(
                (
                    i for i in _walk(footer)
                    if _is_button(i) and i.objectName() == screen.property(name_prop)
                ),
                None,
            )  # fmt: skip
            if button is None or not _shown(button):
                self.add("essentials", screen, f"{role} is not shown")
            elif not _whole(_visible_part(button, self.window), _rect(button)):
                self.add("essentials", button, f"{role} is not fully on screen")
        if screen.property("scrollable"):
            self.add("essentials", screen, "the screen needs Down to show all of it")

    def check_chrome(self) -> None:
        height = float(self.window.height())
        chrome = 0.0
        for name in ("bar", "footer"):
            item = self.named(name)
            if item is not None:
                chrome += item.height()
        if chrome > CHROME_SHARE * height + EPSILON:
            self.add(
                "chrome", None,
                f"the bar and footer take {chrome / height:.0%} of the height (at most 40 %)",
            )  # fmt: skip

    def check_partial(self, screen: QQuickItem) -> None:
        scopes = [screen] + [s for s in (self.named("footer"), self.named("bar")) if s]
        for scope in scopes:
            for item in _walk(scope):
                if not _interactive(item) or not _shown(item):
                    continue
                part = _visible_part(item, self.window)
                if not part.isEmpty() and not _whole(part, _rect(item)):
                    self.add("partial", item, "only part of it is on screen")

    def check_state(self) -> None:
        for item in self.items:
            if not _is_button(item) or not _shown(item) or not item.property("selected"):
                continue
            mark = next((c for c in _walk(item) if c.objectName() == "selectedMark"), None)
            if mark is None or not _shown(mark):
                self.add("state", item, "selected without its check mark and word")

    def check_disabled(self) -> None:
        for item in self.items:
            if not _is_button(item) or item.isEnabled() or not _shown(item):
                continue
            if not str(item.property("reason") or "").strip():
                self.add("disabled", item, "a control that cannot be used looks like one that can")

    def check_typing(self, screen: QQuickItem) -> None:
        strip = self.named("typingStrip")
        assert strip is not None
        for name, what in (
            ("stripQuestion", "the question"),
            ("stripLabel", "the field's label"),
            ("stripTyped", "the text typed so far"),
        ):
            item = next((i for i in _walk(strip) if i.objectName() == name), None)
            if item is None or not _shown(item):
                self.add("typing", strip, f"{what} is not shown above the keys")
            elif not _whole(_visible_part(item, self.window), _rect(item)):
                self.add("typing", item, f"{what} is not fully shown above the keys")

    def check_announced(
        self, screen: QQuickItem, announced: Sequence[str], more: bool | None
    ) -> None:
        content = next((i for i in _walk(screen) if i.objectName() == "screenContent"), screen)
        shown = [
            str(i.property("spokenText") or i.property("text"))
            for i in _walk(content)
            if _is_button(i) and _shown(i) and not i.objectName().startswith("pager")
            and not _visible_part(i, self.window).isEmpty()
        ]  # fmt: skip
        if sorted(shown) != sorted(str(a) for a in announced):
            self.add(
                "announce", screen,
                f"the voice said {list(announced)[:6]}, the screen shows {shown[:6]}",
            )  # fmt: skip
        pagers_with_more = [
            i for i in _walk(content)
            if _shown(i) and i.property("hasMore") is True and i.property("pageCount")
        ]  # fmt: skip
        if more is not None and more != bool(pagers_with_more):
            self.add("announce", screen, "the voice and the screen disagree about more choices")


def screen_audit(
    window: QQuickWindow, announced: Sequence[str] | None = None, more: bool | None = None
) -> list[str]:
    """All screen findings for what the window shows now, as readable lines."""
    gc.collect()  # stale wrappers of destroyed items (see tests/audit.py)
    window.grabWindow()  # a frame: layouts are polished only before one is drawn
    return [str(f) for f in ScreenAudit(window).run(announced, more)]
