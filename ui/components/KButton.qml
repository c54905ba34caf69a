pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Templates as T
import Kiosk

// The one button. It acts on release, sliding off cancels (AbstractButton does both), a second
// tap within Shell.tapFilterMs is ignored (tremor filter), and Return, Enter or Space select it.
// Use `activated`, never `clicked`, so the filter applies.
//
// States a resident must tell apart at a glance (ACCESSIBILITY, "Visible state"):
// - selected: a tinted fill, a thick edge and a check mark with the word "selected";
// - focused: a ring outside the button, in another colour, drawn only once the keypad is used;
// - not available: not drawn at all, or (with a `reason`) a flat box that says why.
T.AbstractButton {
    id: control

    property string kind: "normal" // normal | primary | danger | bar
    property bool main: true // main buttons are 20 mm, others 15 mm
    property string description: ""
    property string spokenText: text // what the voice says when it lists this choice
    property bool selected: false
    property bool selectable: false // a choice among others: says "selected" when it is
    // "✓ selected" beside the words, its room kept on every choice so choosing never moves
    // them; false: over the words of the chosen one only (a short panel's quiz, where that
    // room would cost each answer a line)
    property bool markBeside: true
    property string reason: "" // why it cannot be used now; shown while it is disabled
    property bool compact: false // the words only, no description (a list short of room)
    property int pad: Theme.padding // room around the words (the bar's buttons have less)
    property int fontSize: Theme.fontBody
    property real lastActivation: 0
    readonly property bool focusShown: activeFocus && Shell.keypadMode
    readonly property bool inactive: !enabled
    signal activated

    readonly property color fill: inactive ? Theme.background
                                : kind === "primary" ? Theme.primary
                                : kind === "danger" ? Theme.danger
                                : kind === "bar" ? Theme.bar
                                : selected ? Theme.selectedFill : Theme.surface
    readonly property color ink: inactive ? Theme.text
                               : kind === "primary" ? Theme.primaryText
                               : kind === "danger" ? Theme.dangerText
                               : kind === "bar" ? Theme.barText
                               : selected ? Theme.selectedText : Theme.surfaceText
    readonly property color edge: kind === "primary" ? Theme.primary
                                : kind === "danger" ? Theme.dangerBorder
                                : kind === "bar" ? Theme.barBorder
                                : selected ? Theme.selected : Theme.surfaceBorder

    opacity: enabled || reason !== "" ? 1 : 0 // a control that cannot be used is not shown
    focusPolicy: Qt.StrongFocus
    activeFocusOnTab: true
    implicitWidth: Math.max(main ? Theme.targetMain : Theme.targetMin,
                            implicitContentWidth + pad + rightPadding)
    // the least width that keeps every word whole (the words may take two lines)
    readonly property real wordWidth: {
        const longest = Math.max(0, ...text.split(/\s+/).map(w => wordMetrics.advanceWidth(w)))
        void wordMetrics.font.pixelSize // a new text size measures again
        return Math.max(main ? Theme.targetMain : Theme.targetMin,
                        Math.ceil(longest) + 1 + words.iconRoom + pad + rightPadding)
    }
    FontMetrics {
        id: wordMetrics
        font.pixelSize: control.fontSize
        font.bold: true
    }
    implicitHeight: Math.max(main ? Theme.targetMain : Theme.targetMin,
                             implicitContentHeight + 2 * pad + markOver)
    padding: pad
    // room for the "✓ selected" mark, so choosing never moves the words
    rightPadding: selectable && markBeside ? pad + markWidth + Theme.gap : pad
    // the mark over the words of the chosen one: their room above them
    readonly property real markOver: selectable && !markBeside && selected
                                     ? markHeight + Theme.gap / 2 : 0
    topPadding: pad + markOver

    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.description: inactive && reason !== "" ? reason : description
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

    readonly property string detailText: inactive && reason !== "" ? reason
                                       : compact ? "" : description

    // A pictogram beside the words (never instead of them): `icon.name: "help"` (the names are
    // in docs/pictograms.md). Words that fit on one line are centred together with it.
    contentItem: Item {
        id: words
        readonly property bool hasIcon: control.icon.name !== ""
        readonly property real iconSize: hasIcon ? Theme.iconSize(control.fontSize) : 0
        readonly property real iconRoom: hasIcon ? Theme.iconRoom(control.fontSize) : 0
        readonly property bool centred: control.detailText === "" && !control.selectable
        readonly property real textWidth: Math.max(0, width - iconRoom)
        readonly property real groupX: centred ? Math.max(0, (textWidth
                                                 - Math.min(title.implicitWidth, textWidth)) / 2)
                                               : 0
        implicitWidth: iconRoom + Math.max(title.implicitWidth,
                                           detail.visible ? detail.implicitWidth : 0)
        implicitHeight: group.height

        Item { // centred top to bottom when the button is taller than its words (bar, footer)
            id: group
            width: parent.width
            height: Math.max(words.iconSize, title.height
                             + (detail.visible ? Theme.gap / 2 + detail.height : 0))
            anchors.verticalCenter: parent.verticalCenter

            KIcon {
                x: words.groupX
                y: Math.max(0, (control.fontSize * 1.36 - height) / 2)
                visible: words.hasIcon
                name: control.icon.name
                size: words.iconSize
                color: control.ink
            }
            Text {
                id: title
                x: words.groupX + words.iconRoom
                width: words.centred ? Math.min(implicitWidth, words.textWidth) : words.textWidth
                text: control.text
                color: control.ink
                font.pixelSize: control.fontSize
                font.bold: true
                wrapMode: Text.WordWrap
                horizontalAlignment: words.centred ? Text.AlignHCenter : Text.AlignLeft
                lineHeight: Theme.lineHeightTight
            }
            Text {
                id: detail
                x: words.iconRoom
                y: title.height + Theme.gap / 2
                width: words.textWidth
                visible: control.detailText !== ""
                text: control.detailText
                color: control.ink
                font.pixelSize: control.fontSize
                font.italic: control.inactive
                wrapMode: Text.WordWrap
                lineHeight: Theme.lineHeight
            }
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.down ? (control.kind === "primary" ? Theme.primaryPressed
                                                          : Theme.surfacePressed)
                            : control.fill
        border.color: control.edge
        border.width: control.inactive ? 1 : control.selected ? Theme.border * 2 : Theme.border

        Rectangle { // selected: a thick bar along the leading edge as well as the fill
            visible: control.selected
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            width: Theme.border * 3
            radius: Theme.radius
            color: Theme.selected
        }

        Rectangle { // the one focus indicator, outside the button so it never hides the label
            objectName: "focusRing"
            anchors.fill: parent
            anchors.margins: -Theme.focusWidth - 2
            visible: control.focusShown
            color: "transparent"
            radius: Theme.radius + Theme.focusWidth
            border.color: Theme.focus
            border.width: Theme.focusWidth
        }
    }

    // "✓ selected", in the top corner (kept in place, invisible, when not selected) or over the
    // words at their start; made only on a choice (most buttons are never one)
    readonly property real markWidth: (markLoader.item as Item)?.width ?? 0
    readonly property real markHeight: (markLoader.item as Item)?.height ?? 0
    Loader {
        id: markLoader
        active: control.selectable
        x: control.markBeside ? control.width - control.markWidth - Theme.border * 2
                              : control.leftPadding
        y: control.markBeside ? Theme.border * 2 : control.pad
        sourceComponent: Rectangle {
            objectName: "selectedMark"
            width: markRow.implicitWidth + 2 * Theme.gap
            height: markRow.implicitHeight + Theme.gap
            radius: Theme.radius
            opacity: control.selected ? 1 : 0
            color: Theme.selected
            Row {
                id: markRow
                anchors.centerIn: parent
                spacing: Theme.gap / 2
                KCheckMark {
                    anchors.verticalCenter: parent.verticalCenter
                    size: markText.font.pixelSize
                    color: markText.color
                }
                Text {
                    id: markText
                    //: Shown on a choice that is selected, beside a check mark
                    text: qsTr("selected")
                    color: Theme.selectedMarkText
                    font.pixelSize: Theme.fontChrome
                    font.bold: true
                }
            }
        }
    }
}
