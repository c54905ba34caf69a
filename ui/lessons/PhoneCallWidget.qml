pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A pretend phone call that branches: it rings, the learner answers, and the caller's lines are
// heard in a second voice (Lessons.hearLine: the speech port's "other" voice) and shown as what
// the caller says; the learner's answers are the choices. A note from the narrator (a story
// that went wrong) is heard in the narrator's voice and shown as a note, not as the caller.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string phase: "ringing" // ringing | talking | ended
    property string nodeId: ""
    readonly property var nodes: params.nodes || []
    readonly property var node: nodes.find(n => n.id === nodeId) || ({})
    readonly property bool narrator: node.speaker === "narrator"
    spacing: Theme.gap * 2
    Component.onCompleted: {
        params = Lessons.widgetParams
        nodeId = params.start || ""
    }

    function choose(choice: var): void {
        const from = nodeId
        Lessons.act("choose", from + ":" + choice.id)
        if (choice.next === "end") {
            phase = "ended"
        } else {
            nodeId = choice.next
            Lessons.hearLine(nodeId)
        }
    }

    Rectangle { // the phone's screen during the call
        objectName: "callScreen"
        Layout.fillWidth: true
        implicitHeight: top.implicitHeight + 2 * Theme.padding
        radius: Theme.radius * 2
        color: Theme.callBackground
        border.color: Theme.phoneFrame
        border.width: Theme.border
        ColumnLayout {
            id: top
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            spacing: Theme.gap
            KText {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                color: Theme.callText
                font.pixelSize: Theme.fontHeading
                font.bold: true
                text: widget.params.caller || ""
            }
            KText {
                objectName: "callState"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                color: Theme.callText
                text: widget.phase === "ringing" ? qsTr("Incoming call")
                    : widget.phase === "talking" ? qsTr("Call in progress")
                    : qsTr("The call has ended")
            }
            PhoneButton {
                Layout.alignment: Qt.AlignHCenter
                name: "callAnswer"
                visible: widget.phase === "ringing"
                label: qsTr("Answer")
                icon: "phone"
                fill: Theme.callAccept
                onActivated: {
                    widget.phase = "talking"
                    Lessons.hearLine(widget.nodeId)
                }
            }
        }
    }
    Rectangle { // what the caller says (or the narrator's note), with "Hear it again"
        objectName: "callLine"
        Layout.fillWidth: true
        visible: widget.phase === "talking" && (widget.node.says || "") !== ""
        implicitHeight: line.implicitHeight + 2 * Theme.padding
        color: widget.narrator ? Theme.notice : Theme.surface
        border.color: widget.narrator ? Theme.noticeBorder : Theme.surfaceBorder
        border.width: Theme.border
        radius: Theme.radius * 2
        ColumnLayout {
            id: line
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            spacing: Theme.gap
            KText {
                Layout.fillWidth: true
                color: widget.narrator ? Theme.noticeText : Theme.chatMeta
                font.bold: true
                text: widget.narrator ? qsTr("What happened") : qsTr("The caller says:")
            }
            KText {
                Layout.fillWidth: true
                color: widget.narrator ? Theme.noticeText : Theme.surfaceText
                text: widget.narrator ? (widget.node.says || "")
                                      : "„" + (widget.node.says || "") + "“"
            }
            KButton {
                objectName: "callHear"
                Layout.fillWidth: true
                main: false
                text: qsTr("Hear it again")
                onActivated: Lessons.hearLine(widget.nodeId)
            }
        }
    }
    KText {
        Layout.fillWidth: true
        visible: widget.phase === "talking" && !widget.narrator
        font.bold: true
        text: qsTr("What do you say?")
    }
    Repeater {
        model: widget.phase === "talking" ? (widget.node.choices || []) : []
        delegate: KButton {
            required property var modelData
            objectName: "choice-" + modelData.id
            Layout.fillWidth: true
            main: false
            selected: Lessons.hintTarget === modelData.id
            text: modelData.text
            onActivated: widget.choose(modelData)
        }
    }
}
