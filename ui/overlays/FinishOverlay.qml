import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Finish": confirm, with going back as the safe first choice, then wipe everything.
KDialog {
    id: finish

    title: qsTr("Finish and delete your data?")
    message: qsTr("Everything you entered here will be deleted, so the next person cannot see it.")

    KButton {
        objectName: "finishNo"
        Layout.fillWidth: true
        text: qsTr("No, go back")
        onActivated: finish.close()
    }
    KButton {
        objectName: "finishYes"
        Layout.fillWidth: true
        kind: "danger"
        text: qsTr("Yes, finish")
        onActivated: {
            finish.close()
            Session.wipe()
        }
    }
}
