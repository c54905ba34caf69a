import QtQuick
import QtQuick.Templates as T
import Kiosk

// The one button. It acts on release, sliding off cancels (AbstractButton does both), a second
// tap within Shell.tapFilterMs is ignored (tremor filter), and Return, Enter or Space select it.
// Use `activated`, never `clicked`, so the filter applies.
T.AbstractButton {
    id: control

    property string kind: "normal" // normal | primary | danger | bar
    property bool main: true // main buttons are 20 mm, others 15 mm
    property string description: ""
    property bool selected: false
    property bool selectable: false // a choice among others: says "selected" when it is
    property int fontSize: Theme.fontBody
    property real lastActivation: 0
    signal activated

    readonly property color fill: kind === "primary" ? Theme.primary
                                : kind === "danger" ? Theme.danger
                                : kind === "bar" ? Theme.bar
                                : selected ? Theme.surfacePressed : Theme.surface
    readonly property color ink: kind === "primary" ? Theme.primaryText
                               : kind === "danger" ? Theme.dangerText
                               : kind === "bar" ? Theme.barText : Theme.surfaceText
    readonly property color edge: kind === "primary" ? Theme.primary
                                : kind === "danger" ? Theme.dangerBorder
                                : kind === "bar" ? Theme.barBorder
                                : selected ? Theme.selected : Theme.surfaceBorder

    focusPolicy: Qt.StrongFocus
    activeFocusOnTab: true
    implicitWidth: Math.max(main ? Theme.targetMain : Theme.targetMin,
                            implicitContentWidth + 2 * Theme.padding)
    implicitHeight: Math.max(main ? Theme.targetMain : Theme.targetMin,
                             implicitContentHeight + 2 * Theme.padding)
    padding: Theme.padding

    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.description: description
    Accessible.checkable: selectable
    Accessible.checked: selected

    function trigger(): void {
        const now = Date.now()
        if (now - lastActivation < Shell.tapFilterMs)
            return
        lastActivation = now
        activated()
    }
    onClicked: trigger()
    Keys.onReturnPressed: trigger()
    Keys.onEnterPressed: trigger()

    contentItem: Item {
        implicitWidth: Math.max(title.implicitWidth, detail.visible ? detail.implicitWidth : 0)
        implicitHeight: title.height + (detail.visible ? Theme.gap / 2 + detail.height : 0)
        Text {
            id: title
            width: parent.width
            text: control.text
            color: control.ink
            font.pixelSize: control.fontSize
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: control.description ? Text.AlignLeft : Text.AlignHCenter
            lineHeight: 1.15
        }
        Text {
            id: detail
            y: title.height + Theme.gap / 2
            width: parent.width
            visible: control.description !== ""
            text: control.description
            color: control.ink
            font.pixelSize: control.fontSize
            wrapMode: Text.WordWrap
            lineHeight: 1.2
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.down ? (control.kind === "primary" ? Theme.primaryPressed
                                                          : Theme.surfacePressed)
                            : control.fill
        border.color: control.edge
        border.width: control.selected ? Theme.border * 2 : Theme.border

        Rectangle { // the one focus indicator, outside the button so it never hides the label
            anchors.fill: parent
            anchors.margins: -Theme.focusWidth - 2
            visible: control.activeFocus
            color: "transparent"
            radius: Theme.radius + Theme.focusWidth
            border.color: Theme.focus
            border.width: Theme.focusWidth
        }
    }
}
