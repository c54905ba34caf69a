pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Make it easier for me": text size, contrast and language for this person only.
KScreen {
    id: easier
    title: qsTr("Make it easier for me")
    instruction: qsTr("Choose what helps you. It changes at once, and only for you.")
    helpText: qsTr("Touch a text size, a colour scheme, how the voice reads, or a language. The "
                   + "chosen one has a thick border. Everything goes back to normal when you "
                   + "finish.")

    KText {
        Layout.fillWidth: true
        text: qsTr("Text size")
        font.pixelSize: Theme.fontHeading
        font.bold: true
    }
    Repeater {
        model: [qsTr("Normal text"), qsTr("Large text"), qsTr("Largest text")]
        KButton {
            required property string modelData
            required property int index
            objectName: "textStep" + index
            Layout.fillWidth: true
            text: modelData
            selectable: true
            selected: Session.textStep === index
            onActivated: Session.setTextStep(index)
        }
    }

    KText {
        Layout.fillWidth: true
        text: qsTr("Colours")
        font.pixelSize: Theme.fontHeading
        font.bold: true
    }
    KButton {
        objectName: "contrastNormal"
        Layout.fillWidth: true
        text: qsTr("Dark text on a light background")
        selectable: true
        selected: !Session.highContrast
        onActivated: Session.setHighContrast(false)
    }
    KButton {
        objectName: "contrastHigh"
        Layout.fillWidth: true
        text: qsTr("Light text on a black background")
        selectable: true
        selected: Session.highContrast
        onActivated: Session.setHighContrast(true)
    }

    KText {
        Layout.fillWidth: true
        text: qsTr("Reading aloud")
        font.pixelSize: Theme.fontHeading
        font.bold: true
    }
    KButton {
        objectName: "autoReadOn"
        Layout.fillWidth: true
        text: qsTr("Read each new screen aloud")
        selectable: true
        selected: Speech.autoRead
        onActivated: Speech.setAutoRead(true)
    }
    KButton {
        objectName: "autoReadOff"
        Layout.fillWidth: true
        text: qsTr("Read only when I touch Listen")
        selectable: true
        selected: !Speech.autoRead
        onActivated: Speech.setAutoRead(false)
    }
    Repeater {
        model: [qsTr("Slow voice"), qsTr("Normal voice"), qsTr("Fast voice")]
        KButton {
            required property string modelData
            required property int index
            objectName: "rate" + index
            Layout.fillWidth: true
            text: modelData
            selectable: true
            selected: Speech.rateStep === index
            onActivated: Speech.setRateStep(index)
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap * 2
        KButton {
            objectName: "volumeDown"
            Layout.fillWidth: true
            text: qsTr("Quieter")
            description: qsTr("Volume %1 of %2").arg(Speech.volumeStep + 1).arg(Speech.volumeCount)
            onActivated: Speech.volumeDown()
        }
        KButton {
            objectName: "volumeUp"
            Layout.fillWidth: true
            text: qsTr("Louder")
            description: qsTr("Volume %1 of %2").arg(Speech.volumeStep + 1).arg(Speech.volumeCount)
            onActivated: Speech.volumeUp()
        }
    }
    KButton {
        objectName: "headphones"
        Layout.fillWidth: true
        text: qsTr("I am using headphones")
        description: Speech.headset ? qsTr("On: private details can be read to you")
                                    : qsTr("Off: private details are never read aloud")
        selectable: true
        selected: Speech.headset
        onActivated: Speech.setHeadset(!Speech.headset)
    }

    KText {
        Layout.fillWidth: true
        text: qsTr("Language")
        font.pixelSize: Theme.fontHeading
        font.bold: true
    }
    Repeater {
        model: I18n.languages
        KButton {
            required property var modelData
            objectName: "lang_" + modelData.code
            Layout.fillWidth: true
            text: modelData.name
            selectable: true
            selected: Session.language === modelData.code
            onActivated: Session.setLanguage(modelData.code)
        }
    }

    KButton {
        objectName: "easierDone"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Done")
        onActivated: Nav.back()
    }
}
