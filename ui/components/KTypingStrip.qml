import QtQuick

// What is being typed, in large type right above the on-screen keyboard: the field's label and
// the text so far (dots for a hidden PIN). While the keys fill the lower part of the window the
// screen above may be too short to show the field itself; this strip always shows it.
Rectangle {
    id: strip

    property TextInput field // the focused input of a KTextField, or null
    readonly property KTextField owner: field ? field.parent as KTextField : null
    // label and text; with less room than that (the largest text) the text alone
    readonly property real fullHeight: label.implicitHeight + box.height + column.spacing
                                       + 2 * Theme.gap

    visible: field !== null
    implicitHeight: fullHeight
    color: Theme.background

    Column {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.gap / 2

        KText {
            id: label
            width: parent.width
            visible: text !== "" && strip.height >= strip.fullHeight
            text: strip.owner ? strip.owner.label : ""
            font.bold: true
        }
        Rectangle {
            id: box
            width: parent.width
            height: Math.max(Theme.targetMin, typed.implicitHeight + Theme.padding)
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
                text: strip.field ? strip.field.displayText + "|" : ""
            }
        }
    }
}
