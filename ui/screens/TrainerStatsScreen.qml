pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Export anonymous statistics (this month and last) as a CSV file to a USB stick.
KScreen {
    title: qsTr("Statistics")
    instruction: qsTr("Plug in a USB stick, then touch it below, or type a folder.")
    helpText: qsTr("The file holds daily counts only: sessions, languages, session lengths, "
                   + "lessons and services. Counts that are too small are shown as 'less than'.")
    backName: "statsBack"

    Repeater {
        model: TrainerDesk.drives
        KButton {
            required property string modelData
            required property int index
            objectName: "statsDrive" + index
            Layout.fillWidth: true
            enabled: !TrainerDesk.busy
            text: qsTr("Save on %1").arg(modelData)
            onActivated: TrainerDesk.exportStats(modelData)
        }
    }
    KText {
        Layout.fillWidth: true
        visible: TrainerDesk.drives.length === 0
        text: qsTr("No USB stick found.")
    }
    // the field shows on request, so the keyboard does not cover the drives on arrival
    KButton {
        id: typeFolder
        property bool typing: false
        objectName: "statsTypeFolder"
        Layout.fillWidth: true
        visible: !typing
        text: qsTr("Type a folder instead")
        onActivated: {
            typing = true
            folder.input.forceActiveFocus()
        }
    }
    KTextField {
        id: folder
        objectName: "statsFolder"
        Layout.fillWidth: true
        visible: typeFolder.typing
        label: qsTr("Folder")
    }
    KButton {
        objectName: "statsSave"
        Layout.fillWidth: true
        visible: typeFolder.typing
        enabled: !TrainerDesk.busy
        text: qsTr("Save in this folder")
        onActivated: TrainerDesk.exportStats(folder.text)
    }
    KText {
        objectName: "statsMessage"
        Layout.fillWidth: true
        visible: text !== ""
        text: TrainerDesk.message
    }
}
