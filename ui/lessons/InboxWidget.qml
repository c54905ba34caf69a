pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A practice inbox: one message at a time, as a phone shows it, judged "a scam" or "safe".
// After each answer the message's red flags are marked on the message itself (the words that
// give it away, numbered) and listed under it; the next message waits for "Next message".
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property int current: 0
    property bool revealed: false // an answer was given: the flags of this message are shown
    property bool answeredRight: false
    readonly property var messages: params.messages || []
    readonly property var message: messages[Math.min(current, messages.length - 1)] || ({})
    readonly property var flags: message.red_flags || []
    readonly property bool last: current >= messages.length - 1
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    function judge(verdict: string): void {
        revealed = true
        answeredRight = verdict === message.verdict
        Lessons.act("judge", message.id + ":" + verdict)
    }
    function next(): void {
        current += 1
        revealed = false
        answeredRight = false
    }

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    KText {
        Layout.fillWidth: true
        text: qsTr("Message %1 of %2").arg(widget.current + 1).arg(widget.messages.length)
    }
    Rectangle { // the message as the phone shows it
        objectName: "inboxMessage"
        Layout.fillWidth: true
        implicitHeight: body.implicitHeight + 2 * Theme.padding
        color: Theme.chatBackground
        border.color: Theme.phoneFrame
        border.width: Theme.border
        radius: Theme.radius
        ColumnLayout {
            id: body
            objectName: "message-" + (widget.message.id || "")
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            spacing: Theme.gap
            KText {
                Layout.fillWidth: true
                color: Theme.chatMeta
                text: widget.message.channel === "email" ? qsTr("E-mail")
                    : widget.message.channel === "viber" ? qsTr("Viber message") : qsTr("SMS")
            }
            InboxPieces { // the sender: a name, a number or an address
                Layout.fillWidth: true
                pieces: widget.message.sender_pieces || []
                revealed: widget.revealed
                bold: true
            }
            Rectangle { // the bubble
                Layout.fillWidth: true
                implicitHeight: bubble.implicitHeight + 2 * Theme.padding
                color: Theme.surface
                border.color: Theme.surfaceBorder
                border.width: Theme.border
                radius: Theme.radius * 2
                ColumnLayout {
                    id: bubble
                    x: Theme.padding
                    y: Theme.padding
                    width: parent.width - 2 * Theme.padding
                    spacing: Theme.gap
                    InboxPieces {
                        Layout.fillWidth: true
                        pieces: widget.message.text_pieces || []
                        revealed: widget.revealed
                    }
                    InboxPieces { // a link on its own line, as messengers show it
                        Layout.fillWidth: true
                        visible: (widget.message.link || "") !== ""
                                 && (widget.message.text || "").indexOf(widget.message.link) < 0
                        pieces: widget.message.link_pieces || []
                        revealed: widget.revealed
                        ink: Theme.primary
                        link: true
                    }
                }
            }
        }
    }
    ColumnLayout { // after the answer: the red flags, numbered as on the message
        objectName: "inboxFlags"
        Layout.fillWidth: true
        visible: widget.revealed && widget.flags.length > 0
        spacing: Theme.gap
        KText {
            Layout.fillWidth: true
            font.bold: true
            text: qsTr("The red flags in this message:")
        }
        Repeater {
            model: widget.flags
            delegate: RowLayout {
                id: note
                required property var modelData
                objectName: "flagNote-" + modelData.id
                Layout.fillWidth: true
                spacing: Theme.gap
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    implicitWidth: noteNumber.implicitHeight
                    implicitHeight: implicitWidth
                    radius: implicitWidth / 2
                    color: Theme.flagBorder
                    Text {
                        id: noteNumber
                        anchors.centerIn: parent
                        text: note.modelData.number
                        color: Theme.lessonInk
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                    }
                }
                KText {
                    Layout.fillWidth: true
                    text: note.modelData.text
                }
            }
        }
    }
    LessonNote { // a safe message has no red flags: say so, calmly
        objectName: "inboxSafe"
        Layout.fillWidth: true
        text: widget.revealed && widget.answeredRight && widget.flags.length === 0
              ? qsTr("No red flags in this message.") : ""
    }
    RowLayout {
        Layout.fillWidth: true
        visible: !(widget.revealed && widget.answeredRight)
        spacing: Theme.gap * 2
        KButton {
            objectName: "judgeScam"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: qsTr("It is a scam")
            onActivated: widget.judge("scam")
        }
        KButton {
            objectName: "judgeSafe"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: qsTr("It is safe")
            onActivated: widget.judge("safe")
        }
    }
    KButton {
        objectName: "inboxNext"
        Layout.fillWidth: true
        visible: widget.revealed && widget.answeredRight && !widget.last
        kind: "primary"
        text: qsTr("Next message")
        onActivated: widget.next()
    }
}
