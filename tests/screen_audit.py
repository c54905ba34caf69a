"""The screen audit: rules that judge a screen as a whole, not item by item (ACCESSIBILITY.md,
"The screen as a whole"). An item audit passes while a 75-year-old cannot find the way forward;
these rules ask whether she can:

- essentials: the question (title), the primary action and Back are fully on screen, and no
  "Up"/"Down" is needed to reach anything on it;
- partial: no button or field is partly visible (cut by the screen's edge, the footer, a panel);
- words: a button's words stay inside it (a label that wraps onto more lines than its button
  has room for runs out over its edge);
- dialog: an open dialog's buttons are all fully on screen, so every dialog closes by touch;
- announce: the choices the voice announced are exactly the choices shown;
- state: a selected choice shows its check mark and the word, whole; focus is drawn only after a
  key is used (`keypad`), then as a ring outside the focused control, not cut off (that focus
  and selection differ in colour is tests/unit/test_theme.py's);
- disabled: a control that cannot be used is not drawn, or is drawn inactive with its reason;
- typing: with the keyboard up, the question, the field's label, the typed text and the way
  forward are shown above the keys;
- repeat: no heading is shown twice (a list's parts that go on under their heading on one page);
- chrome: the bar and the footer take at most 40 % of the window's height (a bar down the
  side of a short landscape panel at most 30 % of its width).

One walk of the item tree per look: what is hidden or transparent is not drawn, nor is anything
inside it, so it is not looked into; what a clipping ancestor cuts away is worked out on the way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem, QQuickWindow

CHROME_SHARE = 0.40
SIDE_BAR_SHARE = 0.30
EPSILON = 1.0  # px: layouts place items on fractional pixels
# QObject.inherits and objectName only, never metaObject(): see KINDS in tests/audit.py.
KINDS = (("QQuickAbstractButton", "button"), ("QQuickTextInput", "field"), ("QQuickText", "text"))


@dataclass(frozen=True)
class Finding:
    rule: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.where}: {self.detail}"


def _rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _whole(part: QRectF, full: QRectF) -> bool:
    return part.width() >= full.width() - EPSILON and part.height() >= full.height() - EPSILON


def _label(item: QQuickItem) -> str:
    text = item.property("text")
    if item.objectName():
        name = item.objectName()
    elif item.property("primaryName") is not None:  # a KScreen
        name = "the screen"
    else:
        name = next((kind for cls, kind in KINDS if item.inherits(cls)), "item")
    return name + (f" {str(text)[:40]!r}" if text else "")


def _is_button(item: QQuickItem) -> bool:
    return item.inherits("QQuickAbstractButton")


def _visible_tree(item: QQuickItem, all_items: bool = False) -> Iterator[QQuickItem]:
    """Items not hidden, transparent or not (a screen the keys leave no room is transparent);
    with `all_items`, the hidden ones too."""
    if all_items or item.isVisible():
        yield item
        for child in item.childItems():
            yield from _visible_tree(child, all_items)


def _in_scroll_practice(item: QQuickItem) -> bool:
    """Inside a lesson's list that is dragged on purpose (`scrollPractice`: dragging it is
    what the step teaches): its rows are cut at its edges and reached by dragging."""
    node: QQuickItem | None = item.parentItem()
    while node is not None:
        if node.property("scrollPractice") is True:
            return True
        node = node.parentItem()
    return False


def _within(item: QQuickItem, scope: QQuickItem) -> bool:
    node: QQuickItem | None = item
    while node is not None:
        if node == scope:
            return True
        node = node.parentItem()
    return False


class ScreenAudit:
    """One look at what the window shows now."""

    def __init__(self, window: QQuickWindow) -> None:
        self.window = window
        self.findings: list[Finding] = []
        self.order: list[QQuickItem] = []  # drawn items (any size), parents before children
        self.rects: dict[QQuickItem, tuple[QRectF, QRectF]] = {}  # full rect, part not cut off
        self.names: dict[str, QQuickItem] = {}
        self.spans: dict[QQuickItem, tuple[int, int]] = {}  # an item's stretch of `order`
        self._collect(window.contentItem(), QRectF(0, 0, window.width(), window.height()))

    def _collect(self, item: QQuickItem, room: QRectF) -> None:
        if not item.isVisible() or item.opacity() <= 0:
            return
        rect = _rect(item)
        start = len(self.order)
        self.order.append(item)
        self.rects[item] = (rect, rect.intersected(room))
        self.names.setdefault(item.objectName(), item)
        inner = room.intersected(rect) if item.clip() else room
        for child in item.childItems():
            self._collect(child, inner)
        self.spans[item] = (start, len(self.order))  # it and all drawn below it

    # --- what is drawn ---------------------------------------------------------------------
    def shown(self, item: QQuickItem | None) -> bool:
        return item is not None and item in self.rects and item.width() > 0 and item.height() > 0

    def whole(self, item: QQuickItem) -> bool:
        """Drawn and not cut off anywhere (by a clipping ancestor or the window's edge)."""
        rect, part = self.rects[item]
        return _whole(part, rect)

    def cut(self, item: QQuickItem) -> bool:
        """Partly drawn: some of it is on screen, some cut away."""
        rect, part = self.rects[item]
        return not part.isEmpty() and not _whole(part, rect)

    def named(self, name: str) -> QQuickItem | None:
        item = self.names.get(name)
        return item if self.shown(item) else None

    def inside(self, scope: QQuickItem) -> Iterator[QQuickItem]:
        if scope in self.spans:  # drawn: its drawn items follow it in `order`
            start, end = self.spans[scope]
            return (i for i in self.order[start:end] if self.shown(i))
        return (i for i in self.order if self.shown(i) and _within(i, scope))

    def add(self, rule: str, item: QQuickItem | None, detail: str) -> None:
        self.findings.append(Finding(rule, _label(item) if item is not None else "-", detail))

    def screen(self, hidden_too: bool = False) -> QQuickItem | None:
        """The current screen (KScreen); with `hidden_too`, also when the keys leave it no room
        and it is not drawn."""
        header = self.named("screenHeader")
        if header is None and hidden_too:
            header = next(
                (i for i in _visible_tree(self.window.contentItem())
                 if i.objectName() == "screenHeader"),
                None,
            )  # fmt: skip
        return header.parentItem() if header is not None else None

    def run(
        self,
        announced: Sequence[str] | None = None,
        more: bool | None = None,
        keypad: bool = False,
    ) -> list[Finding]:
        self.check_focus(keypad)
        dialogs = [i for i in self.order if i.property("blocksBehind") is True]
        if dialogs:
            self.check_dialog(dialogs[-1])
            self.check_words()
            return self.findings
        if self.named("typingStrip") is not None:
            # the keys and the strip above them: the screen may have no room left at all
            self.check_typing()
            screen = self.screen(hidden_too=True)
            if screen is not None:
                self.check_partial(screen)
            self.check_words()
            self.check_state()
            self.check_disabled()
            return self.findings
        screen = self.screen()
        if screen is None:
            self.add("essentials", None, "no screen is shown")
            return self.findings
        self.check_essentials(screen)
        self.check_chrome()
        self.check_partial(screen)
        self.check_words()
        self.check_repeats(screen)
        self.check_state()
        self.check_disabled()
        if announced is not None:
            self.check_announced(screen, announced, more)
        return self.findings

    # --- the rules -----------------------------------------------------------------------
    def check_dialog(self, dialog: QQuickItem) -> None:
        buttons = [i for i in self.inside(dialog) if _is_button(i) and i.isEnabled()]
        if not buttons:
            self.add("dialog", dialog, "an open dialog with no button to close it")
        for button in buttons:
            if not self.whole(button):
                self.add("dialog", button, "a dialog's button is not fully on screen")

    def check_essentials(self, screen: QQuickItem) -> None:
        title = self.named("screenTitle")
        if title is None or not str(title.property("text") or "").strip():
            self.add("essentials", screen, "the screen has no title")
        elif not self.whole(title):
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
            name = screen.property(name_prop)
            button = next(
                (i for i in self.inside(footer) if _is_button(i) and i.objectName() == name), None
            )
            if button is None:
                self.add("essentials", screen, f"{role} is not shown")
            elif not self.whole(button):
                self.add("essentials", button, f"{role} is not fully on screen")
        if screen.property("scrollable"):
            self.add("essentials", screen, "the screen needs Down to show all of it")

    def check_chrome(self) -> None:
        """The bar across the top and the footer take at most 40 % of the height; a bar down
        the side (a short landscape panel) at most 30 % of the width."""
        width, height = float(self.window.width()), float(self.window.height())
        bar, footer = self.named("bar"), self.named("footer")
        side = bar is not None and bar.width() < width / 2
        chrome = (footer.height() if footer else 0.0) + (bar.height() if bar and not side else 0)
        if chrome > CHROME_SHARE * height + EPSILON:
            self.add(
                "chrome", None,
                f"the bar and footer take {chrome / height:.0%} of the height (at most 40 %)",
            )  # fmt: skip
        if side and bar is not None and bar.width() > SIDE_BAR_SHARE * width + EPSILON:
            self.add("chrome", bar, f"the bar takes {bar.width() / width:.0%} of the width")

    def check_partial(self, screen: QQuickItem) -> None:
        scopes = [screen] + [s for s in (self.named("footer"), self.named("bar")) if s]
        for item in self.order:
            interactive = _is_button(item) or item.inherits("QQuickTextInput")
            if (
                interactive
                and self.shown(item)
                and self.cut(item)
                and any(_within(item, scope) for scope in scopes)
                and not _in_scroll_practice(item)
            ):
                self.add("partial", item, "only part of it is on screen")

    def check_words(self) -> None:
        """The words of every button drawn whole stay inside the button."""
        for item in self.order:
            if not (item.inherits("QQuickText") and str(item.property("text") or "").strip()):
                continue
            button = item.parentItem()
            for _ in range(4):  # a label sits a few levels inside its button (icon and words)
                if button is None or _is_button(button):
                    break
                button = button.parentItem()
            if button is None or not _is_button(button) or not self.shown(button):
                continue
            if not self.whole(button):
                continue  # a cut button is the partial rule's
            words = _rect(item).adjusted(EPSILON, EPSILON, -EPSILON, -EPSILON)
            if not _rect(button).contains(words):
                self.add("words", button, "its words run out over its edge")

    def check_repeats(self, screen: QQuickItem) -> None:
        """No heading (a text whose accessible role is Heading) is drawn twice with the same
        words: a list's parts that go on under their heading repeat it on one page."""
        seen: set[str] = set()
        for item in self.inside(screen):
            text = str(item.property("text") or "").strip() if item.inherits("QQuickText") else ""
            if not text or self.rects[item][1].isEmpty():
                continue
            iface = QAccessible.queryAccessibleInterface(item)
            if iface is None or iface.role() != QAccessible.Role.Heading:
                continue
            if text in seen:
                self.add("repeat", item, "a heading shown twice on the screen")
            seen.add(text)

    def check_state(self) -> None:
        for item in self.order:
            if not _is_button(item) or not self.shown(item) or not item.property("selected"):
                continue
            mark = next((c for c in self.inside(item) if c.objectName() == "selectedMark"), None)
            if mark is None:
                self.add("state", item, "selected without its check mark and word")
                continue
            words = [t for t in self.inside(mark) if t.inherits("QQuickText")]
            if not any(str(t.property("text") or "").strip() for t in words):
                self.add("state", item, "selected: a check mark without the word")
            if not self.whole(mark):
                self.add("state", item, "selected: its check mark is not fully on screen")

    def check_focus(self, keypad: bool) -> None:
        """Focus is drawn only once a key is used, then outside the focused control, whole."""
        rings = [i for i in self.order if i.objectName() == "focusRing" and self.shown(i)]
        if not keypad:
            for ring in rings:
                self.add("state", ring.parentItem(), "focus drawn before any key was used")
            return
        focused = self.window.activeFocusItem()
        if focused is None or not _is_button(focused) or not self.shown(focused):
            return
        ring = next((r for r in rings if _within(r, focused)), None)
        if ring is None:
            self.add("state", focused, "focused by the keypad, but no focus ring is drawn")
            return
        inner, outer = self.rects[focused][0], self.rects[ring][0]
        if not outer.adjusted(1, 1, -1, -1).contains(inner):
            self.add("state", focused, "the focus ring is not outside the control")
        if not self.whole(ring):
            self.add("state", focused, "the focus ring is cut off")

    def check_disabled(self) -> None:
        for item in self.order:
            if not _is_button(item) or item.isEnabled() or not self.shown(item):
                continue
            reason = str(item.property("reason") or "").strip()
            said = any(
                t.inherits("QQuickText") and str(t.property("text")) == reason
                for t in self.inside(item)
            )
            if not reason or not said:
                self.add("disabled", item, "a control that cannot be used looks like one that can")

    def check_typing(self) -> None:
        strip = self.named("typingStrip")
        assert strip is not None
        wanted = [
            ("stripQuestion", "the question"),
            ("stripLabel", "the field's label"),
            ("stripTyped", "the text typed so far"),
        ]
        screen = self.screen(hidden_too=True)
        if screen is not None and str(screen.property("primaryText") or ""):
            wanted.append(("stripNext", "the way forward"))
        question = next((i for i in self.inside(strip) if i.objectName() == "stripQuestion"), None)
        for name, what in wanted:
            item = next((i for i in self.inside(strip) if i.objectName() == name), None)
            if item is None and name == "stripLabel" and question is not None:
                # a field whose label is the question itself (or has none) is not labelled twice
                label = next((i for i in _visible_tree(strip, all_items=True)
                              if i.objectName() == name), None)  # fmt: skip
                said = str(label.property("text") or "") if label is not None else ""
                if said in ("", str(question.property("text"))):
                    continue
            if item is None:
                self.add("typing", strip, f"{what} is not shown above the keys")
            elif not self.whole(item):
                self.add("typing", item, f"{what} is not fully shown above the keys")

    def check_announced(
        self, screen: QQuickItem, announced: Sequence[str], more: bool | None
    ) -> None:
        content = next(
            (i for i in self.inside(screen) if i.objectName() == "screenContent"), screen
        )
        shown = [  # the screen's choices are KButtons (they say their spokenText)
            str(i.property("spokenText"))
            for i in self.inside(content)
            if _is_button(i) and i.property("spokenText") is not None
            and not i.objectName().startswith("pager")
            and (not self.rects[i][1].isEmpty() or _in_scroll_practice(i))
        ]  # fmt: skip
        if sorted(shown) != sorted(str(a) for a in announced):
            self.add(
                "announce", screen,
                f"the voice said {list(announced)[:6]}, the screen shows {shown[:6]}",
            )  # fmt: skip
        pagers_with_more = [
            i for i in self.inside(content)
            if i.property("hasMore") is True and i.property("pageCount")
        ]  # fmt: skip
        if more is not None and more != bool(pagers_with_more):
            self.add("announce", screen, "the voice and the screen disagree about more choices")


def screen_audit(
    window: QQuickWindow,
    announced: Sequence[str] | None = None,
    more: bool | None = None,
    keypad: bool = False,
) -> list[str]:
    """All screen findings for what the window shows now, as readable lines. `announced` and
    `more`: the choices the voice last said and whether it said there are more; `keypad`: a key
    has been used (focus may be drawn)."""
    window.grabWindow()  # a frame: layouts are polished only before one is drawn
    return [str(f) for f in ScreenAudit(window).run(announced, more, keypad)]
