pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A practice without its own screen yet: the prompt, and a button to say it was done.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
    }
    KButton {
        objectName: "widgetDone"
        Layout.fillWidth: true
        text: qsTr("Show me how it is done")
        onActivated: Lessons.act("done", "")
    }
}
