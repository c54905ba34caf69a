pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A pretend chat: their messages on the left, yours on the right; touch Send for your reply.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property int shown: 0 // how many lines of the script are on screen
    readonly property var script: params.script || []
    readonly property var next: script[shown] || ({})
    spacing: Theme.gap * 2
    Component.onCompleted: {
        params = Lessons.widgetParams
        advance()
    }
    // show their lines up to the next one the learner sends
    function advance(): void {
        while (shown < script.length && script[shown].sender === "them")
            shown += 1
    }

    KText {
        Layout.fillWidth: true
        font.bold: true
        text: qsTr("Chat with %1").arg(widget.params.contact || "")
    }
    Repeater {
        model: widget.script.slice(0, widget.shown)
        delegate: Rectangle {
            id: bubble
            required property var modelData
            readonly property bool mine: modelData.sender === "me"
            Layout.fillWidth: true
            Layout.leftMargin: mine ? Theme.mm(30) : 0
            Layout.rightMargin: mine ? 0 : Theme.mm(30)
            implicitHeight: line.implicitHeight + 2 * Theme.padding
            color: mine ? Theme.primary : Theme.surface
            border.color: Theme.surfaceBorder
            border.width: Theme.border
            radius: Theme.radius
            KText {
                id: line
                x: Theme.padding
                y: Theme.padding
                width: bubble.width - 2 * Theme.padding
                color: bubble.mine ? Theme.primaryText : Theme.surfaceText
                text: bubble.modelData.text
            }
        }
    }
    KButton {
        objectName: "chatSend"
        Layout.fillWidth: true
        visible: widget.next.sender === "me"
        kind: "primary"
        text: qsTr("Send: %1").arg(widget.next.text || "")
        onActivated: {
            const id = widget.next.id
            widget.shown += 1
            widget.advance()
            Lessons.act("send", id)
        }
    }
}
