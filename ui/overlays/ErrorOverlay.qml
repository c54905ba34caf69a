import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// What a resident sees instead of any unexpected failure: calm words and the way home.
KDialog {
    id: failure

    title: qsTr("Sorry, something went wrong")
    message: qsTr("It is not your fault. Please start again from Home.")

    KButton {
        objectName: "errorHome"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Home")
        onActivated: Shell.dismissError()
    }
}
