pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: the receipt. The title says what really happened (sent, saved to send
// later, only practised, ready for the phone); the number comes first, in very large digits,
// with the QR code that carries it to a phone beside it. In hand-off mode the code carries the
// report, and the words to say on the phone are on the screen. "Print the slip" only where
// there is a printer (without one it would make a file nobody can reach).
KScreen {
    id: screen
    readonly property var receipt: Report.receipt
    readonly property bool handoff: receipt.handoff === true
    title: receipt.title !== "" ? receipt.title : qsTr("Your report")
    helpText: handoff
              ? qsTr("Call Call Sofia on %1, day and night, and read out what is on the "
                     + "screen, or scan the code with your phone to have the report on it.")
                .arg(Shell.cityPhone)
              : qsTr("Keep the number: with it you can ask about your report here with Track "
                     + "my report, or by phone to Call Sofia on %1.").arg(Shell.cityPhone)
    hasBack: false // the report is made: Back would not unmake it
    primaryIcon: "done"
    primaryName: "receiptDone"
    primaryText: qsTr("Done")
    onPrimaryRequested: Nav.go("home")

    // What gives way when the screen has no room for it (a short panel at a large size): first
    // the code, then the number's label (the title says whose number it is), then "Hear the
    // number again" (the bar's Listen reads the number too). The number, what it means and the
    // way forward matter more. Decided after layout (what is shown changes the need), one step
    // at a time.
    property int giveWay: 0 // 0: all shown; 1: no code; 2: no label either; 3: no Hear either
    readonly property bool roomForQr: giveWay < 1
    readonly property real qrCost: top.beside ? Math.max(0, qr.side + aside.spacing
                                                         + hear.implicitHeight
                                                         - numberBox.implicitHeight)
                                              : qr.side + aside.spacing
    // what showing the last thing that gave way would take again (a binding, not a function:
    // a refit called late, as the screen goes, finds no function in a torn-down context)
    readonly property real backCost: giveWay === 1 ? qrCost
                                   : giveWay === 2 ? numberLabel.implicitHeight
                                   : top.beside ? 0 : hear.implicitHeight + top.rowSpacing
    function refit(): void {
        if (contentNeed > contentRoom + 1 && giveWay < 3)
            ++giveWay
        else if (giveWay > 0 && contentNeed + backCost <= contentRoom + 1)
            --giveWay
    }
    onGiveWayChanged: refreshChoices() // "Hear the number again" left or came back
    onContentNeedChanged: Qt.callLater(refit)
    onContentRoomChanged: Qt.callLater(refit)

    GridLayout { // the number; its code and "Hear the number again" beside it, or under it
        id: top
        // beside only while the number still fits on one line next to them
        readonly property real lead: numberMetrics.advanceWidth + 2 * Theme.padding
                                     + 2 * Theme.border + Theme.gap
        readonly property bool beside: width >= lead + aside.implicitWidth + columnSpacing
        Layout.fillWidth: true
        visible: !screen.handoff
        columns: beside ? 2 : 1
        columnSpacing: Theme.gap * 2
        rowSpacing: Theme.gap * 2

        Rectangle {
            id: numberBox
            objectName: "receiptNumberBox"
            readonly property string spokenText: screen.receipt.spokenNumber // read with the screen
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            visible: screen.receipt.number !== ""
            implicitHeight: numberColumn.implicitHeight + 2 * Theme.padding
            color: Theme.surface
            border.color: Theme.surfaceBorder
            border.width: Theme.border
            radius: Theme.radius
            TextMetrics {
                id: numberMetrics
                font: number.font
                text: screen.receipt.number
            }
            Column {
                id: numberColumn
                x: Theme.padding
                y: Theme.padding
                width: numberBox.width - 2 * Theme.padding
                KText {
                    id: numberLabel
                    objectName: "receiptLabel"
                    visible: screen.giveWay < 2
                    width: parent.width
                    color: Theme.surfaceText
                    font.pixelSize: Theme.fontChrome
                    font.bold: true
                    lineHeight: Theme.lineHeightTight
                    text: screen.receipt.label
                }
                KText {
                    id: number
                    objectName: "receiptNumber"
                    width: parent.width
                    wrapMode: Text.WrapAnywhere
                    color: Theme.surfaceText
                    text: screen.receipt.number
                    font.pixelSize: Math.round(Theme.fontTitle * 1.5)
                    font.bold: true
                    font.letterSpacing: Theme.gap / 4
                    lineHeight: Theme.lineHeightTight
                }
            }
        }
        ColumnLayout {
            id: aside
            Layout.fillWidth: !top.beside
            Layout.alignment: Qt.AlignTop
            visible: screen.receipt.number !== "" && (qr.visible || hear.visible)
            spacing: Theme.gap
            Image {
                id: qr
                objectName: "receiptQr"
                // a code a phone's camera reads off the screen: at least 35 mm, 0.8 mm a module
                readonly property int side: Math.max(Theme.mm(35),
                                                     Theme.mm(0.8 * screen.receipt.qrModules))
                readonly property string spokenText: visible ? Accessible.name : ""
                Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
                Layout.preferredWidth: side
                Layout.preferredHeight: side
                visible: screen.receipt.qr !== "" && !screen.handoff && screen.roomForQr
                source: visible ? screen.receipt.qr : ""
                fillMode: Image.PreserveAspectFit
                smooth: false
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("A code to scan with your phone: it keeps your report "
                                      + "number.")
            }
            KButton {
                id: hear
                objectName: "receiptHear"
                Layout.fillWidth: true
                main: false
                icon.name: "listen"
                visible: screen.receipt.number !== "" && screen.giveWay < 3
                text: qsTr("Hear the number again")
                onActivated: Report.speakNumber()
            }
        }
    }
    Item { // what it means and what to do, under the number; paged when long
        readonly property string spokenText: visible ? status.text : "" // read with the screen
        Layout.fillWidth: true
        Layout.fillHeight: true
        // the room goes here first, up to its whole text; short of room (a short panel at the
        // largest size) the text pages (its least is a line and the page buttons), so the
        // screen's need counts only that least
        Layout.verticalStretchFactor: 1
        Layout.preferredHeight: status.implicitHeight
        Layout.maximumHeight: Math.ceil(status.naturalHeight) + 1 // (the layout rounds down)
        implicitHeight: status.implicitHeight
        visible: !screen.handoff && status.text !== ""
        KPagedText {
            id: status
            objectName: "receiptStatus"
            width: parent.width
            height: parent.height
            minLines: 1
            text: screen.handoff ? "" : screen.receipt.status
        }
    }
    KText {
        objectName: "receiptSlipMessage"
        Layout.fillWidth: true
        visible: Report.slipMessage !== ""
        text: Report.slipMessage
    }
    KButton { // only where there is a printer
        id: printButton
        objectName: "receiptPrint"
        Layout.fillWidth: true
        main: false
        icon.name: "print"
        visible: screen.receipt.canPrint === true && !screen.handoff
        text: qsTr("Print the slip")
        onActivated: Report.printSlip()
    }

    Item { // what the status leaves stays under the content, not between its parts
        Layout.fillHeight: true
        Layout.verticalStretchFactor: 0 // the status takes the room first
        visible: !screen.handoff
    }
    ReportHandoffPart { // hand-off: the report to read out, and the code that carries it
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: screen.handoff
        receipt: screen.receipt
    }
}
