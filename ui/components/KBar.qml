import QtQuick
import QtQuick.Layouts
import Kiosk

// The bar on every screen after the attract screen: Help always first (same place everywhere),
// text size, and Finish always last.
Rectangle {
    id: bar

    signal helpRequested
    signal listenRequested
    signal finishRequested

    color: Theme.bar
    implicitHeight: row.implicitHeight + 2 * Theme.gap

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        KButton {
            objectName: "barHelp"
            kind: "bar"
            text: qsTr("Help")
            Layout.preferredWidth: Math.max(implicitWidth, Theme.targetMain * 2)
            onActivated: bar.helpRequested()
        }
        KButton {
            objectName: "barListen"
            kind: "bar"
            //: Reads the screen aloud
            text: qsTr("Listen")
            Layout.preferredWidth: Math.max(implicitWidth, Theme.targetMain * 2)
            onActivated: bar.listenRequested()
        }
        KButton {
            objectName: "barRepeat"
            kind: "bar"
            //: Says the last sentence again; pressed twice, the whole screen
            text: qsTr("Repeat")
            Layout.preferredWidth: Math.max(implicitWidth, Theme.targetMain * 2)
            onActivated: Speech.repeat()
        }
        KButton {
            objectName: "barTextSize"
            kind: "bar"
            text: qsTr("Text size")
            //: %1 is the current step, %2 how many steps there are
            description: qsTr("%1 of %2").arg(Session.textStep + 1).arg(Session.textStepCount)
            Layout.preferredWidth: Math.max(implicitWidth, Theme.targetMain * 2)
            onActivated: Session.cycleTextSize()
        }
        Item {
            Layout.fillWidth: true
        }
        KButton {
            objectName: "barFinish"
            kind: "danger"
            //: The button a resident presses when leaving; it deletes what they entered
            text: qsTr("Finish")
            description: qsTr("new person")
            Layout.preferredWidth: Math.max(implicitWidth, Theme.targetMain * 2)
            onActivated: bar.finishRequested()
        }
    }
}
