pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Fictional stops: touch the right one, and its board shows which lines come in how many
// minutes, like the boards at Sofia's stops and the timetable sites do after the stop code.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string chosen: ""
    readonly property var stops: params.stops || []
    readonly property var stop: stops.find(s => s.id === chosen) || ({})
    readonly property var kinds: ({
        "bus": qsTr("Bus"), "tram": qsTr("Tram"), "trolleybus": qsTr("Trolleybus"),
        "metro": qsTr("Metro")
    })
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Repeater {
        model: widget.stops
        delegate: KButton {
            required property var modelData
            objectName: "pick-" + modelData.id
            Layout.fillWidth: true
            main: false
            selectable: true
            selected: widget.chosen === modelData.id || Lessons.hintTarget === modelData.id
            text: modelData.name
            description: qsTr("Stop code %1").arg(modelData.code)
            onActivated: {
                widget.chosen = modelData.id
                Lessons.act("pick", modelData.id)
            }
        }
    }
    Rectangle { // the chosen stop's board: lines and minutes
        objectName: "transitBoard"
        Layout.fillWidth: true
        visible: (widget.stop.arrivals || []).length > 0
        implicitHeight: board.implicitHeight + 2 * Theme.padding
        color: Theme.bar
        radius: Theme.radius
        ColumnLayout {
            id: board
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            spacing: Theme.gap
            KText {
                Layout.fillWidth: true
                color: Theme.barText
                font.bold: true
                text: qsTr("%1, stop code %2").arg(widget.stop.name || "").arg(widget.stop.code || "")
            }
            Repeater {
                model: widget.stop.arrivals || []
                delegate: RowLayout {
                    id: arrival
                    required property var modelData
                    objectName: "arrival-" + modelData.id
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    KIcon {
                        Layout.alignment: Qt.AlignTop
                        name: arrival.modelData.kind === "trolleybus" ? "trolleybus"
                            : arrival.modelData.kind === "tram" ? "tram"
                            : arrival.modelData.kind === "metro" ? "metro" : "bus"
                        color: Theme.barText
                    }
                    KText {
                        Layout.fillWidth: true
                        color: Theme.barText
                        text: qsTr("%1 %2 to %3").arg(widget.kinds[arrival.modelData.kind] || "")
                                .arg(arrival.modelData.line).arg(arrival.modelData.towards)
                    }
                    KText {
                        objectName: "minutes-" + arrival.modelData.id
                        Layout.alignment: Qt.AlignTop
                        color: Theme.barText
                        font.bold: true
                        text: arrival.modelData.minutes === 0 ? qsTr("now")
                            : qsTr("in %1 min").arg(arrival.modelData.minutes)
                    }
                }
            }
        }
    }
}
