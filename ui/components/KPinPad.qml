pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// A big numeric keypad with a masked display. Digits are never shown or spoken. On a wide
// screen the display stands beside the keys, so the keypad fits under a question at any size.
GridLayout {
    id: pad

    property string value: ""
    property int maxLength: 12
    property bool masked: true
    property bool footerActions: false // OK and Cancel are the screen's footer, not the pad's
    // two rows of keys (1–5, 6–0) for a room too low for the phone's four rows: the keys keep
    // their 20 mm
    property bool twoRows: false
    // the room the pad needs with four rows of keys (and its display above them, unless beside)
    readonly property real fourRowsNeed: 4 * correctKey.implicitHeight + 3 * Theme.gap
                                         + (sideBySide ? 0 : display.implicitHeight + rowSpacing)
    //: Shown in the PIN field before any digit is typed
    property string placeholder: qsTr("Type the digits") // e.g. the question's format example
    signal submitted(string value)
    signal cancelled

    // beside the keys on a wide panel; an upright panel has the height to stack them
    readonly property bool sideBySide: width >= Theme.mm(250) && Window.width > Window.height
    columns: sideBySide ? 2 : 1
    columnSpacing: Theme.gap * 2
    rowSpacing: Theme.gap

    function clear(): void {
        value = ""
    }

    Rectangle {
        id: display
        Layout.fillWidth: true
        Layout.preferredWidth: 2 // beside the keys: two fifths of the width
        Layout.fillHeight: pad.sideBySide
        implicitHeight: shown.implicitHeight + 2 * Theme.gap
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        KText {
            id: shown
            anchors.fill: parent
            verticalAlignment: Text.AlignVCenter
            anchors.margins: Theme.gap
            horizontalAlignment: Text.AlignHCenter
            color: Theme.surfaceText
            font.pixelSize: Theme.fontHeading
            font.letterSpacing: pad.value === "" ? 0 : Theme.gap
            text: pad.value === "" ? pad.placeholder
                                   : (pad.masked ? "\u25cf".repeat(pad.value.length) : pad.value)
            Accessible.role: Accessible.StaticText
            Accessible.name: pad.masked ? qsTr("%1 digits typed").arg(pad.value.length) : text
        }
    }

    GridLayout {
        Layout.fillWidth: true
        Layout.preferredWidth: 3
        columns: pad.twoRows ? 6 : 3
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap

        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
            KButton {
                required property string modelData
                required property int index
                Layout.row: pad.twoRows ? Math.floor(index / 5) : Math.floor(index / 3)
                Layout.column: pad.twoRows ? index % 5 : index % 3
                Layout.fillWidth: true
                Layout.preferredWidth: 1 // columns of equal width
                fontSize: Theme.fontChrome // keys stay ≥ 20 mm; their digits need not grow more
                text: modelData
                onActivated: if (pad.value.length < pad.maxLength) pad.value += modelData
            }
        }
        KButton {
            id: correctKey
            Layout.row: pad.twoRows ? 0 : 3
            Layout.column: pad.twoRows ? 5 : 0
            Layout.fillWidth: true
            Layout.preferredWidth: pad.twoRows ? 2 : 1 // two rows: room for its word in a column
            fontSize: Theme.fontChrome
            //: Deletes the last digit typed
            text: qsTr("Correct")
            onActivated: pad.value = pad.value.slice(0, -1)
        }
        KButton {
            Layout.row: pad.twoRows ? 1 : 3
            Layout.column: pad.twoRows ? 4 : 1
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            fontSize: Theme.fontChrome
            text: "0"
            onActivated: if (pad.value.length < pad.maxLength) pad.value += "0"
        }
        KButton {
            Layout.row: pad.twoRows ? 1 : 3
            Layout.column: pad.twoRows ? 5 : 2
            Layout.fillWidth: true
            Layout.preferredWidth: pad.twoRows ? 2 : 1
            fontSize: Theme.fontChrome
            visible: !pad.footerActions
            kind: "primary"
            text: qsTr("OK")
            enabled: pad.value.length > 0
            onActivated: pad.submitted(pad.value)
        }
    }
    KButton {
        Layout.fillWidth: true
        Layout.columnSpan: pad.columns
        visible: !pad.footerActions
        text: qsTr("Cancel")
        onActivated: pad.cancelled()
    }
}
