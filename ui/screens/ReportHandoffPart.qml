import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The hand-off receipt's content (Call Sofia has no API: nothing is sent): what it means, the
// words to say on the phone (paged when long), "Hear what to say again", and the QR code that
// carries the report to the resident's phone — beside the words on a wide screen, above them on
// a narrow one. Print only where there is a printer.
GridLayout {
    id: part

    property var receipt: ({})
    readonly property bool beside: width >= Theme.mm(200) + qr.side

    columns: beside ? 2 : 1
    columnSpacing: Theme.gap * 2
    rowSpacing: Theme.gap * 2
    implicitHeight: beside ? Math.max(qr.side, words.implicitHeight)
                           : qr.side + rowSpacing + words.implicitHeight

    Image {
        id: qr
        objectName: "receiptQr"
        // a code a phone's camera reads off the screen: at least 35 mm, 0.8 mm a module
        readonly property int side: Math.max(Theme.mm(35), Theme.mm(0.8 * (part.receipt.qrModules || 0)))
        readonly property string spokenText: Accessible.name // read with the screen
        Layout.row: 0
        Layout.column: part.beside ? 1 : 0
        Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
        Layout.preferredWidth: side
        Layout.preferredHeight: side
        source: part.visible ? (part.receipt.qr || "") : ""
        fillMode: Image.PreserveAspectFit
        smooth: false
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("A code to scan with your phone: it puts your report on it.")
    }
    ColumnLayout {
        id: words
        Layout.row: part.beside ? 0 : 1
        Layout.column: 0
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: Theme.gap * 2

        Item { // what it means, paged when long; read with the screen
            readonly property string spokenText: status.text
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumHeight: status.naturalHeight
            implicitHeight: status.implicitHeight
            KPagedText {
                id: status
                objectName: "receiptStatus"
                width: parent.width
                height: parent.height
                minLines: 1
                text: part.receipt.status || ""
            }
        }
        Item { // what to say on the phone, paged when long; read with the screen
            readonly property string spokenText: script.text
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumHeight: script.naturalHeight
            implicitHeight: script.implicitHeight
            KPagedText {
                id: script
                objectName: "receiptScript"
                width: parent.width
                height: parent.height
                minLines: 1
                font.bold: true
                text: part.receipt.script || ""
            }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: printButton.visible && width >= Theme.mm(200) ? 2 : 1
            columnSpacing: Theme.gap * 2
            rowSpacing: Theme.gap
            KButton {
                objectName: "receiptHear"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                main: false
                icon.name: "listen"
                text: qsTr("Hear what to say again")
                onActivated: Report.speakNumber()
            }
            KButton {
                id: printButton
                objectName: "receiptPrint"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                main: false
                icon.name: "print"
                visible: part.receipt.canPrint === true
                text: qsTr("Print the slip")
                onActivated: Report.printSlip()
            }
        }
    }
}
