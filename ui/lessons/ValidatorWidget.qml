pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A validator on a bus: touch a card to it and read its screen. Green "Valid card" means the
// trip is paid; red "Invalid card" means it is not (the words say it, not the colour alone).
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string touched: ""
    readonly property var cards: params.cards || []
    readonly property var card: cards.find(c => c.id === touched) || ({})
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Rectangle { // the validator: a box with a screen
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.mm(140)
        Layout.alignment: Qt.AlignHCenter
        implicitHeight: screenBox.implicitHeight + 2 * Theme.padding
        color: Theme.bar
        radius: Theme.radius * 2
        Rectangle {
            id: screenBox
            objectName: "validatorScreen"
            readonly property string state_: widget.touched === "" ? "idle"
                                            : widget.card.valid ? "valid" : "invalid"
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            implicitHeight: Math.max(Theme.targetMain * 2, result.implicitHeight + 2 * Theme.padding)
            radius: Theme.radius
            color: state_ === "valid" ? Theme.lessonGreen
                 : state_ === "invalid" ? Theme.lessonRed : Theme.surface
            KText {
                id: result
                objectName: "validatorText"
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.padding
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: screenBox.state_ === "idle" ? Theme.surfaceText : Theme.lessonInk
                text: screenBox.state_ === "valid" ? qsTr("Valid card")
                    : screenBox.state_ === "invalid" ? qsTr("Invalid card")
                    : qsTr("Touch your card here")
            }
        }
    }
    Repeater {
        model: widget.cards
        delegate: KButton {
            required property var modelData
            objectName: "pick-" + modelData.id
            Layout.fillWidth: true
            main: false
            selectable: true
            selected: widget.touched === modelData.id || Lessons.hintTarget === modelData.id
            text: modelData.label
            onActivated: {
                widget.touched = modelData.id
                Lessons.act("pick", modelData.id)
            }
        }
    }
}
