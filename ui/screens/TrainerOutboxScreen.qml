import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// What the outbox still has to send: counts and ages, never the reports' content.
KScreen {
    title: qsTr("Reports waiting to be sent")
    instruction: qsTr("Counts only. The reports themselves are not shown.")
    helpText: qsTr("Reports wait here when the city's server cannot be reached. The kiosk "
                   + "tries again by itself; 'Send now' tries at once.")
    backName: "outboxBack"

    Component.onCompleted: TrainerDesk.refreshOutbox()

    KText {
        objectName: "outboxText"
        Layout.fillWidth: true
        text: TrainerDesk.outboxText !== "" ? TrainerDesk.outboxText : qsTr("Counting…")
    }
    KButton {
        objectName: "outboxSend"
        Layout.fillWidth: true
        text: qsTr("Send now")
        onActivated: TrainerDesk.sendNow()
    }
}
