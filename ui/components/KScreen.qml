import QtQuick
import QtQuick.Layouts
import QtQuick.Templates as T
import Kiosk

// The frame of every screen: the question (a progress line, the title and one instruction)
// fixed at the top, the content below it, and the way forward in the window's footer (KFooter):
// Back in one place, the screen's one primary action in another. Lists in the content are paged
// (KPager), long text pages itself (KPagedText), so nothing essential is ever below the fold.
// Only when a screen still does not fit (a very small panel at the largest size) do "Up" and
// "Down" appear (no drag scrolling: ACCESSIBILITY 9); the screen audit reports that as a fault.
Item {
    id: screen

    property string title
    property string instruction
    property string helpText
    property string stepText
    property bool tapAnywhere: false // the attract screen: a touch on the background acts too
    property bool form: false // the resident fills something in: the longer idle limit applies
    signal backgroundTapped

    // The footer: Back (and where it goes), the primary action.
    property bool hasBack: Nav.canGoBack
    property bool customBack: false // true: the screen handles backRequested itself
    property string backText: qsTr("Back")
    property string backName: "back"
    signal backRequested
    property string primaryText: ""
    property string primaryName: "primary"
    property string primaryKind: "primary"
    property string primaryIcon: "next" // its pictogram (docs/pictograms.md): next, done, send…
    property bool primaryEnabled: true
    property string primaryReason: "" // why the primary action is not available yet
    signal primaryRequested
    property bool showsFooter: true
    // Controls of the screen's own beside its title where the panel is wide (a lesson step's
    // Hint and More…): they take no row of the content. On a narrow or upright panel (where
    // height is plenty) the screen shows them in its content instead (`sideOfTitle` false).
    // Beside only where the title still has its line (the screen says how wide they are).
    property Component titleSide: null
    property real titleSideWidth: 0
    readonly property bool sideOfTitle: titleSide !== null && width > height
                                        && titleMetrics.advanceWidth + titleSideWidth
                                           + Theme.gap * 2 <= header.width
    TextMetrics { // the title on one line
        id: titleMetrics
        font.pixelSize: Theme.fontTitle
        font.bold: true
        text: screen.title
    }

    default property alias content: column.data
    // Dialogs of the screen's own (a lesson step's "More…"): over the screen, under the bar.
    property alias dialogs: dialogLayer.data
    // room above and below the content for the focus ring of a control at its edge (the ring
    // is drawn outside the control, and the content area clips)
    readonly property int ringRoom: Theme.focusWidth + 2
    // When the content would not fit under the whole header (a short panel, a large size), the
    // progress line gives way first, then the instruction: the question stays, and the voice
    // still says the instruction (Help too). Worked out from heights the header does not change.
    readonly property real contentNeed: column.implicitHeight + 2 * ringRoom
    function roomUnder(withStep: bool, withInstruction: bool): real {
        return height - Theme.gap - Math.max(0, Theme.gap - ringRoom) - titleRow.implicitHeight
               - (withStep ? stepLine.implicitHeight + header.spacing : 0)
               - (withInstruction ? instructionText.implicitHeight + header.spacing : 0)
    }
    readonly property bool showInstruction: instruction !== ""
                                            && contentNeed <= roomUnder(false, true) + 1
    readonly property bool showStep: stepText !== ""
                                     && contentNeed <= roomUnder(true, showInstruction) + 1
    // the height the content can have without "Up" and "Down" (for what is shown only when
    // there is room for it)
    readonly property real contentRoom: area.height - 2 * ringRoom
    // measured against the whole content area, not the flickable that the scroll buttons shorten
    readonly property bool scrollable: column.implicitHeight + 2 * ringRoom > area.height + 1
    property Item pendingReveal: null // focused while the screen had no room to show it

    function goBack(): void {
        backRequested()
        if (!customBack)
            Nav.back()
    }

    // The texts of the visible choices in the content, for "N choices: ..." when read aloud
    // (the pages' own Previous / More buttons are not choices).
    function choices(): list<string> {
        const found = []
        const visit = item => {
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (!child.visible || child.opacity === 0)
                    continue
                if (child instanceof KButton) {
                    if (!(child as KButton).objectName.startsWith("pager"))
                        found.push((child as KButton).spokenText)
                } else {
                    visit(child)
                }
            }
        }
        visit(column)
        return found
    }

    // What the shown content says that is not a choice (a departures board's stops): items
    // with a `spokenText` that are not buttons, read with the screen after its instruction.
    function contents(): list<string> {
        const found = []
        const visit = item => {
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (!child.visible || child.opacity === 0 || child instanceof KButton)
                    continue
                if (typeof child.spokenText === "string" && child.spokenText !== "")
                    found.push(child.spokenText)
                else
                    visit(child)
            }
        }
        visit(column)
        return found
    }

    // True when a paged list on the screen has more choices on a later page.
    function moreChoices(): bool {
        const visit = item => {
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (!child.visible)
                    continue
                if (child instanceof KPager) {
                    if ((child as KPager).hasMore)
                        return true
                } else if (visit(child)) {
                    return true
                }
            }
            return false
        }
        return visit(column)
    }

    // Say the screen (title, instruction, the choices shown) when it opens, and the choices
    // again whenever what is shown changes: a list that arrives late, another page.
    property string announced: ""
    property bool opening: false
    property bool quiet: false // a dialog is open over the screen: it speaks, not the screen
    // The keys are up with the typing strip over them (the field's question and text): the
    // content stays only where it fits whole in the room left above; else the title alone
    // stays, with no cut field and no Up/Down beside the keys.
    property bool typing: false
    // A new screen: say it once its lists have been laid out (their pages fill the room left).
    function announceSoon(): void {
        opening = true
        announceTimer.restart()
    }
    // What the screen shows now, as the voice says it, and the key that tells a change.
    function shownNow(): var {
        const shown = choices()
        const more = moreChoices()
        const said = [instruction].concat(contents()).filter(t => t !== "").join(" ")
        const head = title + "\u0001" + said
        return { shown: shown, more: more, said: said, head: head,
                 key: head + "\u0001" + shown.join("\u0001") + (more ? "+" : "") }
    }
    function announce(force: bool): void {
        if (quiet)
            return
        const now = shownNow()
        if (!force && now.key === announced)
            return
        // the title or instruction changed too (a list arrived with a note): say it all again
        const whole = force || announced === "" || !announced.startsWith(now.head + "\u0001")
        announced = now.key
        if (whole)
            Speech.showScreen(title, now.said, now.shown, now.more)
        else
            Speech.showChoices(title, now.said, now.shown, now.more)
    }
    // What is shown changed while something else speaks for it (a lesson's next step is
    // narrated): Listen and Repeat say what is shown now; nothing is said.
    function note(): void {
        const now = shownNow()
        announced = now.key
        Speech.noteScreen(title, now.said, now.shown, now.more)
    }
    function refreshChoices(): void {
        if (announced !== "")
            announceTimer.restart()
    }
    onInstructionChanged: refreshChoices()
    onSideOfTitleChanged: refreshChoices() // the title's controls left or joined the content
    Timer { // after a late list or a new page has been laid out
        id: announceTimer
        interval: 0
        onTriggered: {
            screen.announce(screen.opening)
            screen.opening = false
        }
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
            if (p === column) {
                const top = item.mapToItem(flick.contentItem, 0, 0).y - Theme.focusWidth * 2
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

    onHeightChanged: revealTimer.restart()

    Timer { // after the layout settles; it goes with the screen, unlike Qt.callLater
        id: revealTimer
        interval: 0
        onTriggered: {
            const item = screen.Window.activeFocusItem
            if (screen.pendingReveal && screen.pendingReveal === item)
                screen.reveal(item)
            else if (item instanceof TextInput) // a field being typed in, not a control touched
                screen.reveal(item)
        }
    }

    Connections {
        target: screen.Window.window
        function onActiveFocusItemChanged(): void {
            // keys move the focus (Tab/Backtab): follow it
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

    ColumnLayout { // the question: always at the top, never scrolled away
        id: header
        objectName: "screenHeader"
        x: (screen.width - width) / 2
        y: Theme.gap
        width: Math.min(screen.width - 2 * Theme.margin, Theme.contentMaxWidth)
        spacing: Theme.gap / 2

        KText {
            id: stepLine
            objectName: "screenStep"
            Layout.fillWidth: true
            visible: screen.showStep
            text: screen.stepText
            font.pixelSize: Theme.fontChrome
            font.bold: true
            lineHeight: Theme.lineHeightTight
        }
        RowLayout {
            id: titleRow
            Layout.fillWidth: true
            spacing: Theme.gap * 2
            KText {
                id: titleText
                objectName: "screenTitle"
                Layout.fillWidth: true
                // beside its controls, the title keeps its line (sideOfTitle made sure of room)
                Layout.minimumWidth: screen.sideOfTitle ? Math.ceil(titleMetrics.advanceWidth) + 2
                                                        : 0
                Layout.alignment: Qt.AlignVCenter
                text: screen.title
                font.pixelSize: Theme.fontTitle
                font.bold: true
                lineHeight: Theme.lineHeightTight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Loader {
                objectName: "titleSide"
                Layout.alignment: Qt.AlignVCenter
                active: screen.sideOfTitle
                visible: active
                sourceComponent: screen.titleSide
            }
        }
        KText {
            id: instructionText
            objectName: "screenInstruction"
            Layout.fillWidth: true
            visible: screen.showInstruction
            text: screen.instruction
        }
    }

    Item { // the content's room: below the question, down to the footer
        id: area
        // folded, not hidden: a field typed in keeps its focus (the strip shows its text)
        readonly property bool folded: screen.typing && screen.scrollable
        opacity: folded ? 0 : 1
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: header.bottom
        anchors.topMargin: Math.max(0, Theme.gap - screen.ringRoom)
        anchors.bottom: parent.bottom

        Flickable {
            id: flick
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.bottom: scrollRow.visible ? scrollRow.top : parent.bottom
            anchors.bottomMargin: scrollRow.visible ? Theme.gap : 0
            contentHeight: column.height + 2 * screen.ringRoom
            interactive: false
            clip: true

            ColumnLayout {
                id: column
                objectName: "screenContent"
                x: (flick.width - width) / 2
                y: screen.ringRoom
                width: Math.min(flick.width - 2 * Theme.margin, Theme.contentMaxWidth)
                // the room that is left goes to what fills it (a paged list)
                height: Math.max(implicitHeight, flick.height - 2 * screen.ringRoom)
                spacing: Theme.gap * 2
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
                onActivated: screen.scrollBy(-1)
            }
            KButton {
                objectName: "scrollDown"
                Layout.fillWidth: true
                text: qsTr("Down")
                enabled: flick.contentY < flick.contentHeight - flick.height - 1
                onActivated: screen.scrollBy(1)
            }
        }
    }

    MouseArea { // nothing unseen under a touch while the content is folded away
        anchors.fill: area
        visible: area.folded
        z: 50
    }

    Item {
        id: dialogLayer
        anchors.fill: parent
        z: 100
    }
}
