import QtQuick
import Kiosk
import "../components"

// Report a problem: a clear message when the questions of a kind of problem cannot be shown
// (the city's service sent them in a broken form, or could not be reached).
KScreen {
    title: qsTr("This kind of problem cannot be reported here now")
    instruction: Report.problem !== "" ? Report.problem
                                       : qsTr("Please choose another kind of problem.")
    helpText: qsTr("The kiosk could not get the questions for this kind of problem. You can "
                   + "choose another kind, or call Call Sofia on %1, day and night.")
              .arg(Shell.cityPhone)
    primaryIcon: "report"
    primaryName: "problemAnother"
    primaryText: qsTr("Choose another kind of problem")
    onPrimaryRequested: Report.chooseAnother()
    customBack: true
    onBackRequested: Nav.go("home")

}
