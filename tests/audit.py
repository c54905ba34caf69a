"""The accessibility audit: walks a window's item tree and reports what breaks the rules.

Checks (ACCESSIBILITY.md, "What can be automated"): touch-target size and gaps in millimetres
(the on-screen keyboard's keys too: 20 mm, their edge 3:1 against the tray),
text size (x-height, capital height), contrast of every text against what is really painted
behind it, accessible names and roles of interactive items, elided, clipped or overflowing text,
visible strings that are not translated, and drag scrolling outside lesson widgets (drag and
pinch handlers are declared in QML sources: tests/unit/test_gestures.py reads them there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QAccessible, QColor, QFontMetricsF
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk import i18n
from kiosk.core.contrast import blend, ratio

TEXT_CONTRAST = 7.0
EDGE_CONTRAST = 3.0  # borders, states and the edges of keys (WCAG 1.4.11)
INTERACTIVE_ROLES = {
    QAccessible.Role.Button,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.EditableText,
    QAccessible.Role.ComboBox,
    QAccessible.Role.Slider,
}
# Words that are the same in every language: names of languages and of the product.
UNTRANSLATED_OK = {"English", "Türkçe", "Silver", "Kiosk", "Call", "Sofia", "OK"}
# Words of three or more Latin letters; capitals-only tokens are acronyms or codes (QR, PDF,
# a learner code like K7MW-3QXD) and are allowed.
LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])(?![A-Z0-9]+(?![A-Za-z]))[A-Za-z]{3,}(?![A-Za-z])")


@dataclass(frozen=True)
class Finding:
    rule: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.where}: {self.detail}"


def _rgb(color: QColor) -> tuple[float, float, float]:
    return (color.redF(), color.greenF(), color.blueF())


# QObject.inherits and objectName only: a Python wrapper of a QMetaObject (from metaObject()) can
# outlive it, and shiboken then hands that stale wrapper back for a new item at the same address.
# The audits hold no item beyond one look and make no reference cycles, so no wrapper outlives its
# item and no look needs a gc.collect() first (a collect per state, saving its garbage, found no
# PySide wrapper in it over every screen, size and theme; each collect cost 20-35 ms).
KINDS = (
    ("QQuickAbstractButton", "KButton"),
    ("QQuickTextInput", "TextInput"),
    ("QQuickText", "Text"),
    ("QQuickFlickable", "Flickable"),
    ("QQuickRectangle", "Box"),
)


def _name(item: QQuickItem) -> str:
    text = item.property("text")
    kind = next((name for cls, name in KINDS if item.inherits(cls)), "Item")
    return f"{kind}[{item.objectName()}]" + (f" {str(text)[:40]!r}" if text else "")


def _scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def _visible(item: QQuickItem) -> bool:
    return item.isVisible() and item.opacity() > 0 and item.width() > 0 and item.height() > 0


def paint_order(item: QQuickItem) -> Iterator[QQuickItem]:
    """Visible items in the order they are painted (parent first, children by z)."""
    if not item.isVisible() or item.opacity() <= 0:
        return
    yield item
    children = sorted(enumerate(item.childItems()), key=lambda pair: (pair[1].z(), pair[0]))
    for _, child in children:
        yield from paint_order(child)


def _effective_opacity(item: QQuickItem) -> float:
    opacity = 1.0
    node: QQuickItem | None = item
    while node is not None:
        opacity *= node.opacity()
        node = node.parentItem()
    return opacity


def _is(item: QQuickItem, class_name: str) -> bool:
    # QObject.inherits, not a walk up QMetaObject.superClass(): PySide6 miscounts the
    # references of the None that ends such a walk and aborts after some thousand calls.
    return item.inherits(class_name)


def _inside(item: QQuickItem, ancestor: QQuickItem) -> bool:
    node: QQuickItem | None = item
    while node is not None:
        if node == ancestor:
            return True
        node = node.parentItem()
    return False


def _shown_rect(item: QQuickItem) -> QRectF:
    """The part of the item not cut away by a clipping ancestor (e.g. a scrolled page)."""
    rect = _scene_rect(item)
    node = item.parentItem()
    while node is not None and not rect.isEmpty():
        if node.clip():
            rect = rect.intersected(_scene_rect(node))
        node = node.parentItem()
    return rect


def _scrolled_away_allowed(item: QQuickItem) -> bool:
    """Inside a Flickable whose content is taller than it (the Up/Down buttons reveal it), or a
    long text's page window (its page buttons show the other lines; KPagedText)."""
    node = item.parentItem()
    while node is not None:
        if node.objectName() == "pagedTextWindow":
            return True
        if _is(node, "QQuickFlickable"):
            content = node.property("contentHeight") or 0
            if content > node.height() + 1:
                return True
        node = node.parentItem()
    return False


