import QtQuick

// A check mark drawn from two strokes (the bundled font has no ✓), `size` pixels square.
Item {
    id: mark

    property real size: Theme.fontBody
    property color color: Theme.text
    readonly property real stroke: Math.max(3, size / 6)

    implicitWidth: size
    implicitHeight: size
    Accessible.ignored: true // the word beside it says "selected"

    Rectangle { // the short stroke, down to the bottom of the tick
        x: mark.size * 0.12
        y: mark.size * 0.55
        width: mark.size * 0.38
        height: mark.stroke
        radius: mark.stroke / 2
        color: mark.color
        rotation: 45
        transformOrigin: Item.Right
    }
    Rectangle { // the long stroke, up to the right
        x: mark.size * 0.30
        y: mark.size * 0.55
        width: mark.size * 0.68
        height: mark.stroke
        radius: mark.stroke / 2
        color: mark.color
        rotation: -50
        transformOrigin: Item.Left
    }
}
