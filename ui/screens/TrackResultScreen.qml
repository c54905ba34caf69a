import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Track my report: the status in plain words, the city's notes, who is responsible, the last
// change, and how long the city usually takes.
KScreen {
    title: qsTr("Report %1").arg(Track.result.number || "")
    instruction: Track.result.status || qsTr("Type a report number first.")
    helpText: qsTr("This is what the city's service says about your report now. Touch Hear it "
                   + "again to listen once more.")
    primaryIcon: "done"
    primaryName: "trackDone"
    primaryText: qsTr("Done")
    onPrimaryRequested: Nav.go("home")

    Repeater {
        model: Track.result.number
               ? [[qsTr("Kind of problem"), Track.result.service],
                  [qsTr("The city's notes"), Track.result.notes],
                  [qsTr("Responsible"), Track.result.agency],
                  [qsTr("Last change"), Track.result.updated],
                  [qsTr("Expected"), Track.result.expected]].filter(row => row[1])
               : []
        ColumnLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: 0
            KText {
                Layout.fillWidth: true
                text: parent.modelData[0]
                font.bold: true
            }
            KText {
                Layout.fillWidth: true
                text: parent.modelData[1]
            }
        }
    }
    KText {
        objectName: "trackPatience"
        Layout.fillWidth: true
        visible: !!Track.result.patience
        text: Track.result.patience || ""
    }
    KButton {
        objectName: "trackHear"
        Layout.fillWidth: true
        visible: !!Track.result.spoken
        text: qsTr("Hear it again")
        onActivated: Speech.speak(Track.result.spoken)
    }
}
