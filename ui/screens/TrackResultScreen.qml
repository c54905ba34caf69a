pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Track my report: the status in plain words, the city's notes, who is responsible, the last
// change, and how long the city usually takes. The lines are paged (two columns on a wide
// panel), never scrolled, and the voice reads the lines shown, page by page (Listen again).
KScreen {
    title: qsTr("Report %1").arg(Track.result.number || "")
    // the status is the answer: the first line of the content, never given way like an
    // instruction on a short panel
    instruction: Track.result.number ? "" : qsTr("Type a report number first.")
    helpText: qsTr("This is what the city's service says about your report now. Touch Listen "
                   + "at the top to hear it once more.")
    primaryIcon: "done"
    primaryName: "trackDone"
    primaryText: qsTr("Done")
    onPrimaryRequested: Nav.go("home")

    KPager {
        objectName: "trackLines"
        Layout.fillWidth: true
        Layout.fillHeight: true
        minRows: 1
        compactable: false
        ofChoices: false
        model: Track.result.number
               ? [[qsTr("Status"), Track.result.status],
                  [qsTr("Kind of problem"), Track.result.service],
                  [qsTr("The city's notes"), Track.result.notes],
                  [qsTr("Responsible"), Track.result.agency],
                  [qsTr("Last change"), Track.result.updated],
                  [qsTr("Expected"), Track.result.expected],
                  ["", Track.result.patience]].filter(row => row[1])
               : []
        delegate: Column {
            id: line
            required property var modelData
            objectName: "trackLine"
            // read with the screen, page by page
            readonly property string spokenText: [modelData[0], modelData[1]].filter(t => t)
                                                                              .join(": ")
            spacing: 0
            KText {
                width: line.width
                visible: text !== ""
                text: line.modelData[0]
                font.bold: true
            }
            KText {
                width: line.width
                text: line.modelData[1]
            }
        }
    }
}
