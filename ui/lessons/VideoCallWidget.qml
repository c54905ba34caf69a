pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A practice video call drawn as today's messengers draw it: it rings full screen (green
// answer, red decline) or the learner starts it from the chat; in the call the other person
// fills the screen, one's own picture sits in a corner, and the microphone, camera and red
// "end" buttons are at the bottom. The phone's Back does not end the call: it shrinks to a small
// window over the chats, and touching that window brings the call back.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    // incoming | chat | calling | talking | minimised | ended
    property string phase: ""
    property bool muted: false
    property bool cameraOff: false
    readonly property string caller: params.caller || ""
    readonly property bool inCall: phase === "talking" || phase === "calling"
    spacing: Theme.gap
    Component.onCompleted: {
        params = Lessons.widgetParams
        phase = params.start === "outgoing" ? "chat"
              : params.start === "minimised" ? "minimised" : "incoming"
    }

    function touch(what: string): void {
        Lessons.act("call", what)
    }

    Timer { // the other side answers after a few rings (a scripted reply, not a time limit)
        id: ringing
        interval: 2500
        running: widget.phase === "calling"
        onTriggered: {
            widget.phase = "talking"
            widget.touch("connected")
        }
    }

    Rectangle { // the phone's screen
        id: screen
        objectName: "callScreen"
        Layout.fillWidth: true
        Layout.fillHeight: true
        // what the call needs; where the step gives more room, it fills it, as a call fills
        // the phone's screen
        Layout.preferredHeight: Math.max(Theme.mm(90),
                                         controls.height + header.implicitHeight + Theme.mm(35))
        radius: Theme.radius * 2
        color: Theme.callBackground
        border.color: Theme.phoneFrame
        border.width: Theme.border
        clip: true

        Image { // the other person on video (also behind the ringing screen, dimmed)
            objectName: "callPicture"
            anchors.fill: parent
            anchors.margins: screen.border.width
            visible: widget.phase === "talking" || widget.phase === "incoming"
                     || widget.phase === "calling"
            opacity: widget.phase === "talking" ? 1 : 0.35
            source: widget.params.picture ? Lessons.imageUrl(widget.params.picture) : ""
            sourceSize.width: width
            fillMode: Image.PreserveAspectCrop
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("%1 on video").arg(widget.caller)
        }
        Rectangle { // a strip that keeps the words readable over the picture
            id: header
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: screen.border.width
            visible: widget.phase !== "minimised" && widget.phase !== "chat"
            implicitHeight: state_.implicitHeight + 2 * Theme.padding
            height: implicitHeight
            color: Theme.callBackground
            KText {
                id: state_
                objectName: "callState"
                x: Theme.padding
                y: Theme.padding
                width: parent.width - 2 * Theme.padding
                horizontalAlignment: Text.AlignHCenter
                color: Theme.callText
                font.pixelSize: Theme.fontHeading
                font.bold: true
                text: widget.phase === "incoming" ? qsTr("%1 is calling you (video)").arg(widget.caller)
                    : widget.phase === "calling" ? qsTr("Calling %1…").arg(widget.caller)
                    : widget.phase === "talking" ? widget.caller
                    : qsTr("The call has ended")
            }
        }
        Rectangle { // my own picture, small, in the corner (or "camera off")
            objectName: "callSelf"
            visible: widget.phase === "talking"
            anchors.right: parent.right
            anchors.top: header.bottom
            anchors.margins: Theme.gap
            width: Math.min(Theme.mm(30), parent.width / 4)
            height: width * 4 / 3
            radius: Theme.radius
            color: Theme.callButton
            border.color: Theme.callText
            border.width: Theme.border
            clip: true
            Image {
                anchors.fill: parent
                anchors.margins: parent.border.width
                visible: !widget.cameraOff
                source: widget.params.self_picture ? Lessons.imageUrl(widget.params.self_picture) : ""
                sourceSize.width: width
                fillMode: Image.PreserveAspectCrop
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("You, as the other person sees you")
            }
            KIcon {
                anchors.centerIn: parent
                visible: widget.cameraOff
                name: "camera-off"
                color: Theme.callText
            }
        }

        CallChats { // the chats: where Back takes you, and where a call is started
            anchors.fill: parent
            anchors.margins: screen.border.width
            visible: widget.phase === "minimised" || widget.phase === "chat"
            caller: widget.caller
            picture: widget.params.picture || ""
            minimised: widget.phase === "minimised"
            onStartCall: {
                widget.phase = "calling"
                widget.touch("start")
            }
            onRestore: {
                widget.phase = "talking"
                widget.touch("restore")
            }
        }

        Rectangle { // a dark strip under the buttons, so their words read over the picture
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.margins: screen.border.width
            visible: controls.visible
            height: controls.height + 2 * Theme.padding
            color: Theme.callBackground
        }
        Row { // the buttons at the bottom, each with its word
            id: controls
            // room for each of at most three buttons and its word
            readonly property real each: (screen.width - 2 * Theme.padding - 2 * spacing) / 3
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottomMargin: Theme.padding
            visible: widget.phase === "incoming" || widget.inCall
            spacing: Theme.gap * 3
            PhoneButton {
                name: "callAnswer"
                maxWidth: controls.each
                visible: widget.phase === "incoming"
                label: qsTr("Answer")
                icon: "phone"
                fill: Theme.callAccept
                onActivated: {
                    widget.phase = "talking"
                    widget.touch("answer")
                }
            }
            PhoneButton {
                name: "callDecline"
                maxWidth: controls.each
                visible: widget.phase === "incoming"
                label: qsTr("Decline")
                icon: "call-end"
                fill: Theme.callEnd
                onActivated: widget.touch("decline")
            }
            PhoneButton {
                name: "callMute"
                maxWidth: controls.each
                visible: widget.phase === "talking"
                label: widget.muted ? qsTr("Microphone off") : qsTr("Microphone")
                icon: widget.muted ? "microphone-off" : "microphone"
                fill: widget.muted ? Theme.callText : Theme.callButton
                ink: widget.muted ? Theme.callBackground : Theme.callText
                onActivated: {
                    widget.muted = !widget.muted
                    widget.touch(widget.muted ? "mute" : "unmute")
                }
            }
            PhoneButton {
                name: "callCamera"
                maxWidth: controls.each
                visible: widget.phase === "talking"
                label: widget.cameraOff ? qsTr("Camera off") : qsTr("Camera")
                icon: widget.cameraOff ? "camera-off" : "camera"
                fill: widget.cameraOff ? Theme.callText : Theme.callButton
                ink: widget.cameraOff ? Theme.callBackground : Theme.callText
                onActivated: {
                    widget.cameraOff = !widget.cameraOff
                    widget.touch(widget.cameraOff ? "camera-off" : "camera-on")
                }
            }
            PhoneButton {
                name: "callEnd"
                maxWidth: controls.each
                visible: widget.inCall
                label: qsTr("End call")
                icon: "call-end"
                fill: Theme.callEnd
                onActivated: {
                    const was = widget.phase
                    widget.phase = was === "talking" ? "ended" : "chat"
                    widget.touch("red")
                }
            }
        }
    }
    Rectangle { // the phone's own bar under its screen: Back, the common mistake
        Layout.fillWidth: true
        visible: widget.params.injected_mistake === "back"
        implicitHeight: back.implicitHeight + Theme.gap
        color: Theme.callBackground
        border.color: Theme.phoneFrame
        border.width: Theme.border
        radius: Theme.radius
        PhoneButton {
            id: back
            name: "callBack"
            anchors.centerIn: parent
            label: qsTr("Back")
            icon: "back"
            enabled: widget.phase === "talking"
            opacity: enabled ? 1 : 0 // only while it can be used (a faded one reads poorly)
            onActivated: {
                widget.phase = "minimised"
                widget.touch("back")
            }
        }
    }
}
