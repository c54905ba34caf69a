import QtQuick
import QtQuick.Layouts
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

    KButton {
        objectName: "problemAnother"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Choose another kind of problem")
        onActivated: Report.chooseAnother()
    }
    KButton {
        objectName: "problemHome"
        Layout.fillWidth: true
        main: false
        text: qsTr("Back to the start")
        onActivated: Nav.go("home")
    }
}
