pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Requests to sign: approve only the one you started yourself, refuse the others.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property var decided: ({})
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    function decide(requestId: string, choice: string, right: bool): void {
        if (right) {
            const next = Object.assign({}, decided)
            next[requestId] = choice
            decided = next
        }
        Lessons.act("decide", requestId + ":" + choice)
    }

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Repeater {
        model: widget.params.requests || []
        delegate: Rectangle {
            id: card
            required property var modelData
            readonly property string done: widget.decided[modelData.id] || ""
            Layout.fillWidth: true
            implicitHeight: column.implicitHeight + 2 * Theme.padding
            color: Theme.surface
            border.color: Lessons.hintTarget === modelData.id ? Theme.focus : Theme.surfaceBorder
            border.width: Theme.border
            radius: Theme.radius
            ColumnLayout {
                id: column
                x: Theme.padding
                y: Theme.padding
                width: card.width - 2 * Theme.padding
                spacing: Theme.gap
                KText {
                    Layout.fillWidth: true
                    color: Theme.surfaceText
                    font.bold: true
                    text: card.modelData.origin
                }
                KText {
                    Layout.fillWidth: true
                    color: Theme.surfaceText
                    text: card.done === "" ? card.modelData.text
                          : card.done === "approve" ? card.modelData.text + " — " + qsTr("Approved")
                          : card.modelData.text + " — " + qsTr("Refused")
                }
                RowLayout {
                    Layout.fillWidth: true
                    visible: card.done === ""
                    spacing: Theme.gap * 2
                    KButton {
                        objectName: "approve-" + card.modelData.id
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        main: false
                        text: qsTr("Approve")
                        onActivated: widget.decide(card.modelData.id, "approve",
                                                   card.modelData.self_started === true)
                    }
                    KButton {
                        objectName: "refuse-" + card.modelData.id
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        main: false
                        text: qsTr("Refuse")
                        onActivated: widget.decide(card.modelData.id, "refuse",
                                                   card.modelData.self_started !== true)
                    }
                }
            }
        }
    }
}
