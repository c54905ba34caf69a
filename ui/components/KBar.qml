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

    // The bar's labels grow up to the large step, not the largest, so the screen keeps its room;
    // they stay above the large-text minimum (capital H ≥ 7.3 mm).
    readonly property int fontSize: Math.min(Theme.fontBody, Theme.mm(Theme.bodyEmMm * 1.5))

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
            Layout.fillWidth: true
            Layout.preferredWidth: 1 // equal shares of the bar
            Layout.fillHeight: true
            fontSize: bar.fontSize
            onActivated: bar.helpRequested()
        }
        KButton {
            objectName: "barListen"
            kind: "bar"
            //: Reads the screen aloud
            text: qsTr("Listen")
            Layout.fillWidth: true
            Layout.preferredWidth: 1 // equal shares of the bar
            Layout.fillHeight: true
            fontSize: bar.fontSize
            onActivated: bar.listenRequested()
        }
        KButton {
            objectName: "barRepeat"
            kind: "bar"
            //: Says the last sentence again; pressed twice, the whole screen
            text: qsTr("Repeat")
            Layout.fillWidth: true
            Layout.preferredWidth: 1 // equal shares of the bar
            Layout.fillHeight: true
            fontSize: bar.fontSize
            onActivated: Speech.repeat()
        }
        KButton {
            objectName: "barTextSize"
            kind: "bar"
            text: qsTr("Text size")
            //: %1 is the current step, %2 how many steps there are
            description: qsTr("%1 of %2").arg(Session.textStep + 1).arg(Session.textStepCount)
            Layout.fillWidth: true
            Layout.preferredWidth: 1 // equal shares of the bar
            Layout.fillHeight: true
            fontSize: bar.fontSize
            onActivated: Session.cycleTextSize()
        }
        Item { // keeps Finish apart from the others
            Layout.preferredWidth: Theme.gap * 2
        }
        KButton {
            objectName: "barFinish"
            kind: "danger"
            //: The button a resident presses when leaving; it deletes what they entered
            text: qsTr("Finish")
            description: qsTr("new person")
            Layout.fillWidth: true
            Layout.preferredWidth: 1 // equal shares of the bar
            Layout.fillHeight: true
            fontSize: bar.fontSize
            onActivated: bar.finishRequested()
        }
    }
}
