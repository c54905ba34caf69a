pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Spread two fingers to enlarge a picture (a PinchHandler: the gesture this lesson teaches);
// the Bigger button does the same for anyone who cannot pinch.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property real zoom: 1
    // the least it needs: the picture can shrink to 30 mm (the step screen gives it the room
    // that is left, up to 70 mm)
    readonly property real minimumHeight: prompt.implicitHeight + Theme.mm(30)
                                          + bigger.implicitHeight + 2 * spacing
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    function grow(factor: real): void {
        zoom = Math.min(5, Math.max(1, factor))
        Lessons.act("zoom", String(zoom))
    }

    KText {
        id: prompt
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Rectangle {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.mm(30)
        Layout.preferredHeight: Theme.mm(70)
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        clip: true
        Image {
            id: picture
            objectName: "zoomImage"
            anchors.centerIn: parent
            width: parent.width
            height: parent.height
            scale: widget.zoom
            source: widget.params.image ? Lessons.imageUrl(widget.params.image) : ""
            sourceSize.width: width * 2
            fillMode: Image.PreserveAspectFit
            Accessible.role: Accessible.Graphic
            Accessible.name: widget.params.alt || ""
        }
        PinchHandler {
            target: null
            onActiveScaleChanged: if (active) widget.zoom = Math.min(5, Math.max(1, activeScale))
            onActiveChanged: if (!active) widget.grow(widget.zoom)
        }
    }
    KButton {
        id: bigger
        objectName: "zoomBigger"
        Layout.fillWidth: true
        main: false
        text: qsTr("Make it bigger")
        onActivated: widget.grow(widget.zoom + 1)
    }
}
