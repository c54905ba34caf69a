pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Touch, double-touch or press-and-hold on large targets: coloured circles, a picture, a button.
// A right gesture marks its target at once (a check mark and "done" under it); a double touch
// enlarges the picture, a hold opens a small menu, as on a phone. These gestures are what the
// lesson teaches, so MouseArea is used here (ACCESSIBILITY 9); Skip is always on the step screen.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string mode: ""
    property var touched: ({})
    // the event each mode's gesture sends, and the one a right gesture must be
    readonly property string gesture: mode === "double_tap" ? "double_tap"
                                    : mode === "press_hold" ? "hold" : "tap"
    readonly property var colours: ({
        "red": Theme.lessonRed, "green": Theme.lessonGreen, "blue": Theme.lessonBlue,
        "yellow": Theme.lessonYellow, "orange": Theme.lessonOrange, "purple": Theme.lessonPurple
    })
    spacing: Theme.gap * 2
    Component.onCompleted: {
        params = Lessons.widgetParams
        mode = Lessons.widgetType
    }

    // When the targets with their names on one line would take a second row (a large size, a
    // short panel), each name under a circle or picture wraps at its words into an even share
    // of the row (never narrower than its longest word), so they keep to one row.
    FontMetrics {
        id: captionMetrics
        font.pixelSize: Theme.fontBody
        font.bold: true // as when "done": the wider of the two
    }
    function longestWord(text: string): real {
        return Math.ceil(Math.max(0, ...text.split(/\s+/).map(w => captionMetrics.advanceWidth(w))))
               + 1
    }
    function oneLine(target: var): real {
        const named = !!target.image || !!target.colour
        const label = captionMetrics.advanceWidth(target.label || "")
        const side = Math.max(Theme.mm(target.size_mm || 0), Theme.targetMain,
                              named ? 0 : label + 2 * Theme.padding)
        return named ? Math.max(side, label) : side
    }
    readonly property var targets: params.targets || []
    readonly property bool wrapCaptions: {
        void captionMetrics.font.pixelSize // a new text size measures again
        let row = -flow.spacing
        for (const target of targets)
            row += oneLine(target) + flow.spacing
        return row > flow.width
    }
    readonly property real captionShare: targets.length > 0
        ? (flow.width - (targets.length - 1) * flow.spacing) / targets.length : flow.width

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Flow {
        id: flow
        Layout.fillWidth: true
        spacing: Theme.gap * 3
        Repeater {
            model: widget.params.targets || []
            delegate: Item {
                id: target
                required property var modelData
                readonly property bool lit: Lessons.hintTarget === modelData.id
                readonly property bool done: widget.touched[modelData.id] === true
                readonly property bool round: widget.mode === "touch_target" && !modelData.image
                readonly property bool picture: !!modelData.image
                readonly property color fill: modelData.colour ? widget.colours[modelData.colour]
                                                               : Theme.surface
                // never wider than the room the step gives (a 50 mm picture on a narrow panel)
                readonly property real side: Math.min(flow.width,
                    Math.max(Theme.mm(modelData.size_mm), Theme.targetMain,
                             picture || modelData.colour ? 0
                                                         : label.implicitWidth + 2 * Theme.padding))
                objectName: "target-" + modelData.id
                width: Math.min(flow.width, Math.max(side, caption.width))
                height: column.height
                activeFocusOnTab: true
                Accessible.role: Accessible.Button
                Accessible.name: modelData.label
                Accessible.checkable: true
                Accessible.checked: done

                function report(kind: string): void {
                    if (kind === widget.gesture) {
                        const next = Object.assign({}, widget.touched)
                        next[modelData.id] = true
                        widget.touched = next
                    }
                    Lessons.act(kind, modelData.id)
                }
                // Enter on a keypad does the gesture: the same practice without a finger.
                Keys.onReturnPressed: report(widget.gesture)

                Column {
                    id: column
                    width: parent.width
                    spacing: Theme.gap
                    Rectangle { // the thing to touch
                        id: shape
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: target.side
                        height: target.picture ? Math.round(target.side * 0.75) : target.side
                        radius: target.round ? width / 2 : Theme.radius
                        color: target.done && !target.modelData.colour && !target.picture
                               ? Theme.surfacePressed : target.fill
                        border.color: target.lit ? Theme.focus
                                      : target.done ? Theme.selected : Theme.surfaceBorder
                        border.width: target.lit || target.done ? Theme.focusWidth : Theme.border
                        clip: true

                        Image { // a photo: a double touch enlarges it, as on a phone
                            objectName: "image-" + target.modelData.id
                            anchors.fill: parent
                            anchors.margins: shape.border.width
                            visible: target.picture
                            source: target.picture ? Lessons.imageUrl(target.modelData.image) : ""
                            sourceSize.width: width * 2
                            sourceSize.height: height * 2
                            fillMode: Image.PreserveAspectCrop
                            scale: target.done && widget.mode === "double_tap" ? 2 : 1
                            Behavior on scale { NumberAnimation { duration: 250 } }
                            Accessible.role: Accessible.Graphic
                            Accessible.name: target.modelData.label
                        }
                        KText { // a plain button's name sits on it
                            id: label
                            anchors.centerIn: parent
                            width: Math.min(implicitWidth, parent.width - 2 * Theme.padding)
                            visible: !target.picture && !target.modelData.colour
                            horizontalAlignment: Text.AlignHCenter
                            text: target.modelData.label
                            color: Theme.surfaceText
                            font.bold: true
                        }
                        Rectangle { // the mark of a right touch
                            objectName: "done-" + target.modelData.id
                            visible: target.done
                            anchors.centerIn: target.picture ? undefined : parent
                            anchors.right: target.picture ? parent.right : undefined
                            anchors.top: target.picture ? parent.top : undefined
                            anchors.margins: Theme.gap
                            width: Math.min(Theme.targetMin, parent.width * 0.6)
                            height: width
                            radius: width / 2
                            color: Theme.selected
                            border.color: Theme.primaryText
                            border.width: Theme.border
                            KIcon {
                                anchors.centerIn: parent
                                name: "done"
                                size: parent.width * 0.7
                                color: Theme.primaryText
                            }
                        }
                    }
                    KText { // the name under a circle or picture, and "done" once touched
                        id: caption
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: Math.min(flow.width, Math.max(target.side, !widget.wrapCaptions
                            ? implicitWidth
                            : Math.min(implicitWidth, Math.max(widget.captionShare,
                                                               widget.longestWord(text)))))
                        visible: text !== ""
                        horizontalAlignment: Text.AlignHCenter
                        // a name wrapped under its circle reads as a label: close lines
                        lineHeight: widget.wrapCaptions ? Theme.lineHeightTight : Theme.lineHeight
                        text: (target.picture || target.modelData.colour ? target.modelData.label : "")
                              + (target.done ? (target.picture || target.modelData.colour ? "\n" : "")
                                               //: under a practice target once it was touched right
                                               + qsTr("Done") : "")
                        font.bold: target.done
                    }
                    Rectangle { // a hold opens a small menu, as on a phone
                        objectName: "holdMenu"
                        anchors.horizontalCenter: parent.horizontalCenter
                        visible: target.done && widget.mode === "press_hold"
                        width: Math.min(flow.width, menu.implicitWidth + 2 * Theme.padding)
                        height: menu.implicitHeight + 2 * Theme.padding
                        color: Theme.surface
                        border.color: Theme.surfaceBorder
                        border.width: Theme.border
                        radius: Theme.radius
                        Column {
                            id: menu
                            x: Theme.padding
                            y: Theme.padding
                            spacing: Theme.gap
                            Repeater {
                                //: the pretend menu a long press opens on a photo button
                                model: [qsTr("Share"), qsTr("Copy"), qsTr("Delete")]
                                delegate: KText {
                                    required property string modelData
                                    text: modelData
                                    color: Theme.surfaceText
                                }
                            }
                        }
                    }
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
