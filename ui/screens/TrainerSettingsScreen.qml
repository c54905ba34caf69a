pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Every setting a trainer may change, generated from the settings schema, with its value now.
KScreen {
    title: qsTr("Settings")
    instruction: qsTr("Touch a setting to change it. Changes are used when the kiosk starts again.")
    helpText: qsTr("Only the settings meant for trainers are here. Each says what it does. "
                   + "Touch 'Save settings' to keep your changes.")
    backName: "settingsBack"
    primaryName: "settingsSave"
    primaryIcon: "done"
    primaryText: TrainerSettings.hasChanges ? qsTr("Save settings") : ""
    onPrimaryRequested: TrainerSettings.save()

    KText {
        objectName: "settingsMessage"
        Layout.fillWidth: true
        visible: text !== ""
        text: TrainerSettings.message
    }
    KPager {
        objectName: "settingsList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        compactable: false // each setting's value is the point
        model: TrainerSettings.options
        delegate: KButton {
            required property var modelData
            required property int index
            objectName: "setting" + index
            main: false
            fontSize: Theme.fontChrome // a setting's sentence is long: the bar's type size
            text: modelData.text
            description: qsTr("Now: %1").arg(modelData.value)
            onActivated: {
                TrainerSettings.edit(modelData.key)
                Nav.go("trainerSetting")
            }
        }
    }
}
