pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Touch, double-touch or press-and-hold on large targets. These gestures are what the lesson
// teaches, so MouseArea is used here (ACCESSIBILITY 9); Skip is always on the step screen.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string mode: ""
    property var touched: ({})
    spacing: Theme.gap * 2
    Component.onCompleted: {
        params = Lessons.widgetParams
        mode = Lessons.widgetType
    }

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.mm(10)
        Repeater {
            model: widget.params.targets || []
            delegate: Rectangle {
                id: target
                required property var modelData
                readonly property bool lit: Lessons.hintTarget === modelData.id
                readonly property bool done: widget.touched[modelData.id] === true
                objectName: "target-" + modelData.id
                // round targets for touching, as the lesson's pictures show; the label fits inside
                readonly property real side: Math.max(Theme.mm(modelData.size_mm),
                                                      label.implicitWidth + 4 * Theme.padding)
                width: side
                height: widget.mode === "touch_target" ? side
                        : Math.max(Theme.mm(modelData.size_mm), label.implicitHeight + 2 * Theme.padding)
                radius: widget.mode === "touch_target" ? side / 2 : Theme.radius
                color: done ? Theme.surfacePressed : Theme.surface
                border.color: lit ? Theme.focus : done ? Theme.selected : Theme.surfaceBorder
                border.width: lit || done ? Theme.focusWidth : Theme.border
                activeFocusOnTab: true
                Accessible.role: Accessible.Button
                Accessible.name: modelData.label

                function report(kind: string): void {
                    if (kind === widget.mode) {
                        const next = Object.assign({}, widget.touched)
                        next[modelData.id] = true
                        widget.touched = next
                    }
                    Lessons.act(kind, modelData.id)
                }
                // Enter on a keypad does the gesture: the same practice without a finger.
                Keys.onReturnPressed: report(widget.mode === "touch_target" ? "tap" : widget.mode)

                KText {
                    id: label
                    anchors.centerIn: parent
                    width: Math.min(implicitWidth, parent.width - 2 * Theme.padding)
                    horizontalAlignment: Text.AlignHCenter
                    text: (target.done ? "✓ " : "") + target.modelData.label
                    color: Theme.surfaceText
                }
                Timer { // a single touch on a double-touch target, told apart from the pair
                    id: single
                    interval: 450
                    onTriggered: target.report("tap")
                }
                MouseArea {
                    anchors.fill: parent
                    pressAndHoldInterval: (widget.params.hold_seconds || 1) * 1000
                    onClicked: {
                        if (widget.mode === "double_tap")
                            single.restart()
                        else if (widget.mode === "press_hold")
                            target.report("tap")
                        else
                            target.report("tap")
                    }
                    onDoubleClicked: {
                        single.stop()
                        if (widget.mode === "double_tap")
                            target.report("double_tap")
                    }
                    onPressAndHold: if (widget.mode === "press_hold") target.report("hold")
                }
            }
        }
    }
}
