pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Put steps in order by touching them first to last (shown shuffled, never dragged).
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property var shuffled: []
    property var chosen: []
    spacing: Theme.gap * 2
    Component.onCompleted: {
        params = Lessons.widgetParams
        const items = (params.items || []).slice()
        // a fixed shuffle (reversed, then the halves swapped) so every learner sees the same
        items.reverse()
        const half = Math.floor(items.length / 2)
        shuffled = items.slice(half).concat(items.slice(0, half))
    }

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Repeater {
        model: widget.shuffled
        delegate: KButton {
            required property var modelData
            readonly property int place: widget.chosen.indexOf(modelData.id)
            objectName: "order-" + modelData.id
            Layout.fillWidth: true
            main: false
            text: (place >= 0 ? (place + 1) + ". " : "") + modelData.label
            selectable: true
            selected: place >= 0 || Lessons.hintTarget === modelData.id
            enabled: place < 0
            onActivated: widget.chosen = widget.chosen.concat([modelData.id])
        }
    }
    KButton {
        objectName: "orderCheck"
        Layout.fillWidth: true
        kind: "primary"
        enabled: widget.chosen.length === widget.shuffled.length
        text: qsTr("Check the order")
        onActivated: Lessons.act("order", widget.chosen.join("|"))
    }
}
