pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: everything read back before it is sent (ACCESSIBILITY 40), one short line
// per answer that reads as a sentence, each with its own Change; nothing is sent until the
// footer's Send. Lines are paged, never scrolled.
KScreen {
    form: true
    title: Report.step.title
    instruction: Report.handoff ? qsTr("Nothing is sent: you get your report on the screen, to "
                                       + "read out on the phone.")
                                : Report.step.question
    stepText: Report.progressText
    helpText: qsTr("Each line shows one of your answers. Touch Change beside a line to change "
                   + "that answer; then you come back here. When everything is right, touch "
                   + "Send the report at the bottom right.")
    primaryIcon: "send"
    primaryName: "reviewSend"
    primaryText: Report.handoff ? qsTr("Prepare my report for the phone") : qsTr("Send the report")
    onPrimaryRequested: Report.submit()
    backName: "reviewBack"
    customBack: true
    onBackRequested: Report.back()

    KNotice {
        objectName: "reviewBusy"
        text: Report.busyText
    }
    KPager {
        objectName: "reviewLines"
        Layout.fillWidth: true
        Layout.fillHeight: true
        maxColumns: 1
        minRows: 1
        model: Report.review
        // a line and its Change: side by side when there is room, else Change under the line
        delegate: Item {
            id: line
            required property var modelData
            required property int index
            readonly property bool beside: width >= Theme.mm(200)
            readonly property real buttonWidth: beside ? Math.max(change.implicitWidth,
                                                                  width * 0.28) : width
            implicitHeight: beside ? Math.max(words.implicitHeight + 2 * Theme.padding,
                                              change.implicitHeight)
                                   : words.implicitHeight + Theme.gap + change.implicitHeight
            Rectangle { // the answer, framed like the tiles it came from
                width: line.beside ? line.width - line.buttonWidth - Theme.gap * 2 : line.width
                height: line.beside ? line.height : words.implicitHeight + 2 * Theme.padding
                color: Theme.surface
                border.color: Theme.surfaceBorder
                border.width: Theme.border
                radius: Theme.radius
                visible: line.beside
            }
            KText {
                id: words
                objectName: "reviewText" + line.index
                x: line.beside ? Theme.padding : 0
                y: line.beside ? Theme.padding : 0
                width: (line.beside ? line.width - line.buttonWidth - Theme.gap * 2
                                      - 2 * Theme.padding : line.width)
                color: line.beside ? Theme.surfaceText : Theme.text
                text: line.modelData.text
            }
            KButton {
                id: change
                objectName: "reviewChange" + line.index
                x: line.beside ? line.width - width : 0
                y: line.beside ? (line.height - height) / 2 : words.implicitHeight + Theme.gap
                width: line.buttonWidth
                main: false
                icon.name: "edit"
                //: Beside an answer on the review: go back to that question
                text: qsTr("Change")
                spokenText: qsTr("%1. Change").arg(line.modelData.spoken)
                onActivated: Report.edit(line.modelData.id)
            }
        }
    }
}
