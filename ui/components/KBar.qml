pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The bar on every screen after the attract screen, the same buttons in the same places:
// Home, Help, Listen, Repeat, text size, and Finish always last. Its labels
// are chrome (Theme.fontChrome): they grow to the large step only, so the screen keeps its room.
// On a narrow panel (portrait) the bar takes two rows rather than squeezing words.
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
    // One row when every button's longest word fits beside the others (words never break;
    // a description may wrap); on a narrow panel the pictograms give way first, then the bar
    // takes two rows of three.
    readonly property bool pictograms: need(true) <= width || need(false) > width
    readonly property bool oneRow: need(pictograms) <= width

    function need(withPictograms: bool): real {
        let total = Theme.gap
        for (let i = 0; i < grid.children.length; ++i) {
            const child = grid.children[i] as Item
            if (child && child.visible)
                total += minWidth(child, true, withPictograms) + Theme.gap
        }
        return total
    }

    // A button's width with its lines unbroken (or, with `words`, its longest word).
    function minWidth(item: Item, words: bool, withPictograms: bool): real {
        const button = item as KButton
        let widest = 0
        for (const text of [button?.text ?? "", button?.description ?? ""])
            for (const part of words ? text.split(/\s+/) : [text])
                widest = Math.max(widest, metrics.advanceWidth(part))
        const pictogram = withPictograms && bar.pictogramOf[button.objectName] !== undefined
                          ? Math.round(bar.fontSize * 1.3) + Theme.gap : 0
        return Math.ceil(widest) + pictogram + 2 * button.pad + Theme.border * 2
    }

    color: Theme.bar
    implicitHeight: grid.implicitHeight + 2 * Theme.gap

    FontMetrics {
        id: metrics
        font.pixelSize: bar.fontSize
        font.bold: true
    }

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.margins: Theme.gap
        columns: bar.oneRow ? 6 : 3
        rowSpacing: Theme.gap
        columnSpacing: Theme.gap

        KButton {
            objectName: "barHome"
            icon.name: bar.pictograms ? bar.pictogramOf[objectName] : ""
            kind: "bar"
            //: Goes to the first screen with all the choices; keeps text size and language
            text: qsTr("Home")
            Layout.fillWidth: true
            Layout.preferredWidth: bar.minWidth(this, false, bar.pictograms)
            Layout.minimumWidth: bar.minWidth(this, true, bar.pictograms)
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
            Layout.preferredWidth: bar.minWidth(this, false, bar.pictograms)
            Layout.minimumWidth: bar.minWidth(this, true, bar.pictograms)
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
            Layout.preferredWidth: bar.minWidth(this, false, bar.pictograms)
            Layout.minimumWidth: bar.minWidth(this, true, bar.pictograms)
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
            Layout.preferredWidth: bar.minWidth(this, false, bar.pictograms)
            Layout.minimumWidth: bar.minWidth(this, true, bar.pictograms)
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
            Layout.preferredWidth: bar.minWidth(this, false, bar.pictograms)
            Layout.minimumWidth: bar.minWidth(this, true, bar.pictograms)
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
            Layout.preferredWidth: bar.minWidth(this, false, bar.pictograms)
            Layout.minimumWidth: bar.minWidth(this, true, bar.pictograms)
            Layout.fillHeight: true
            fontSize: bar.fontSize
            pad: Theme.gap
            onActivated: bar.finishRequested()
        }
    }
}
