pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A pretend settings screen: change the settings and watch the sample text change. On a phone
// (platform android or ios) it is drawn inside the phone: its frame and its "Settings" bar.
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
    // The sample grows with each size step chosen, and turns light-on-dark when a two-way
    // setting (such as strong contrast) is switched to its second value.
    readonly property real previewScale: {
        let scale = 1
        for (const s of params.settings || []) {
            const index = (s.values || []).findIndex(v => v.id === values[s.id])
            if ((s.values || []).length > 2)
                scale += 0.3 * Math.max(0, index)
        }
        return scale
    }
    readonly property bool previewContrast: (params.settings || []).some(s =>
        (s.values || []).length === 2 && s.values[1].id === values[s.id])
    readonly property bool phone: params.platform === "android" || params.platform === "ios"
    Rectangle { // the phone, or the kiosk's own screen
        objectName: "settingsScreen"
        Layout.fillWidth: true
        implicitHeight: screen.implicitHeight + 2 * (widget.phone ? Theme.padding : 0)
        color: widget.phone ? Theme.chatBackground : "transparent"
        border.color: Theme.phoneFrame
        border.width: widget.phone ? Theme.border * 3 : 0
        radius: widget.phone ? Theme.radius * 4 : 0
        ColumnLayout {
            id: screen
            x: widget.phone ? Theme.padding : 0
            y: widget.phone ? Theme.padding : 0
            width: parent.width - 2 * x
            spacing: Theme.gap * 2
            Rectangle { // the phone's settings bar
                objectName: "settingsBar"
                Layout.fillWidth: true
                visible: widget.phone
                implicitHeight: barTitle.implicitHeight + Theme.gap * 2
                color: Theme.bar
                radius: Theme.radius
                KText {
                    id: barTitle
                    x: Theme.padding
                    y: Theme.gap
                    width: parent.width - 2 * Theme.padding
                    color: Theme.barText
                    font.bold: true
                    text: widget.params.platform === "ios" ? qsTr("Settings (iPhone)")
                                                           : qsTr("Settings (Android)")
                }
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: preview.implicitHeight + 2 * Theme.padding
                color: widget.previewContrast ? Theme.text : Theme.surface
                border.color: Theme.surfaceBorder
                border.width: Theme.border
                radius: Theme.radius
                KText {
                    id: preview
                    objectName: "settingsPreview"
                    x: Theme.padding
                    y: Theme.padding
                    width: parent.width - 2 * Theme.padding
                    color: widget.previewContrast ? Theme.background : Theme.surfaceText
                    font.pixelSize: Math.round(Theme.fontBody * widget.previewScale)
                    text: widget.params.preview || ""
                }
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
    }
}
