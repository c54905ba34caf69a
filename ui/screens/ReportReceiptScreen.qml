import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: the receipt — the number in very large digits, a QR code to follow it on a
// phone, and a slip to print. In hand-off mode: the slip to read out to Call Sofia.
KScreen {
    title: Report.receipt.handoff ? qsTr("Your report is ready") : qsTr("Your report")
    instruction: Report.receipt.status
    helpText: qsTr("Keep the number: with it you can ask about your report here with Track my "
                   + "report, or by phone to Call Sofia on %1. Print the slip to take "
                   + "it with you.").arg(Shell.cityPhone)

    KText {
        objectName: "receiptLabel"
        Layout.fillWidth: true
        visible: Report.receipt.number !== ""
        text: Report.receipt.label
        font.bold: true
    }
    Rectangle {
        Layout.fillWidth: true
        visible: Report.receipt.number !== ""
        implicitHeight: number.implicitHeight + 2 * Theme.padding
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        radius: Theme.radius
        KText {
            id: number
            objectName: "receiptNumber"
            anchors.fill: parent
            anchors.margins: Theme.padding
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WrapAnywhere
            color: Theme.surfaceText
            text: Report.receipt.number
            font.pixelSize: Theme.fontTitle * 2
            font.bold: true
            font.letterSpacing: Theme.gap / 2
        }
    }
    Image {
        objectName: "receiptQr"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredWidth: Theme.targetMain * 3
        Layout.preferredHeight: Theme.targetMain * 3
        visible: Report.receipt.qr !== ""
        source: Report.receipt.qr
        fillMode: Image.PreserveAspectFit
        smooth: false
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("A QR code with your report number, to scan with a phone")
    }
    KButton {
        objectName: "receiptPrint"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Print the slip")
        onActivated: Report.printSlip()
    }
    KText {
        objectName: "receiptSlipMessage"
        Layout.fillWidth: true
        visible: Report.slipMessage !== ""
        text: Report.slipMessage
    }
    KButton {
        objectName: "receiptHear"
        Layout.fillWidth: true
        visible: Report.receipt.number !== ""
        text: qsTr("Hear the number again")
        onActivated: Report.speakNumber()
    }
    KButton {
        objectName: "receiptHome"
        Layout.fillWidth: true
        main: false
        text: qsTr("Back to the start")
        onActivated: Nav.go("home")
    }
}
