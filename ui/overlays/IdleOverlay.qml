import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Are you still there?": a countdown and a big "More time" button; then the wipe.
KDialog {
    id: idle

    title: qsTr("Are you still there?")
    message: qsTr("Nobody has touched the screen for a while.")
    notice: Session.countdownText
    speakOnOpen: false // the warning is spoken with its tone by the session (app.py)

    KButton {
        objectName: "idleMore"
        Layout.fillWidth: true
        visible: Session.canExtend
        kind: "primary"
        text: qsTr("More time")
        onActivated: Session.extend()
    }
    KButton {
        objectName: "idleDone"
        Layout.fillWidth: true
        kind: "danger"
        text: qsTr("I'm done, delete my data")
        onActivated: Session.wipe()
    }
}
