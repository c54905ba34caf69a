pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The messenger's list of chats in a practice call: the contact's row has the video-call
// button; after Back the call goes on in a small window over this list (touch it to return).
Rectangle {
    id: chats
    property string caller
    property string picture
    property bool minimised: false
    signal startCall
    signal restore
    color: Theme.chatBackground

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.gap
        KText {
            Layout.fillWidth: true
            font.pixelSize: Theme.fontHeading
            font.bold: true
            text: qsTr("Chats")
        }
        Rectangle { // the contact: name, and the button that starts a video call
            Layout.fillWidth: true
            Layout.rightMargin: chats.minimised ? pip.width + Theme.gap : 0
            implicitHeight: contact.implicitHeight + 2 * Theme.gap
            color: Theme.surface
            border.color: Theme.surfaceBorder
            border.width: Theme.border
            radius: Theme.radius
            RowLayout {
                id: contact
                x: Theme.gap
                y: Theme.gap
                width: parent.width - 2 * Theme.gap
                spacing: Theme.gap
                KText {
                    Layout.fillWidth: true
                    color: Theme.surfaceText
                    font.bold: true
                    text: chats.caller
                }
                PhoneButton {
                    name: "callStart"
                    visible: !chats.minimised
                    label: qsTr("Video call")
                    icon: "camera"
                    fill: Theme.callAccept
                    caption: Theme.surfaceText
                    onActivated: chats.startCall()
                }
            }
        }
        Item { Layout.fillHeight: true }
    }

    Rectangle { // the call, small, still going on
        id: pip
        objectName: "callPip"
        visible: chats.minimised
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.gap
        // wider at the larger sizes, so its words take fewer lines on a short screen
        width: Math.min(parent.width * (Theme.textScale > 1.2 ? 0.7 : 0.5),
                        Math.max(Theme.mm(50), Theme.fontBody * (Theme.textScale > 1.2 ? 11 : 7)))
        height: pipPicture.height + pipWords.implicitHeight + Theme.gap
        color: Theme.callBackground
        border.color: Theme.callText
        border.width: Theme.border
        radius: Theme.radius
        activeFocusOnTab: true
        Keys.onReturnPressed: chats.restore()
        Accessible.role: Accessible.Button
        Accessible.name: pipWords.text
        Image {
            id: pipPicture
            x: parent.border.width
            y: parent.border.width
            width: parent.width - 2 * parent.border.width
            // the picture gives way so the small window and its words stay inside the screen
            height: Math.max(0, Math.min(width * 3 / 4, chats.height - 3 * Theme.gap
                                         - pipWords.implicitHeight - 2 * pip.border.width))
            source: chats.picture ? Lessons.imageUrl(chats.picture) : ""
            sourceSize.width: width
            fillMode: Image.PreserveAspectCrop
        }
        KText {
            id: pipWords
            anchors.top: pipPicture.bottom
            x: Theme.gap / 2
            width: parent.width - Theme.gap
            horizontalAlignment: Text.AlignHCenter
            color: Theme.callText
            lineHeight: 1.1
            //: on the small window of a call that goes on after Back
            text: qsTr("The call goes on. Touch to return")
        }
        MouseArea {
            anchors.fill: parent
            onClicked: chats.restore()
        }
    }
}
