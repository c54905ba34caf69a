pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The bar on every screen after the attract screen, the same buttons in the same places:
// Home, Help, Listen, Repeat, text size, and Finish always last. Its labels
// are chrome (Theme.fontChrome): they grow to the large step only, so the screen keeps its room.
// On a narrow panel (portrait) the bar takes two rows rather than squeezing words. Down the side
// of a short panel it also carries the practice marker at its foot (the footer then keeps one
// row of buttons, Theme.shortPanel).
Rectangle {
    id: bar

    signal homeRequested
    signal helpRequested
    signal listenRequested
    signal finishRequested

    readonly property int fontSize: Theme.fontChrome
    readonly property var pictogramOf: ({ barHome: "home", barHelp: "help", barListen: "listen",
                                          barRepeat: "repeat", barTextSize: "text-size",
                                          barFinish: "finish" })
    readonly property var sizeNames: [qsTr("normal"), qsTr("large"), qsTr("largest")]
    // The first way the buttons fit, each line of words unbroken: one row with pictograms and
    // the second lines (the text size now, "new person"); one row without the second lines;
    // without the pictograms; then two rows of three the same ways (with second lines only on a
    // tall panel: two rows are already much of a short one's height). Only when nothing fits do
    // the words wrap (a very narrow panel).
    property bool vertical: false // one column down the side of the window
    readonly property var arrangement: vertical ? [1, true, tallColumnFits() ? false : true]
                                                : choose(width)
    readonly property bool oneRow: arrangement[0] === 6
    readonly property bool pictograms: arrangement[1]
    readonly property bool compact: arrangement[2]
    readonly property bool showsPractice: vertical && Backend.practice

    function choose(room: real): var {
        // two rows with second lines only where height is plentiful (a portrait panel)
        const tall = bar.parent !== null && bar.parent.height > bar.parent.width
        const ways = [[6, true, false], [6, true, true], [6, false, true]]
            .concat(tall ? [[3, true, false]] : []).concat([[3, true, true], [3, false, true]])
        for (const way of ways)
            if (need(way[0], way[1], way[2]) <= room)
                return way
        return [3, false, true]
    }

    // Down the side: each button with its second line, if the column still fits the height.
    function tallColumnFits(): bool {
        const twoLines = Math.max(Theme.targetMain, 2 * Math.ceil(fontSize * 1.36) + Theme.gap
                                                    + 2 * Theme.gap)
        return 6 * twoLines + 7 * Theme.gap
               <= height - (showsPractice ? practice.implicitHeight + Theme.gap : 0)
    }

    // The widest button's width, for a bar down the side.
    function columnWidth(): real {
        let widest = 0
        for (let i = 0; i < grid.children.length; ++i) {
            const child = grid.children[i] as Item
            if (child && child.visible)
                widest = Math.max(widest, lineWidth(child, true, compact))
        }
        return widest + 2 * Theme.gap
    }

    // The widest row's width with `columns` buttons a row.
    function need(columns: int, withPictograms: bool, withoutSecondLines: bool): real {
        const shown = []
        for (let i = 0; i < grid.children.length; ++i) {
            const child = grid.children[i] as Item
            if (child && child.visible)
                shown.push(child)
        }
        let widest = 0
        for (let first = 0; first < shown.length; first += columns) {
            let total = Theme.gap
            for (let i = first; i < Math.min(shown.length, first + columns); ++i)
                total += lineWidth(shown[i], withPictograms, withoutSecondLines) + Theme.gap
            widest = Math.max(widest, total)
        }
        return widest
    }

    // A button's width with its lines unbroken.
    function lineWidth(item: Item, withPictograms: bool, withoutSecondLine: bool): real {
        const button = item as KButton
        if (!button)
            return 0  // (null for a moment while a button is being replaced)
        void metrics.font.pixelSize // a new text size measures again (after the metrics change)
        const lines = withoutSecondLine ? [button.text] : [button.text, button.description]
        return Math.ceil(Math.max(...lines.map(line => metrics.advanceWidth(line))))
               + pictogramRoom(button, withPictograms) + 2 * button.pad + Theme.border * 2
    }

    // A button's width with only its longest word on a line (the words wrap).
    function minWidth(item: Item): real {
        const button = item as KButton
        if (!button)
            return 0
        let widest = 0
        for (const part of button.text.split(/\s+/))
            widest = Math.max(widest, metrics.advanceWidth(part))
        return Math.ceil(widest) + pictogramRoom(button, pictograms) + 2 * button.pad
               + Theme.border * 2
    }

    function pictogramRoom(button: KButton, withPictograms: bool): real {
        return withPictograms && pictogramOf[button.objectName] !== undefined
               ? Theme.iconRoom(fontSize) : 0
    }

    color: Theme.bar
    implicitHeight: grid.implicitHeight + 2 * Theme.gap
    implicitWidth: vertical ? Math.max(columnWidth(), practice.implicitWidth + 2 * Theme.gap)
                            : grid.implicitWidth + 2 * Theme.gap

    FontMetrics {
        id: metrics
        font.pixelSize: bar.fontSize
        font.bold: true
    }

    Rectangle { // the kiosk talks to the practice portal: said at the column's foot
        id: practice
        objectName: "barPractice"
        visible: bar.showsPractice
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gap
        implicitWidth: practiceWord.implicitWidth + 2 * Theme.gap
        implicitHeight: practiceWord.implicitHeight + 2 * Theme.gap
        height: implicitHeight
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        radius: Theme.radius
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("Practice: nothing is sent to the city.")
        Text {
            id: practiceWord
            anchors.centerIn: parent
            color: Theme.noticeText
            font.pixelSize: bar.fontSize
            font.bold: true
            text: qsTr("Practice")
        }
    }

    GridLayout {
        id: grid
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: practice.visible ? practice.top : parent.bottom
        anchors.margins: Theme.gap
        columns: bar.arrangement[0]
        rowSpacing: Theme.gap
        columnSpacing: Theme.gap

        KButton {
            objectName: "barHome"
            icon.name: bar.pictograms ? bar.pictogramOf[objectName] : ""
            kind: "bar"
            //: Goes to the first screen with all the choices; keeps text size and language
            text: qsTr("Home")
            Layout.fillWidth: true
            Layout.preferredWidth: bar.lineWidth(this, bar.pictograms, bar.compact)
            Layout.minimumWidth: bar.minWidth(this)
            compact: bar.compact
            Layout.fillHeight: true
            fontSize: bar.fontSize
            pad: Theme.gap
            onActivated: bar.homeRequested()
        }
        KButton {
            objectName: "barHelp"
            icon.name: bar.pictograms ? bar.pictogramOf[objectName] : ""
            kind: "bar"
            text: qsTr("Help")
            Layout.fillWidth: true
            Layout.preferredWidth: bar.lineWidth(this, bar.pictograms, bar.compact)
            Layout.minimumWidth: bar.minWidth(this)
            compact: bar.compact
            Layout.fillHeight: true
            fontSize: bar.fontSize
            pad: Theme.gap
            onActivated: bar.helpRequested()
        }
        KButton {
            objectName: "barListen"
            icon.name: bar.pictograms ? bar.pictogramOf[objectName] : ""
            kind: "bar"
            //: Reads the screen aloud
            text: qsTr("Listen")
            Layout.fillWidth: true
            Layout.preferredWidth: bar.lineWidth(this, bar.pictograms, bar.compact)
            Layout.minimumWidth: bar.minWidth(this)
            compact: bar.compact
            Layout.fillHeight: true
            fontSize: bar.fontSize
            pad: Theme.gap
            onActivated: bar.listenRequested()
        }
        KButton {
            objectName: "barRepeat"
            icon.name: bar.pictograms ? bar.pictogramOf[objectName] : ""
            kind: "bar"
            //: Says the last sentence again; pressed twice, the whole screen
            text: qsTr("Repeat")
            Layout.fillWidth: true
            Layout.preferredWidth: bar.lineWidth(this, bar.pictograms, bar.compact)
            Layout.minimumWidth: bar.minWidth(this)
            compact: bar.compact
            Layout.fillHeight: true
            fontSize: bar.fontSize
            pad: Theme.gap
            onActivated: Speech.repeat()
        }
        KButton {
            objectName: "barTextSize"
            icon.name: bar.pictograms ? bar.pictogramOf[objectName] : ""
            kind: "bar"
            //: The text-size button; under it the size now. A touch makes it one step larger, up
            //: to the largest, then one step smaller, down to normal.
            text: qsTr("Text")
            description: bar.sizeNames[Session.textStep]
            Layout.fillWidth: true
            Layout.preferredWidth: bar.lineWidth(this, bar.pictograms, bar.compact)
            Layout.minimumWidth: bar.minWidth(this)
            compact: bar.compact
            Layout.fillHeight: true
            fontSize: bar.fontSize
            pad: Theme.gap
            onActivated: {
                Session.cycleTextSize()
                Speech.speak(qsTr("Text size: %1.").arg(bar.sizeNames[Session.textStep]))
            }
        }
        KButton {
            objectName: "barFinish"
            icon.name: bar.pictograms ? bar.pictogramOf[objectName] : ""
            kind: "danger"
            //: The button a resident presses when leaving; it deletes what they entered
            text: qsTr("Finish")
            description: qsTr("new person")
            Layout.fillWidth: true
            Layout.preferredWidth: bar.lineWidth(this, bar.pictograms, bar.compact)
            Layout.minimumWidth: bar.minWidth(this)
            compact: bar.compact
            Layout.fillHeight: true
            fontSize: bar.fontSize
            pad: Theme.gap
            onActivated: bar.finishRequested()
        }
    }
}
