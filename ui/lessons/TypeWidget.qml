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
            text: qsTr("Check what I typed")
            onActivated: Lessons.act("text", field.text)
        }
    }
}
