pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Next bus and tram": stops near the kiosk and the next departures of each line, updated
// every 30 seconds while this screen shows, with a button to pause the updates (WCAG 2.2.2).
KScreen {
    title: qsTr("Next bus and tram")
    instruction: qsTr("The next departures from the stops near this kiosk, in minutes.")
    helpText: qsTr("Each stop has the number painted on its sign. Times marked live come from "
                   + "the vehicles; the others are from the timetable. Touch Pause updates "
                   + "if the times change too fast to read.")

    Component.onCompleted: Departures.start()
    Component.onDestruction: Departures.stop()

    KText {
        objectName: "departuresBusy"
        Layout.fillWidth: true
        visible: Departures.busy && !Departures.loaded
        font.bold: true
        text: qsTr("Looking up the next departures. Please wait.")
    }
    KText {
        objectName: "departuresProblem"
        Layout.fillWidth: true
        visible: Departures.problem !== ""
        font.bold: true
        text: Departures.problem
    }
    KText {
        objectName: "departuresStatus"
        Layout.fillWidth: true
        visible: text !== ""
        text: Departures.statusText
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap * 2
        KButton {
            objectName: "departuresPause"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            main: false
            selectable: true
            selected: Departures.paused
            text: Departures.paused ? qsTr("Start updates again") : qsTr("Pause updates")
            onActivated: Departures.togglePause()
        }
        KButton {
            objectName: "departuresRead"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            main: false
            text: qsTr("Read them aloud")
            onActivated: Departures.speakBoard()
        }
    }
    KText {
        objectName: "departuresEmpty"
        Layout.fillWidth: true
        visible: text !== ""
        font.bold: true
        text: Departures.emptyText
    }
    KPager {
        objectName: "stopList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Departures.stops
        delegate: Rectangle {
            id: stop
            required property var modelData
            required property int index
            readonly property string spokenText: modelData.spoken // read with the screen
            implicitHeight: stopColumn.implicitHeight + 2 * Theme.padding
            color: Theme.surface
            border.color: Theme.surfaceBorder
            border.width: Theme.border
            radius: Theme.radius
            ColumnLayout {
                id: stopColumn
                x: Theme.padding
                y: Theme.padding
                width: stop.width - 2 * Theme.padding
                spacing: Theme.gap / 2
                KText {
                    objectName: "stop" + stop.index
                    Layout.fillWidth: true
                    color: Theme.surfaceText
                    font.bold: true
                    text: stop.modelData.title + " · " + stop.modelData.distance
                }
                KText {
                    Layout.fillWidth: true
                    visible: text !== ""
                    color: Theme.surfaceText
                    text: stop.modelData.none
                }
                Repeater {
                    model: stop.modelData.lines
                    KText {
                        required property var modelData
                        required property int index
                        objectName: "line" + stop.index + "_" + index
                        Layout.fillWidth: true
                        color: Theme.surfaceText
                        text: modelData.title + ": "
                              + modelData.times.map(time => time.text).join(", ")
                    }
                }
            }
        }
    }
}
