import QtQuick
import Kiosk

// While someone types, right above the on-screen keyboard: the question of the screen, the
// field's label, the text so far (dots for a hidden PIN) and the way forward, in large type. The
// keys fill the lower part of the window and the screen above may be too short to show its
// field; this strip always shows what is being answered and how to go on.
Rectangle {
    id: strip

    property TextInput field // the focused input of a KTextField, or null
    property KScreen screen // the screen being typed on
    readonly property KTextField owner: field ? field.parent as KTextField : null
    readonly property bool showLabel: label.text !== "" && label.text !== question.text
    readonly property real fullHeight: question.implicitHeight
                                       + (showLabel ? label.implicitHeight + column.spacing : 0)
                                       + row.height + column.spacing + 2 * Theme.gap

    visible: field !== null
    implicitHeight: fullHeight
    color: Theme.background

    Rectangle { // a line that sets the strip apart from the screen above
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: Theme.border
        color: Theme.surfaceBorder
    }

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.bottomMargin: Theme.gap
        spacing: Theme.gap / 2

        KText {
            id: question
            objectName: "stripQuestion"
            width: parent.width
            text: strip.screen ? strip.screen.title : ""
            font.bold: true
            lineHeight: Theme.lineHeightTight
        }
        KText {
            id: label
            objectName: "stripLabel"
            width: parent.width
            visible: strip.showLabel
            text: strip.owner ? strip.owner.label : ""
            font.pixelSize: Theme.fontChrome
            lineHeight: Theme.lineHeightTight
        }
        Row {
            id: row
            width: parent.width
            height: Math.max(box.implicitHeight, next.implicitHeight)
            spacing: Theme.gap * 2

            Rectangle {
                id: box
                objectName: "stripTyped"
                width: next.visible ? row.width - row.spacing - next.width : row.width
                height: row.height
                implicitHeight: Math.max(Theme.targetMin, typed.implicitHeight + Theme.padding)
                color: Theme.surface
                border.color: Theme.focus
                border.width: Theme.focusWidth
                radius: Theme.radius
                Accessible.ignored: true // the field itself is what assistive tools read

                KText {
                    id: typed
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: Theme.padding
                    color: Theme.surfaceText
                    wrapMode: Text.WrapAnywhere
                    text: strip.field ? strip.field.displayText + "|" : ""
                }
            }
            KButton {
                id: next
                objectName: "stripNext"
                width: Math.max(Theme.targetMain * 2, implicitWidth)
                height: row.height
                kind: "primary"
                fontSize: Theme.fontChrome
                visible: strip.screen !== null && strip.screen.primaryText !== ""
                text: strip.screen ? strip.screen.primaryText : ""
                onActivated: strip.screen.primaryRequested()
            }
        }
    }
}
