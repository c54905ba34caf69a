pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A pretend settings screen: change the settings and watch the sample text change.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property var values: ({})
    spacing: Theme.gap * 2
    Component.onCompleted: {
        params = Lessons.widgetParams
        const start = {}
        for (const s of params.settings || [])
            start[s.id] = s.start
        values = start
    }

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    KText {
        objectName: "settingsPreview"
        Layout.fillWidth: true
        text: widget.params.preview || ""
    }
    Repeater {
        model: widget.params.settings || []
        delegate: ColumnLayout {
            id: setting
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.gap
            KText {
                Layout.fillWidth: true
                text: setting.modelData.label
                font.bold: true
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.mm(3)
                Repeater {
                    model: setting.modelData.values
                    delegate: KButton {
                        required property var modelData
                        objectName: "set-" + setting.modelData.id + "-" + modelData.id
                        main: false
                        text: modelData.label
                        selectable: true
                        selected: widget.values[setting.modelData.id] === modelData.id
                        onActivated: {
                            const next = Object.assign({}, widget.values)
                            next[setting.modelData.id] = modelData.id
                            widget.values = next
                            Lessons.act("set", setting.modelData.id + ":" + modelData.id)
                        }
                    }
                }
            }
        }
    }
}
