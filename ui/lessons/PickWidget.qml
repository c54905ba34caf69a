pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Choose one: a search result, a place, a stop or a card. Each choice explains itself after.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string kind: ""
    spacing: Theme.gap * 2
    Component.onCompleted: {
        params = Lessons.widgetParams
        kind = Lessons.widgetType
    }
    readonly property var entries: kind === "browser_sim" ? (params.pages || [])
                                 : kind === "map_list_sim" ? (params.places || [])
                                 : kind === "transit_sim" ? (params.stops || [])
                                 : (params.cards || [])

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    KText {
        Layout.fillWidth: true
        visible: widget.kind === "browser_sim"
        text: qsTr("Searched for: %1").arg(widget.params.query || "")
    }
    Repeater {
        model: widget.entries
        delegate: KButton {
            required property var modelData
            objectName: "pick-" + modelData.id
            Layout.fillWidth: true
            main: false
            text: modelData.title || modelData.name || modelData.label || ""
            description: widget.kind === "browser_sim"
                         ? (modelData.sponsored ? qsTr("Advert") + " · " : "") + modelData.address
                           + "\n" + modelData.body
                         : widget.kind === "map_list_sim" // what a pharmacy list shows
                           ? [modelData.address,
                              modelData.open_now ? qsTr("Open now") : qsTr("Closed now"),
                              modelData.note || ""].filter(t => t !== "").join(" · ")
                           : widget.kind === "transit_sim" ? modelData.code : ""
            selected: Lessons.hintTarget === modelData.id
            onActivated: Lessons.act("pick", modelData.id)
        }
    }
}
