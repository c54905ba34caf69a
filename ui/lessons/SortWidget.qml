pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Put things where they belong. drag_drop teaches dragging (a DragHandler, allowed inside
// lesson widgets); both kinds also work by touching a thing and then its place.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string chosen: ""
    property var placed: ({})
    readonly property bool dragging: Lessons.widgetType === "drag_drop"
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    function drop(itemId: string, binId: string): void {
        const item = (params.items || []).find(i => i.id === itemId)
        if (item && item.bin === binId) {
            const next = Object.assign({}, placed)
            next[itemId] = binId
            placed = next
        }
        chosen = ""
        Lessons.act("drop", itemId + ":" + binId)
    }
    function binAt(point: point): string {
        for (let i = 0; i < bins.count; ++i) {
            const bin = bins.itemAt(i)
            const local = bin.mapFromItem(null, point.x, point.y)
            if (bin.contains(local))
                return bin.objectName.slice(4) // "bin-<id>"
        }
        return ""
    }

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Flow {
        id: flow
        Layout.fillWidth: true
        spacing: Theme.mm(6)
        Repeater {
            model: (widget.params.items || []).filter(i => widget.placed[i.id] === undefined)
            delegate: KButton {
                id: thing
                required property var modelData
                objectName: "sortItem-" + modelData.id
                width: Math.min(implicitWidth, flow.width) // a long card wraps its words
                main: true
                text: modelData.label
                selectable: true
                selected: widget.chosen === modelData.id
                onActivated: widget.chosen = modelData.id
                DragHandler {
                    enabled: widget.dragging
                    onActiveChanged: {
                        if (!active) {
                            const bin = widget.binAt(centroid.scenePosition)
                            (thing.parent as Flow).forceLayout() // back in line unless placed
                            if (bin !== "")
                                widget.drop(thing.modelData.id, bin)
                        }
                    }
                }
            }
        }
    }
    Repeater {
        id: bins
        model: widget.params.bins || []
        delegate: KButton {
            required property var modelData
            objectName: "bin-" + modelData.id
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.mm(35)
            kind: "normal"
            text: modelData.label
            description: (widget.params.items || []).filter(i => widget.placed[i.id] === modelData.id)
                         .map(i => i.label).join(", ")
            selected: Lessons.hintTarget === modelData.id
            onActivated: if (widget.chosen !== "") widget.drop(widget.chosen, modelData.id)
        }
    }
}
