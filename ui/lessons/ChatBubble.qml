pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import "../components"

// One message in a practice chat, as messengers draw it: theirs on the left in white, mine on
// the right in green; a photo with its caption; a voice message as a play sign, a wave and its
// length, with the words "Voice message" (not the picture alone).
Rectangle {
    id: bubble
    property var line: ({}) // a script line: sender, kind, text, seconds
    property string typed: "" // what the learner typed for this line, when it was typed
    property string photoUrl: ""
    property string photoLabel: ""
    readonly property bool mine: line.sender === "me"
    readonly property string kind: line.kind || "text"
    objectName: "bubble-" + (line.id || "")
    implicitHeight: content.implicitHeight + 2 * Theme.gap
    color: mine ? Theme.chatMine : Theme.surface
    border.color: Theme.surfaceBorder
    border.width: Theme.border
    radius: Theme.radius * 2

    ColumnLayout {
        id: content
        x: Theme.gap
        y: Theme.gap
        width: parent.width - 2 * Theme.gap
        spacing: Theme.gap / 2
        Image {
            Layout.fillWidth: true
            Layout.preferredHeight: width * 3 / 4
            visible: bubble.kind === "photo" && bubble.photoUrl !== ""
            source: bubble.photoUrl
            sourceSize.width: width
            fillMode: Image.PreserveAspectCrop
            Accessible.role: Accessible.Graphic
            Accessible.name: bubble.photoLabel
        }
        RowLayout { // a voice message: play, a wave, its length
            Layout.fillWidth: true
            visible: bubble.kind === "voice"
            spacing: Theme.gap
            KIcon {
                name: "play"
                color: Theme.chatMineText
            }
            Row {
                id: wave
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignVCenter
                Layout.preferredHeight: Theme.fontBody
                spacing: Theme.border
                clip: true
                Repeater {
                    model: 14
                    delegate: Rectangle {
                        required property int index
                        y: (wave.height - height) / 2
                        width: Theme.border
                        height: Theme.fontBody * (0.3 + 0.7 * Math.abs(Math.sin(index * 1.7)))
                        radius: width / 2
                        color: Theme.chatMeta
                    }
                }
            }
            KText {
                color: Theme.chatMeta
                text: "0:" + String(bubble.line.seconds || 0).padStart(2, "0")
            }
        }
        KText {
            Layout.fillWidth: true
            color: bubble.mine ? Theme.chatMineText : Theme.surfaceText
            lineHeight: 1.2
            text: bubble.kind === "voice" ? qsTr("Voice message")
                : bubble.typed !== "" ? bubble.typed : (bubble.line.text || "")
        }
    }
}
