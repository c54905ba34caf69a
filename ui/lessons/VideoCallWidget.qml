pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A practice video call: answer it, then end it with the red button (Back does not end it).
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string phase: "ringing" // ringing | talking | ended
    property bool muted: false
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: who.implicitHeight + 2 * Theme.margin
        color: Theme.bar
        radius: Theme.radius
        KText {
            id: who
            objectName: "callState"
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            color: Theme.barText
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.fontHeading
            text: widget.phase === "ringing" ? qsTr("%1 is calling you").arg(widget.params.caller || "")
                : widget.phase === "talking" ? qsTr("You are talking with %1").arg(widget.params.caller || "")
                : qsTr("The call has ended")
        }
    }
    KButton {
        objectName: "callAnswer"
        Layout.fillWidth: true
        visible: widget.phase === "ringing"
        kind: "primary"
        text: qsTr("Answer the call")
        onActivated: {
            widget.phase = "talking"
            Lessons.act("call", "answer")
        }
    }
    KButton {
        objectName: "callMute"
        Layout.fillWidth: true
        visible: widget.phase === "talking"
        main: false
        selectable: true
        selected: widget.muted
        text: widget.muted ? qsTr("Turn the microphone on") : qsTr("Turn the microphone off")
        onActivated: {
            widget.muted = !widget.muted
            Lessons.act("call", widget.muted ? "mute" : "unmute")
        }
    }
    RowLayout {
        Layout.fillWidth: true
        visible: widget.phase === "talking"
        spacing: Theme.gap * 2
        KButton {
            objectName: "callBack"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            visible: widget.params.injected_mistake === "back"
            text: qsTr("Back")
            onActivated: Lessons.act("call", "back")
        }
        KButton {
            objectName: "callEnd"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            kind: "danger"
            text: qsTr("End the call")
            onActivated: {
                widget.phase = "ended"
                Lessons.act("call", "red")
            }
        }
    }
}
