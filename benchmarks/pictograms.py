"""Pictogram benchmark: what recolouring the SVG pictograms on the CPU costs, and a contact sheet.

For every pictogram in assets/icons, times kiosk/bridge/pictograms.render() (parse the SVG, draw
it at the size, recolour it) at 48, 96 and 160 px, and, for comparison, drawing the same SVG
without recolouring. Then in QML: creating a grid of every pictogram as KIcon (through the
`pictogram` provider), as a plain Image of the .svg file (Qt's SVG image plugin, no recolouring)
and as bare Rectangles, each at a size not drawn before, and KIcon again at a size already in
Qt's image cache (what every screen after the first pays for its bar).
With --sheet PATH it also writes a contact sheet: every pictogram at 96 px on the fill of each
button kind (normal, primary, danger, bar) in both themes, for a person to look at.
Usage: python benchmarks/pictograms.py [--rounds N] [--sheet PATH [--sheet-size PX]]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtSvg import QSvgRenderer

from kiosk.bridge.pictograms import ICONS_DIR, PROVIDER_ID, PictogramProvider, names, render
from kiosk.services.storage.paths import UI_DIR
from tests.unit.test_pictograms import BUTTON_KINDS
from tests.unit.test_theme import colours


def _plain(svg: bytes, size: QSize) -> QImage:
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(svg)).render(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    return image


def timing(rounds: int) -> None:
    svgs = {name: (ICONS_DIR / f"{name}.svg").read_bytes() for name in names()}
    ink = QColor("#161616")
    print(f"{len(svgs)} pictograms, median of {rounds} rounds, per pictogram")
    for px in (48, 96, 160):
        size = QSize(px, px)
        for label, draw in (
            ("recoloured", lambda svg, s=size: render(svg, ink, s)),
            ("plain SVG ", lambda svg, s=size: _plain(svg, s)),
        ):
            samples = []
            for _ in range(rounds):
                t0 = time.perf_counter()
                for svg in svgs.values():
                    draw(svg)
                samples.append((time.perf_counter() - t0) / len(svgs) * 1000)
            print(f"{px:4d} px  {label}  {statistics.median(samples):6.3f} ms")


SHEET_KINDS = ("normal", "primary", "danger", "bar")


GRID = """
import QtQuick
Grid {
    columns: 8
    Repeater {
        model: %s
        %s
    }
}
"""
ITEMS = {
    # what KIcon does (KIcon itself needs the kiosk's Theme, so the whole app)
    "KIcon, recoloured": 'Image { source: "image://pictogram/" + modelData + "/161616";'
    " sourceSize: Qt.size(%d, %d) }",
    "Image of the .svg": 'Image { source: "../assets/icons/" + modelData + ".svg";'
    " sourceSize: Qt.size(%d, %d) }",
    "Rectangles only  ": 'Rectangle { width: %d; height: %d; color: "#161616" }',
}


def _create_ms(engine: QQmlEngine, item: str) -> float:
    component = QQmlComponent(engine)
    component.setData(QByteArray(GRID % (names(), item)), QUrl.fromLocalFile(str(UI_DIR / "b.qml")))
    t0 = time.perf_counter()
    obj = component.create()  # images from files and synchronous providers load here
    elapsed = (time.perf_counter() - t0) * 1000
    if obj is None:
        raise SystemExit(component.errorString())
    obj.deleteLater()
    return elapsed


def qml_timing(rounds: int) -> None:
    engine = QQmlEngine()
    engine.addImageProvider(PROVIDER_ID, PictogramProvider())
    count = len(names())
    print(f"QML: a grid of {count} pictograms at about 96 px, median of {rounds} rounds")
    for label, item in ITEMS.items():
        samples = []
        for round_ in range(rounds):
            px = 80 + round_ + (20 if label.startswith("Image") else 0)  # never cached
            samples.append(_create_ms(engine, item.replace("%d", str(px))))
        print(f"  {label}  {statistics.median(samples):6.1f} ms")
    cached = [
        _create_ms(engine, ITEMS["KIcon, recoloured"].replace("%d", "80")) for _ in range(rounds)
    ]
    print(f"  KIcon, cached     {statistics.median(cached):6.1f} ms")


def sheet(path: Path, icon: int = 96) -> None:
    pad, label_h, per_row = 12, 34, 4
    cell = icon + 2 * pad
    themes = [(hc, colours(hc)) for hc in (False, True)]
    block_w, block_h = cell * len(SHEET_KINDS), label_h + cell * len(themes)
    all_names = names()
    rows = -(-len(all_names) // per_row)
    image = QImage(
        block_w * per_row + pad * (per_row + 1),
        (block_h + pad) * rows + pad,
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("#808080"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(24)
    font.setBold(True)
    painter.setFont(font)
    for index, name in enumerate(all_names):
        x0 = pad + (index % per_row) * (block_w + pad)
        y0 = pad + (index // per_row) * (block_h + pad)
        painter.setPen(QColor("#000000"))
        painter.drawText(x0 + 4, y0 + label_h - 8, name)
        svg = (ICONS_DIR / f"{name}.svg").read_bytes()
        for row, (_hc, theme) in enumerate(themes):
            for col, (fill, ink) in enumerate(BUTTON_KINDS[kind] for kind in SHEET_KINDS):
                x, y = x0 + col * cell, y0 + label_h + row * cell
                painter.fillRect(x, y, cell, cell, QColor(theme[fill]))
                drawn = render(svg, QColor(theme[ink]), QSize(icon, icon))
                painter.drawImage(x + pad, y + pad, drawn)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    print(f"contact sheet: {path} ({image.width()} x {image.height()})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sheet", type=Path)
    parser.add_argument("--sheet-size", type=int, default=96, help="pictogram side on the sheet")
    args = parser.parse_args()
    _app = QGuiApplication(sys.argv[:1])
    timing(args.rounds)
    qml_timing(args.rounds)
    if args.sheet:
        sheet(args.sheet, args.sheet_size)


if __name__ == "__main__":
    main()
