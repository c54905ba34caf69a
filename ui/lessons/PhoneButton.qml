import QtQuick
import Kiosk
import "../components"

// A phone's round button in a practice call or chat: a pictogram in a circle, its word under it
// (never the picture alone). It is a KButton, so the tremor filter, keys and speech apply.
Item {
    id: root
    property alias name: button.objectName
    property string label
    property string icon
    property color fill: Theme.callButton
    property color ink: Theme.callText
    property color caption: Theme.callText
    property bool lit: Lessons.hintTarget !== "" && Lessons.hintTarget === button.objectName
    property real maxWidth: Theme.mm(60) // the word under the button wraps beyond this
    property bool holdable: false // press, hold and let go: a voice message
    property bool holding: false // held down long enough (recording)
    property bool wasHeld: false
    signal activated
    signal held // let go after a hold
    implicitWidth: Math.max(button.width, Math.min(words.implicitWidth, maxWidth))
    implicitHeight: column.height

    Column {
        id: column
        width: root.width
        spacing: Theme.gap / 2
        KButton {
            id: button
            anchors.horizontalCenter: parent.horizontalCenter
            width: Theme.targetMain
            height: Theme.targetMain
            text: root.label
            background: Rectangle {
                radius: width / 2
                color: root.fill
                border.color: root.lit ? Theme.focus : root.caption
                border.width: root.lit ? Theme.focusWidth : Theme.border
                Rectangle { // the keypad's focus ring, outside the circle
                    anchors.fill: parent
                    anchors.margins: -Theme.focusWidth - 2
                    visible: button.activeFocus
                    color: "transparent"
                    radius: width / 2
                    border.color: Theme.focus
                    border.width: Theme.focusWidth
                }
            }
            contentItem: Item {
                KIcon {
                    anchors.centerIn: parent
                    name: root.icon
                    size: Math.round(button.width * 0.5)
                    color: root.ink
                }
            }
            onPressed: root.wasHeld = false
            onPressAndHold: if (root.holdable) root.holding = true
            onReleased: {
                if (root.holding) {
                    root.holding = false
                    root.wasHeld = true
                    root.held()
                }
            }
            onCanceled: root.holding = false
            onActivated: {
                if (!root.wasHeld)
                    root.activated()
            }
        }
        KText {
            id: words
            anchors.horizontalCenter: parent.horizontalCenter
            width: root.width
            horizontalAlignment: Text.AlignHCenter
            text: root.label
            color: root.caption
            lineHeight: 1.1
        }
    }
}
