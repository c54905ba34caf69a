pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A long list to scroll with a finger and find one thing in. Dragging the list is the lesson,
// so this list is interactive (ACCESSIBILITY 9, allowed inside lesson widgets).
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams
    // the least it needs (LessonStepScreen): the prompt and a list 45 mm tall, which still shows
    // a row and part of the next (the list is scrolled: that is the practice); it grows to 75 mm
    readonly property real minimumHeight: prompt.implicitHeight + spacing + Theme.mm(45)

    KText {
        id: prompt
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Rectangle {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.mm(45)
        Layout.preferredHeight: Theme.mm(75)
        Layout.maximumHeight: Theme.mm(75)
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        radius: Theme.radius

        // a Flickable with a Column, not a ListView: its rows are made at once, so moving to
        // another step while the list is still being built cannot leave half-made rows behind
        Flickable {
            id: list
            objectName: "scrollList"
            // its rows are cut at its edges and reached by dragging, on purpose (the screen
            // audit knows)
            readonly property bool scrollPractice: true
            anchors.fill: parent
            anchors.margins: Theme.border + Theme.gap
            clip: true
            // room inside the clip for the focus ring of the first and last rows
            readonly property int ringRoom: Theme.focusWidth + 2
            topMargin: ringRoom
            bottomMargin: ringRoom
            contentHeight: rows.height
            boundsBehavior: Flickable.StopAtBounds
            Column {
                id: rows
                x: list.ringRoom
                width: list.width - 2 * list.ringRoom
                spacing: Theme.gap
                Repeater {
                    model: widget.params.items || widget.params.pages || []
                    delegate: KButton {
                        required property var modelData
                        objectName: "item-" + modelData.id
                        width: rows.width
                        main: false
                        text: modelData.label
                        selected: Lessons.hintTarget === modelData.id
                        onActivated: Lessons.act("tap", modelData.id)
                    }
                }
            }
        }
    }
}
