pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "../components"

// A line of a practice message (its sender, text or link) word by word, so the words that give
// the message away can be marked where they stand: a red frame, a tint and the flag's number.
// Each flagged phrase is one item named "flag-<id>"; `marked` says it is drawn as a red flag.
Flow {
    id: line
    property var pieces: []
    property bool revealed: false // the answer was given: every flag here is marked
    property color ink: Theme.surfaceText
    property bool bold: false
    property bool link: false
    spacing: Math.round(Theme.fontBody * 0.3)

    Repeater {
        model: line.pieces
        delegate: Rectangle {
            id: piece
            required property var modelData
            readonly property bool flagged: modelData.flag !== ""
            // a hint that names this flag lights it before the answer
            readonly property bool lit: flagged && Lessons.hintTarget === modelData.flag
            readonly property bool marked: flagged && (line.revealed || lit)
            objectName: flagged ? "flag-" + modelData.flag : ""
            width: Math.min(line.width, row.implicitWidth + (marked ? 2 * Theme.gap : 0))
            height: row.implicitHeight + (marked ? Theme.gap : 0)
            color: marked ? Theme.flagFill : "transparent"
            border.color: lit ? Theme.focus : Theme.flagBorder
            border.width: marked ? (lit ? Theme.focusWidth : Theme.border) : 0
            radius: Theme.radius
            Accessible.role: Accessible.StaticText
            Accessible.name: modelData.text

            Row {
                id: row
                x: piece.marked ? Theme.gap : 0
                y: piece.marked ? Theme.gap / 2 : 0
                spacing: Theme.gap / 2
                Rectangle { // the flag's number, as in the list under the message
                    visible: piece.marked && line.revealed
                    anchors.verticalCenter: parent.verticalCenter
                    width: number.implicitHeight
                    height: width
                    radius: width / 2
                    color: Theme.flagBorder
                    Text {
                        id: number
                        anchors.centerIn: parent
                        text: piece.modelData.number
                        color: Theme.lessonInk
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                    }
                }
                KText {
                    width: Math.min(implicitWidth, line.width - 2 * Theme.gap
                                    - (piece.marked ? number.implicitHeight + Theme.gap : 0))
                    text: piece.modelData.text
                    color: piece.marked ? Theme.flagText : line.ink
                    font.bold: line.bold || piece.marked
                    font.underline: line.link
                    lineHeight: 1.2
                }
            }
        }
    }
}
