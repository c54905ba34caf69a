import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Take-home learner cards and certificates. The name is typed here only to be printed: it is
// never stored, and the field is emptied as soon as the certificate is made.
KScreen {
    title: qsTr("Learner cards and certificates")
    instruction: qsTr("Make a new card, or type a name to print a certificate.")
    helpText: qsTr("A learner card has a code and a QR code, and no name. The kiosk keeps only "
                   + "which lessons were finished with that code. The name on a certificate "
                   + "is printed and never kept.")
    backName: "printBack"
    primaryName: "printCertificate"
    primaryIcon: "print"
    primaryText: qsTr("Print the certificate")
    primaryEnabled: !TrainerDesk.busy
    onPrimaryRequested: {
        TrainerDesk.printCertificate(nameField.text, codeField.text)
        nameField.text = "" // the name leaves the screen at once
    }

    KButton {
        objectName: "printNewCard"
        Layout.fillWidth: true
        kind: "primary"
        enabled: !TrainerDesk.busy
        text: qsTr("Make and print a new learner card")
        onActivated: TrainerDesk.newCard()
    }
    KText {
        objectName: "printCardCode"
        Layout.fillWidth: true
        visible: TrainerDesk.cardCode !== ""
        text: qsTr("The new card's code: %1").arg(TrainerDesk.cardCode)
        font.pixelSize: Theme.fontHeading
        font.bold: true
    }
    KTextField {
        id: nameField
        objectName: "certificateName"
        Layout.fillWidth: true
        label: qsTr("Name for the certificate (printed only, never kept)")
    }
    KTextField {
        id: codeField
        objectName: "certificateCode"
        Layout.fillWidth: true
        label: qsTr("Learner card code (leave empty for today's class)")
        example: qsTr("For example: K7MW-3QXD")
    }
    KButton {
        objectName: "forgetCard"
        Layout.fillWidth: true
        kind: "danger"
        enabled: !TrainerDesk.busy
        text: qsTr("Forget this card and its progress")
        description: qsTr("Uses the code typed above")
        onActivated: TrainerDesk.forgetCard(codeField.text)
    }
    KText {
        objectName: "printMessage"
        Layout.fillWidth: true
        visible: text !== ""
        text: TrainerDesk.message
    }
}
