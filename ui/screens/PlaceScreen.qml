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
    instruction: known ? "" : qsTr("First choose a place from the list.")
    helpText: qsTr("Touch Print to take it with you to get a slip with the address and a code "
                   + "that shows the place on a map on a phone. Touch Back to choose "
                   + "another place.")
    stepText: qsTr("Step %1 of %2").arg(3).arg(3)
    customBack: true
    onBackRequested: screen.known ? Nav.back() : Nav.go("helpNearby")
    primaryText: known ? qsTr("Print it to take with you") : ""
    primaryName: "placePrint"
    primaryIcon: "print"
    onPrimaryRequested: Places.takeAway()

    // The details (address, distance, hours, phone) and what the map code is for, a page of
    // whole lines at a time, read aloud with the screen; the code beside them.
    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.maximumHeight: Math.max(details.naturalHeight, qr.Layout.preferredHeight)
        visible: screen.known
        spacing: Theme.gap * 2
        KPagedText {
            id: details
            objectName: "placeDetails"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumHeight: naturalHeight
            Layout.alignment: Qt.AlignTop
            text: screen.known ? screen.place.summary + "\n"
                                 + qsTr("Scan this code with a phone to see the place on a map.")
                               : ""
            property string spokenText: text
        }
        Image {
            id: qr
            objectName: "placeQr"
            Layout.preferredWidth: Theme.mm(40)
            Layout.preferredHeight: Theme.mm(40)
            Layout.alignment: Qt.AlignTop
            source: screen.known ? screen.place.qr : ""
            fillMode: Image.PreserveAspectFit
            smooth: false
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("A code to scan with a phone: it shows this place on a map.")
        }
    }
    KText {
        objectName: "placeSlipMessage"
        Layout.fillWidth: true
        visible: Places.slipMessage !== ""
        font.bold: true
        text: Places.slipMessage
    }
}
