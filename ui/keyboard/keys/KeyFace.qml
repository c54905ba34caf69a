import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import "../../components"

// One key as the kiosk draws it: a white key with a dark edge (function keys tinted, Enter in
// the primary colour), its letter at the resident's text size, a word shrunk only as far as the
// large-text minimum when the key is narrow, or a drawn symbol (shift, delete, and space where
// its word does not fit).
KeyPanel {
    id: face

    property string word: "" // shown instead of the key's own text (the space bar)
    property string glyph: "" // "shift" | "backspace": drawn, not a character
    property bool primary: false
    readonly property bool pressed: control !== null && control.pressed
    readonly property bool shifted: glyph === "shift" && (InputContext.shiftActive
                                                          || InputContext.capsLockActive)
    readonly property string label: word !== "" ? word : control ? control.displayText : ""
    readonly property bool letter: label.length === 1 && !control.functionKey
    // the space bar's word only where it fits; where it does not, the space sign (⎵) is drawn
    readonly property bool wordFits: word === "" || spaceWord.advanceWidth <= text.width

    readonly property color fill: primary ? (pressed ? Theme.primaryPressed : Theme.primary)
                                : pressed ? Theme.surfacePressed
                                : shifted ? Theme.selected
                                : control && control.functionKey ? Theme.keyFunction
                                : Theme.surface
    readonly property color ink: primary || shifted ? Theme.primaryText : Theme.surfaceText

    Rectangle {
        id: key
        objectName: "keyFace"
        property color edge: face.primary ? Theme.primary : Theme.surfaceBorder // for the audit
        anchors.fill: parent
        anchors.margins: Theme.keyGap / 2
        color: face.fill
        border.color: edge
        border.width: face.pressed ? Theme.focusWidth : Theme.border
        radius: Theme.radius

        Text {
            id: text
            objectName: "keyLabel"
            anchors.centerIn: parent
            // a wide capital (Щ, Ю) at the largest text fills a 20 mm key to its edges
            width: parent.width - 2 * (face.letter ? Theme.border : Theme.keyGap)
            visible: face.glyph === "" && text !== "" && face.wordFits
            text: face.label
            color: face.ink
            horizontalAlignment: Text.AlignHCenter
            font.bold: true
            font.capitalization: face.letter && face.control.uppercased ? Font.AllUppercase
                                                                         : Font.MixedCase
            // a letter at the text size; the words of the lowest row all at one size, as large
            // as their keys allow (BottomRow.qml)
            font.pixelSize: face.letter || KeyboardState.wordSize <= 0 ? Theme.fontBody
                                                                      : KeyboardState.wordSize

            TextMetrics {
                id: spaceWord
                font: text.font
                text: face.word
            }
        }
        KeyGlyph {
            objectName: "keyGlyph"
            anchors.centerIn: parent
            visible: face.glyph !== "" || !face.wordFits
            size: Math.min(parent.height, parent.width) * 0.55
            kind: face.glyph !== "" ? face.glyph : "space"
            color: face.ink
            filled: face.shifted
            underlined: InputContext.capsLockActive
        }
    }
}