def _in_lesson_widget(item: QQuickItem) -> bool:
    """Inside (or the root of) a lesson widget, marked `property bool lessonWidget: true`."""
    node: QQuickItem | None = item
    while node is not None:
        if node.property("lessonWidget") is True:
            return True
        node = node.parentItem()
    return False


class Audit:
    """One pass over a window in one language, text size and theme."""

    def __init__(self, window: QQuickWindow, px_per_mm: float, min_cap_mm: float) -> None:
        self.window = window
        self.px_per_mm = px_per_mm
        self.min_cap_mm = min_cap_mm
        self.findings: list[Finding] = []
        self.order = list(paint_order(window.contentItem()))

    def mm(self, px: float) -> float:
        return px / self.px_per_mm

    def add(self, rule: str, item: QQuickItem, detail: str) -> None:
        self.findings.append(Finding(rule, _name(item), detail))

    def run(self, lang: str) -> list[Finding]:
        targets: list[tuple[QQuickItem, QRectF]] = []
        # An open modal dialog hides and blocks what lies behind it: audit the dialog alone.
        modal = [i for i in self.order if _visible(i) and i.property("blocksBehind") is True]
        for index, item in enumerate(self.order):
            if not _visible(item):
                continue
            if modal and not _inside(item, modal[-1]):
                continue
            self.check_handlers(item)
            iface = QAccessible.queryAccessibleInterface(item)
            role = iface.role() if iface is not None else None
            if role in INTERACTIVE_ROLES and item.isEnabled():
                self.check_target(item, iface)
                shown = _shown_rect(item)
                if not shown.isEmpty():  # a control scrolled out of view is not a neighbour
                    targets.append((item, shown))
            if item.objectName() == "keyFace":  # a key of the on-screen keyboard (KeyFace.qml)
                self.check_key(item, index)
                targets.append((item, _shown_rect(item)))
            if _is(item, "QQuickText") and str(item.property("text") or "").strip():
                self.check_text(item, index, lang)
        self.check_gaps(targets)
        return self.findings

    def check_handlers(self, item: QQuickItem) -> None:
        # (QObject.children() would find handlers here too, at a third of a millisecond per
        # item: the sources are read once instead, tests/unit/test_gestures.py.)
        if not _is(item, "QQuickFlickable") or not item.property("interactive"):
            return
        if not _in_lesson_widget(item):  # a lesson widget teaches that gesture, with a Skip
            self.add("gesture", item, "drag scrolling; use Up and Down buttons")

    def check_target(self, item: QQuickItem, iface: QAccessible) -> None:
        name = iface.text(QAccessible.Text.Name).strip()
        if not name:
            self.add("name", item, "an interactive item with no accessible name")
        minimum = 20.0 if item.property("main") is True else 15.0
        w, h = self.mm(item.width()), self.mm(item.height())
        if w < minimum - 0.05 or h < minimum - 0.05:
            self.add("target", item, f"{w:.1f} x {h:.1f} mm, under {minimum:.0f} mm")

    def check_key(self, face: QQuickItem, index: int) -> None:
        """A key of the on-screen keyboard is a main target, 20 mm square, told apart from the
        tray around it by its edge or its fill at 3:1 (its letter is checked as any text)."""
        w, h = self.mm(face.width()), self.mm(face.height())
        if w < 20.0 - 0.05 or h < 20.0 - 0.05:
            self.add("target", face, f"key {w:.1f} x {h:.1f} mm, under 20 mm")
        tray = self.background_at(_scene_rect(face).center(), index)
        edge = _rgb(face.property("edge"))  # border.color: PySide cannot read a QQuickPen
        fill = _rgb(face.property("color"))
        value = max(ratio(edge, tray), ratio(fill, tray))
        if value < EDGE_CONTRAST:
            self.add("contrast", face, f"key edge {value:.1f}:1 (needs {EDGE_CONTRAST}:1)")

    def check_gaps(self, targets: list[tuple[QQuickItem, QRectF]]) -> None:
        gap_px = 2.0 * self.px_per_mm - 0.5
        for i, (a, ra) in enumerate(targets):
            for b, rb in targets[i + 1 :]:
                if ra.intersects(rb):
                    continue  # one inside the other (e.g. a field in a row) is not a gap
                dx = max(rb.left() - ra.right(), ra.left() - rb.right(), 0)
                dy = max(rb.top() - ra.bottom(), ra.top() - rb.bottom(), 0)
                if max(dx, dy) < gap_px:
                    self.add("gap", a, f"{self.mm(max(dx, dy)):.1f} mm from {_name(b)}")

    def check_text(self, item: QQuickItem, index: int, lang: str) -> None:
        text = str(item.property("text"))
        if item.property("truncated"):
            self.add("clipped", item, "text is elided or truncated")
        content_w = float(item.property("contentWidth") or 0)
        content_h = float(item.property("contentHeight") or 0)
        if content_w > item.width() + 1:
            self.add("overflow", item, f"text is {content_w:.0f} px wide in {item.width():.0f}")
        if content_h > item.height() + 1:
            self.add("overflow", item, f"text is {content_h:.0f} px tall in {item.height():.0f}")
        self.check_inside_boxes(item)
        self.check_size(item)
        self.check_contrast(item, index)
        self.check_translated(item, text, lang)

    def check_inside_boxes(self, item: QQuickItem) -> None:
        """The text lies inside every button or box around it, unless a scroll reveals it."""
        if _scrolled_away_allowed(item):
            return
        rect = _scene_rect(item).adjusted(1, 1, -1, -1)
        node = item.parentItem()
        while node is not None and not _is(node, "QQuickFlickable"):
            boxed = node.clip() or _is(node, "QQuickAbstractButton")
            if boxed and not _scene_rect(node).contains(rect):
                self.add("clipped", item, f"goes outside {_name(node)}")
                return
            node = node.parentItem()
        window = QRectF(0, 0, self.window.width(), self.window.height())
        if not window.contains(rect):
            self.add("clipped", item, "goes outside the window")

    def check_size(self, item: QQuickItem) -> None:
        metrics = QFontMetricsF(item.property("font"))
        cap = self.mm(metrics.capHeight())
        if cap < self.min_cap_mm - 0.05:
            self.add("text size", item, f"capital height {cap:.1f} mm < {self.min_cap_mm} mm")
        x_height = self.mm(metrics.xHeight())
        if x_height < 4.2 - 0.05:
            self.add("text size", item, f"x-height {x_height:.1f} mm < 4.2 mm")

    def check_contrast(self, item: QQuickItem, index: int) -> None:
        rect = _shown_rect(item)
        if rect.isEmpty():
            return  # scrolled out of view: it is checked where the Up/Down buttons bring it
        centre = QPointF(rect.center().x(), rect.top() + min(rect.height(), 20) / 2)
        background = self.background_at(centre, index)
        color = item.property("color")
        fg = blend(_rgb(color), background, color.alphaF() * _effective_opacity(item))
        value = ratio(fg, background)
        if value < TEXT_CONTRAST:
            self.add("contrast", item, f"{value:.1f}:1 (needs {TEXT_CONTRAST}:1)")

    def background_at(self, point: QPointF, index: int) -> tuple[float, float, float]:
        """The colour painted at `point` by the boxes drawn before item `index`."""
        background = _rgb(self.window.color())
        for other in self.order[:index]:
            if not _is(other, "QQuickRectangle") or not _visible(other):
                continue
            color = other.property("color")
            if color.alphaF() <= 0 or not _scene_rect(other).contains(point):
                continue
            alpha = color.alphaF() * _effective_opacity(other)
            background = blend(_rgb(color), background, alpha)
        return background

    def check_translated(self, item: QQuickItem, text: str, lang: str) -> None:
        if lang == "en":
            return
        if text in english_messages() and i18n.lookup(text, lang) is None:
            self.add("untranslated", item, "shown in English")
            return
        if lang in ("bg", "uk"):
            latin = [w for w in LATIN_WORD.findall(text) if w not in UNTRANSLATED_OK]
            if latin:
                self.add("untranslated", item, f"Latin words in {lang}: {latin[:3]}")


_english: set[str] | None = None


def english_messages() -> set[str]:
    """Every msgid of the interface catalog (the English source strings)."""
    global _english
    if _english is None:
        from babel.messages.pofile import read_po

        with (i18n.LOCALES_DIR / "kiosk.pot").open("rb") as f:
            _english = {str(m.id) for m in read_po(f) if m.id and isinstance(m.id, str)}
    return _english


def audit_window(window: QQuickWindow, px_per_mm: float, text_step: int, lang: str) -> list[str]:
    """All findings for what the window shows now, as readable lines."""
    # A frame first: layouts are polished only before a frame is drawn, so a text that changed
    # since the last one (a portal reply arriving) may still sit where the old layout put it.
    window.grabWindow()
    min_cap = 4.8 if text_step == 0 else 7.3  # large-text mode: capital H ≥ 0.7° at 600 mm
    return [str(f) for f in Audit(window, px_per_mm, min_cap).run(lang)]
