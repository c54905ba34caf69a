pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Type with the on-screen keyboard; case and extra spaces are forgiven.
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
    KTextField {
        id: field
        objectName: "typeField"
        Layout.fillWidth: true
        label: widget.params.label || ""
        example: widget.params.example || ""
    }
    KButton {
        objectName: "typeCheck"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Check what I typed")
        onActivated: Lessons.act("text", field.text)
    }
}
