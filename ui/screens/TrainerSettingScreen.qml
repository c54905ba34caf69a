pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// One setting: what it does, what is allowed, and its new value (chosen or typed).
KScreen {
    form: true
    title: qsTr("Change a setting")
    instruction: TrainerSettings.explanation
    helpText: qsTr("Choose or type the new value, then touch 'Use this value'. A value that is "
                   + "not allowed is refused with the reason.")
    backName: "settingBack"

    KText {
        objectName: "settingAllowed"
        Layout.fillWidth: true
        text: qsTr("Allowed: %1").arg(TrainerSettings.allowed)
    }
    Repeater {
        model: TrainerSettings.choices
        KButton {
            required property string modelData
            required property int index
            objectName: "settingChoice" + index
            Layout.fillWidth: true
            selectable: true
            selected: TrainerSettings.current === modelData
            text: TrainerSettings.label(modelData)
            onActivated: TrainerSettings.set(modelData)
        }
    }
    // the field shows on request, so the keyboard does not cover the explanation on arrival
    KButton {
        id: typeValue
        property bool typing: false
        objectName: "settingType"
        Layout.fillWidth: true
        visible: TrainerSettings.choices.length === 0 && !typing
        text: qsTr("Type a new value (now: %1)").arg(TrainerSettings.current)
        onActivated: {
            typing = true
            value.input.forceActiveFocus()
        }
    }
    KTextField {
        id: value
        objectName: "settingValue"
        Layout.fillWidth: true
        visible: TrainerSettings.choices.length === 0 && typeValue.typing
        label: qsTr("New value")
        text: TrainerSettings.current
    }
    KButton {
        objectName: "settingUse"
        Layout.fillWidth: true
        kind: "primary"
        visible: TrainerSettings.choices.length === 0 && typeValue.typing
        text: qsTr("Use this value")
        onActivated: TrainerSettings.set(value.text)
    }
    KText {
        objectName: "settingMessage"
        Layout.fillWidth: true
        visible: text !== ""
        text: TrainerSettings.message
    }
}
