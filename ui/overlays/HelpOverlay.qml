import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Help for the screen the resident is on, and where a person can help.
KDialog {
    id: help

    property string screenHelp

    title: qsTr("Help")
    message: {
        let parts = [help.screenHelp,
                     qsTr("The buttons at the top are the same on every screen. Home: back to the "
                          + "first choices, keeping your text size and language. Help: this "
                          + "explanation. Listen: the screen read aloud. Repeat: the last "
                          + "sentence again. Text: larger or smaller text. Finish: deletes what "
                          + "you entered, for the next person."),
                     qsTr("At the bottom: Back on the left, and on the right the way forward.")]
        if (Shell.staffHelp !== "")
            parts.push(qsTr("If you would like a person to help you: %1").arg(Shell.staffHelp))
        else
            parts.push(qsTr("If you would like a person to help you, ask the staff here."))
        parts.push(qsTr("Call Sofia, the city's contact centre, answers day and night on %1.")
                   .arg(Shell.cityPhone))
        return parts.filter(p => p !== "").join("\n\n")
    }

    KButton {
        objectName: "helpClose"
        icon.name: "back"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Back to what I was doing")
        onActivated: help.close()
    }
}
