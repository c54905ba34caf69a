import QtQuick
import QtQuick.Layouts
import QtQuick.Templates as T

// The frame of every screen: title, one instruction, the content, and "Up"/"Down" buttons when
// the content is taller than the screen (no drag scrolling: ACCESSIBILITY 9). The item that has
// keypad focus is always scrolled into view.
Item {
    id: screen

    property string title
    property string instruction
    property string helpText
    property string stepText
    property bool tapAnywhere: false // the attract screen: a touch on the background acts too
    property bool form: false // the resident fills something in: the longer idle limit applies
    default property alias content: column.data
    signal backgroundTapped
    // measured against the whole screen, not the flickable that the scroll buttons shorten
    readonly property bool scrollable: flick.contentHeight > screen.height + 1
    property Item pendingReveal: null // focused while the screen had no room to show it

    // The texts of the visible buttons in the content, for "N choices: ..." when read aloud.
    function choices(): list<string> {
        const found = []
        const visit = item => {
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (!child.visible)
                    continue
                if (child instanceof KButton)
                    found.push((child as KButton).text)
                else
                    visit(child)
            }
        }
        visit(column)
        return found
    }

    function scrollBy(direction: int): void {
        const target = flick.contentY + direction * flick.height * 0.8
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, target))
    }

    function reveal(item: Item): void {
        if (!item || !scrollable)
            return
        if (flick.height < Theme.targetMain) { // no room (the keys are up): when there is
            pendingReveal = item
            return
        }
        pendingReveal = null
        for (let p = item; p; p = p.parent) {
            if (p === body) {
                const top = item.mapToItem(body, 0, 0).y - Theme.focusWidth * 2
                const bottom = top + item.height + Theme.focusWidth * 4
                if (top < flick.contentY)
                    flick.contentY = Math.max(0, top)
                else if (bottom > flick.contentY + flick.height)
                    flick.contentY = Math.min(flick.contentHeight - flick.height,
                                              bottom - flick.height)
                return
            }
        }
    }

    // When the on-screen keyboard appears the screen gets shorter: keep the field being typed in
    // above the keyboard.
    onHeightChanged: revealTimer.restart()

    Timer { // after the layout settles; it goes with the screen, unlike Qt.callLater
        id: revealTimer
        interval: 0
        onTriggered: {
            const item = screen.Window.activeFocusItem
            if (screen.pendingReveal && screen.pendingReveal === item)
                screen.reveal(item) // moved to while there was no room
            else if (item instanceof TextInput) // a field being typed in, not a control touched
                screen.reveal(item)
        }
    }

    Connections {
        target: screen.Window.window
        function onActiveFocusItemChanged(): void {
            // keys move the focus (Tab/Backtab): follow it; the focus a new screen starts with
            // does not scroll, so a screen always opens at its title
            const control = screen.Window.activeFocusItem as T.Control
            if (!control || control.focusReason === Qt.TabFocusReason
                    || control.focusReason === Qt.BacktabFocusReason)
                screen.reveal(screen.Window.activeFocusItem)
        }
    }

    MouseArea {
        anchors.fill: parent
        enabled: screen.tapAnywhere
        onClicked: screen.backgroundTapped()
        Accessible.ignored: true
    }

    Flickable {
        id: flick
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: scrollRow.visible ? scrollRow.top : parent.bottom
        anchors.bottomMargin: scrollRow.visible ? Theme.gap : 0 // a cut-off control never
                                                                  // touches the Down button
        contentHeight: body.height + 2 * Theme.margin
        interactive: false
        clip: true

        ColumnLayout {
            id: body
            x: (flick.width - width) / 2
            y: Theme.margin
            width: Math.min(flick.width - 2 * Theme.margin, Theme.contentMaxWidth)
            spacing: Theme.gap * 2

            KText {
                Layout.fillWidth: true
                visible: screen.stepText !== ""
                text: screen.stepText
            }
            KText {
                Layout.fillWidth: true
                text: screen.title
                font.pixelSize: Theme.fontTitle
                font.bold: true
                lineHeight: 1.2
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KText {
                Layout.fillWidth: true
                visible: screen.instruction !== ""
                text: screen.instruction
            }
            ColumnLayout {
                id: column
                Layout.fillWidth: true
                spacing: Theme.gap * 2
            }
        }
    }

    RowLayout {
        id: scrollRow
        visible: screen.scrollable
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gap
        spacing: Theme.gap

        KButton {
            objectName: "scrollUp"
            Layout.fillWidth: true
            text: qsTr("Up")
            enabled: flick.contentY > 0
            opacity: enabled ? 1 : 0 // keeps its place, so Down never moves
            onActivated: screen.scrollBy(-1)
        }
        KButton {
            objectName: "scrollDown"
            Layout.fillWidth: true
            text: qsTr("Down")
            enabled: flick.contentY < flick.contentHeight - flick.height - 1
            opacity: enabled ? 1 : 0
            onActivated: screen.scrollBy(1)
        }
    }
}
