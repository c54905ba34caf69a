pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A practice inbox: one message at a time, judged "a scam" or "safe", with the reason after.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property int current: 0
    readonly property var messages: params.messages || []
    readonly property var message: messages[Math.min(current, messages.length - 1)] || ({})
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    function judge(verdict: string): void {
        Lessons.act("judge", message.id + ":" + verdict)
        if (verdict === message.verdict && current < messages.length - 1)
            current += 1
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
    Rectangle {
        objectName: "inboxMessage"
        Layout.fillWidth: true
        implicitHeight: body.implicitHeight + 2 * Theme.padding
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        radius: Theme.radius
        ColumnLayout {
            id: body
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            spacing: Theme.gap
            KText {
                Layout.fillWidth: true
                color: Theme.surfaceText
                font.bold: true
                text: qsTr("From: %1").arg(widget.message.sender || "")
            }
            KText {
                Layout.fillWidth: true
                color: Theme.surfaceText
                text: widget.message.text || ""
            }
            KText {
                Layout.fillWidth: true
                visible: text !== ""
                color: Theme.surfaceText
                font.underline: true
                text: widget.message.link || ""
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
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
}
