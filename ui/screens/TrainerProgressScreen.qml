import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Learners' progress, as totals only: cards in use, and per lesson how many cards finished it.
KScreen {
    title: qsTr("Learners' progress")
    instruction: qsTr("Totals only. No card and no person can be seen here.")
    helpText: qsTr("Cards not used for a long time are deleted with their progress. Small "
                   + "numbers are shown as 'less than' so nobody can be picked out.")
    backName: "progressBack"

    Component.onCompleted: TrainerDesk.refreshProgress()

    KText {
        objectName: "progressText"
        Layout.fillWidth: true
        text: TrainerDesk.progressText !== "" ? TrainerDesk.progressText : qsTr("Counting…")
    }
}
