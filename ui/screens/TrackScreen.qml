import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Track my report: the number from the receipt on a big keypad.
KScreen {
    id: screen
    form: true
    title: qsTr("Track my report")
    instruction: qsTr("Type the number from your slip, then touch Look it up.")
    helpText: qsTr("The number is on your slip, in a box. Type only its digits; leave out "
                   + "any dash. Correct removes the last digit.")
    primaryIcon: "track"
    primaryName: "trackLookup"
    //: Looks up a report by its number
    primaryText: qsTr("Look it up")
    onPrimaryRequested: Track.lookup(pad.value)

    Rectangle {
        id: trackNotice
        objectName: "trackNotice"
        Layout.fillWidth: true
        visible: notice.text !== ""
        implicitHeight: notice.implicitHeight + 2 * Theme.padding
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        radius: Theme.radius
        KText {
            id: notice
            anchors.fill: parent
            anchors.margins: Theme.padding
            color: Theme.noticeText
            text: Track.busyText !== "" ? Track.busyText : Track.problem
        }
    }
    KPinPad {
        id: pad
        objectName: "trackPad"
        Layout.fillWidth: true
        Layout.alignment: Qt.AlignTop // under the question, not in the middle of the room
        masked: false
        maxLength: 16
        footerActions: true // its confirmation is the screen's primary action
        // the phone's four rows of keys where they fit under the question, else two rows
        twoRows: screen.contentRoom < fourRowsNeed + (trackNotice.visible ? trackNotice.height
                                                                            + Theme.gap * 2 : 0)
    }
}
