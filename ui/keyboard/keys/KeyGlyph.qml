import QtQuick
import QtQuick.Shapes

// The keys without words, drawn so they scale with the key: shift (an arrow up, filled while
// the next letter is a capital, underlined for capitals until touched again), delete (a
// left-pointing tag with a cross) and, on a space bar too narrow for its word, the space sign
// (an open box, ⎵).
Item {
    id: glyph

    property string kind: "shift" // "shift" | "backspace" | "space"
    property real size: 40
    property color color: "black"
    property bool filled: false
    property bool underlined: false
    readonly property real stroke: Math.max(3, size * 0.09)

    width: size
    height: size

    Shape {
        anchors.fill: parent
        preferredRendererType: Shape.CurveRenderer
        visible: glyph.kind === "shift"
        ShapePath {
            strokeColor: glyph.color
            strokeWidth: glyph.stroke
            fillColor: glyph.filled ? glyph.color : "transparent"
            joinStyle: ShapePath.RoundJoin
            startX: glyph.size * 0.5; startY: glyph.size * 0.05
            PathLine { x: glyph.size * 0.95; y: glyph.size * 0.5 }
            PathLine { x: glyph.size * 0.7; y: glyph.size * 0.5 }
            PathLine { x: glyph.size * 0.7; y: glyph.size * (glyph.underlined ? 0.72 : 0.9) }
            PathLine { x: glyph.size * 0.3; y: glyph.size * (glyph.underlined ? 0.72 : 0.9) }
            PathLine { x: glyph.size * 0.3; y: glyph.size * 0.5 }
            PathLine { x: glyph.size * 0.05; y: glyph.size * 0.5 }
            PathLine { x: glyph.size * 0.5; y: glyph.size * 0.05 }
        }
    }
    Rectangle { // capitals stay on
        visible: glyph.kind === "shift" && glyph.underlined
        x: glyph.size * 0.3
        y: glyph.size * 0.84
        width: glyph.size * 0.4
        height: glyph.stroke * 1.4
        color: glyph.color
    }
    Shape {
        anchors.fill: parent
        preferredRendererType: Shape.CurveRenderer
        visible: glyph.kind === "backspace"
        ShapePath {
            strokeColor: glyph.color
            strokeWidth: glyph.stroke
            fillColor: "transparent"
            joinStyle: ShapePath.RoundJoin
            startX: glyph.size * 0.02; startY: glyph.size * 0.5
            PathLine { x: glyph.size * 0.32; y: glyph.size * 0.18 }
            PathLine { x: glyph.size * 0.98; y: glyph.size * 0.18 }
            PathLine { x: glyph.size * 0.98; y: glyph.size * 0.82 }
            PathLine { x: glyph.size * 0.32; y: glyph.size * 0.82 }
            PathLine { x: glyph.size * 0.02; y: glyph.size * 0.5 }
        }
        ShapePath {
            strokeColor: glyph.color
            strokeWidth: glyph.stroke
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            startX: glyph.size * 0.48; startY: glyph.size * 0.34
            PathLine { x: glyph.size * 0.78; y: glyph.size * 0.66 }
            PathMove { x: glyph.size * 0.78; y: glyph.size * 0.34 }
            PathLine { x: glyph.size * 0.48; y: glyph.size * 0.66 }
        }
    }
    Shape {
        anchors.fill: parent
        preferredRendererType: Shape.CurveRenderer
        visible: glyph.kind === "space"
        ShapePath {
            strokeColor: glyph.color
            strokeWidth: glyph.stroke
            fillColor: "transparent"
            joinStyle: ShapePath.RoundJoin
            capStyle: ShapePath.RoundCap
            startX: glyph.size * 0.05; startY: glyph.size * 0.45
            PathLine { x: glyph.size * 0.05; y: glyph.size * 0.75 }
            PathLine { x: glyph.size * 0.95; y: glyph.size * 0.75 }
            PathLine { x: glyph.size * 0.95; y: glyph.size * 0.45 }
        }
    }
}
