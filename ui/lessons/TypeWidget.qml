pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Type with the on-screen keyboard, in the layout the lesson teaches (`layout:`: bg_phonetic,
// jcuken, qwerty or alphabetical); case and extra spaces are forgiven. The keyboard's Enter key
// checks, as the button does.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    spacing: Theme.gap * 2
    Component.onCompleted: {
        params = Lessons.widgetParams
        field.text = params.start || ""
    }

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    GridLayout { // the check beside the field when both fit (a row saved), else under it
        Layout.fillWidth: true
        columns: width >= check.implicitWidth + Theme.mm(110) + columnSpacing ? 2 : 1
        columnSpacing: Theme.gap * 2
        rowSpacing: Theme.gap * 2
        KTextField {
            id: field
            objectName: "typeField"
            Layout.fillWidth: true
            label: widget.params.label || ""
            example: widget.params.example || ""
            keyboardLayout: widget.params.layout || ""
            // a short panel at a larger size: the field's name goes inside the empty field
            // (still its name, and read aloud), a line saved for the way forward
            labelInside: Theme.shortPanel && Theme.textScale > 1
            //: The Enter key of the on-screen keyboard in a typing exercise
            enterText: qsTr("Check")
            input.onAccepted: Lessons.act("text", field.text)
        }
        KButton {
            id: check
            objectName: "typeCheck"
            Layout.fillWidth: parent.columns === 1 // beside the field: as wide as its words
            Layout.alignment: Qt.AlignBottom
            kind: "primary"
            // on a short panel in the bar's type size, as tall as 20 mm needs (as Hint, More…)
            fontSize: Theme.shortPanel ? Theme.fontChrome : Theme.fontBody
            pad: Theme.chromePad
            text: qsTr("Check what I typed")
            onActivated: Lessons.act("text", field.text)
        }
    }
}
