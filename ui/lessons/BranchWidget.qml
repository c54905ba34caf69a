pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A story or a pretend phone call that branches: each choice leads to the next scene.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string nodeId: ""
    readonly property bool call: Lessons.widgetType === "call_sim"
    readonly property var nodes: params.scenes || params.nodes || []
    readonly property var node: nodes.find(n => n.id === nodeId) || ({})
    spacing: Theme.gap * 2
    Component.onCompleted: {
        params = Lessons.widgetParams
        nodeId = params.start || ""
    }

    KText {
        Layout.fillWidth: true
        visible: widget.call
        font.bold: true
        text: qsTr("%1 is on the phone").arg(widget.params.caller || "")
    }
    KText {
        objectName: "branchText"
        Layout.fillWidth: true
        text: widget.node.text || widget.node.says || ""
    }
    Repeater {
        model: widget.node.choices || []
        delegate: KButton {
            required property var modelData
            objectName: "choice-" + modelData.id
            Layout.fillWidth: true
            main: false
            text: modelData.text
            onActivated: {
                const from = widget.nodeId
                if (modelData.next !== "end")
                    widget.nodeId = modelData.next
                Lessons.act("choose", from + ":" + modelData.id)
            }
        }
    }
}
