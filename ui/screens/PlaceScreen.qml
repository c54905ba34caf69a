pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Find help nearby", step 3: one place in full, with a slip and a map code to take away.
KScreen {
    id: screen
    readonly property var place: Places.chosen
    readonly property bool known: place.name !== undefined

    title: known ? place.name : qsTr("A place near this kiosk")
    // The details are the instruction, so they are read aloud as the screen opens.
    instruction: known ? place.summary : qsTr("First choose a place from the list.")
    helpText: qsTr("Touch Print to take it with you to get a slip with the address and a code "
                   + "that shows the place on a map on a phone. Touch Back to the list to "
                   + "choose another place.")
    stepText: qsTr("Step %1 of %2").arg(3).arg(3)
    customBack: true
    onBackRequested: screen.known ? Nav.back() : Nav.go("helpNearby")

    KButton {
        objectName: "placePrint"
        Layout.fillWidth: true
        visible: screen.known
        kind: "primary"
        text: qsTr("Print it to take with you")
        onActivated: Places.takeAway()
    }
    KText {
        objectName: "placeSlipMessage"
        Layout.fillWidth: true
        visible: Places.slipMessage !== ""
        font.bold: true
        text: Places.slipMessage
    }
    Image {
        objectName: "placeQr"
        visible: screen.known
        Layout.preferredWidth: Theme.mm(50)
        Layout.preferredHeight: Theme.mm(50)
        source: screen.known ? screen.place.qr : ""
        fillMode: Image.PreserveAspectFit
        smooth: false
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("A code to scan with a phone: it shows this place on a map.")
    }
    KText {
        objectName: "placeQrCaption"
        Layout.fillWidth: true
        visible: screen.known
        text: qsTr("Scan this code with a phone to see the place on a map.")
    }
    KButton {
        objectName: "placeRead"
        Layout.fillWidth: true
        visible: screen.known
        main: false
        text: qsTr("Read it aloud")
        onActivated: Places.speakChosen()
    }
}
