import QtQuick
import QtQuick.Layouts
import QtQuick.Templates as T

// A labelled text field in large type; touching it brings up the on-screen keyboard.
ColumnLayout {
    id: field

    property string label
    property bool showLabel: true // false: the question right above says it (still its name)
    // true: the label (an example of an answer) is shown inside the empty field instead of above
    // it, where a screen is short of room (it is still the field's name)
    property bool labelInside: false
    readonly property real labelShare: labelText.implicitHeight + spacing
    property string example // a format example shown under the label, e.g. "ДД.ММ.ГГГГ"
    property bool showExample: true // false: a screen short of room leaves the example out
    // The on-screen keyboard for this field: "" the kiosk's own (the resident's script), or
    // "qwerty", "jcuken", "alphabetical", "bg_phonetic" (a lesson's layout); the words on its
    // Enter key ("" says "Next").
    property string keyboardLayout: ""
    property string enterText: ""
    property alias text: input.text
    property alias input: input

    spacing: Theme.gap / 2

    KText {
        id: labelText
        Layout.fillWidth: true
        visible: field.showLabel && !field.labelInside
        text: field.label
        font.bold: true
    }
    KText {
        Layout.fillWidth: true
        visible: field.showExample && field.example !== ""
        text: field.example
    }
    T.TextField {
        id: input
        Layout.fillWidth: true
        // on a short panel no taller than a 20 mm target needs (Theme.chromePad above and below)
        implicitHeight: Math.max(Theme.targetMain, contentHeight + topPadding + bottomPadding)
        padding: Theme.padding
        topPadding: Theme.chromePad
        bottomPadding: Theme.chromePad
        font.pixelSize: Theme.fontBody
        color: Theme.surfaceText
        selectionColor: Theme.selected
        selectedTextColor: Theme.primaryText
        activeFocusOnTab: true
        inputMethodHints: Qt.ImhNoPredictiveText
        Accessible.role: Accessible.EditableText
        Accessible.name: field.label

        background: Rectangle {
            color: Theme.surface
            border.color: input.activeFocus ? Theme.focus : Theme.surfaceBorder
            border.width: input.activeFocus ? Theme.focusWidth : Theme.border
            radius: Theme.radius
            Text { // the label inside the empty field, set apart from typed words (italic)
                objectName: "fieldLabelInside"
                x: input.leftPadding
                y: input.topPadding
                width: parent.width - input.leftPadding - input.rightPadding
                visible: field.labelInside && field.showLabel && input.text === ""
                         && input.preeditText === ""
                text: field.label
                color: Theme.surfaceBorder
                font.pixelSize: Theme.fontBody
                font.italic: true
                elide: Text.ElideRight
            }
        }
    }
}
