pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// A keypad for a code printed on a card (a learner card: "K7MW-3QXD"): one large key for each
// symbol the code can have and no other, so there is no layout to switch and no look-alike
// letter to mistake; "Delete" takes back the last one. The code shows as it is printed, in
// groups, with a place for each symbol still to type. It is never read aloud.
ColumnLayout {
    id: pad

    property string label
    property bool showLabel: true // a short screen leaves it out: its title says what to type
    readonly property real labelShare: labelText.implicitHeight + spacing
    property string alphabet
    property int length: 8
    property int group: 4 // a dash after every `group` symbols, as printed
    property string value: ""

    // as many keys in a row as fit at 20 mm, or wider for the largest text (two rows of 16 on a
    // wide panel at normal text)
    // keys stay ≥ 20 mm; their letters grow with the text only up to the bar's size (as the
    // number keypad's digits do), so the keys keep to two or three rows at any size; on a short
    // panel they are as tall as 20 mm needs and no taller (Theme.chromePad, as the footer's)
    readonly property real keyWidth: Math.max(Theme.targetMain, Theme.fontChrome + 2 * Theme.padding)
    readonly property int columns: Math.max(4, Math.min(16,
                                        Math.floor((width + Theme.gap) / (keyWidth + Theme.gap))))

    function shown(text: string): string {
        let out = ""
        for (let i = 0; i < pad.length; ++i) {
            if (i > 0 && i % pad.group === 0)
                out += "-"
            out += i < text.length ? text[i] : "_"
        }
        return out
    }
    function clear(): void {
        value = ""
    }

    spacing: Theme.gap

    KText {
        id: labelText
        Layout.fillWidth: true
        visible: pad.label !== "" && pad.showLabel
        text: pad.label
        font.bold: true
    }
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: typed.implicitHeight + 2 * Theme.chromePad
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        radius: Theme.radius
        KText {
            id: typed
            objectName: "codeTyped"
            anchors.fill: parent
            anchors.leftMargin: Theme.padding
            anchors.rightMargin: Theme.padding
            anchors.topMargin: Theme.chromePad
            anchors.bottomMargin: Theme.chromePad
            horizontalAlignment: Text.AlignHCenter
            color: Theme.surfaceText
            font.pixelSize: Theme.fontHeading
            font.bold: true
            font.letterSpacing: Theme.fontHeading * 0.15
            text: pad.shown(pad.value)
            Accessible.role: Accessible.StaticText
            //: How much of a card's code is typed; the code itself is never read aloud
            Accessible.name: qsTr("%1 of %2 typed").arg(pad.value.length).arg(pad.length)
        }
    }
    GridLayout {
        Layout.fillWidth: true
        columns: pad.columns
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap

        Repeater {
            model: pad.alphabet.split("")
            KButton {
                required property string modelData
                Layout.fillWidth: true
                Layout.preferredWidth: pad.keyWidth
                fontSize: Theme.fontChrome
                pad: Theme.chromePad
                text: modelData
                onActivated: if (pad.value.length < pad.length) pad.value += modelData
            }
        }
        KButton { // in the last row's free keys when its word fits there, else a row of its own
            id: correct
            objectName: "codeDelete"
            readonly property int free: (pad.columns - pad.alphabet.length % pad.columns)
                                        % pad.columns
            readonly property bool inRow: free * pad.keyWidth + (free - 1) * Theme.gap
                                          >= implicitWidth
            Layout.fillWidth: true
            Layout.columnSpan: inRow ? free : pad.columns
            fontSize: Theme.fontChrome
            pad: Theme.chromePad
            //: Takes back the last symbol typed on a code keypad
            text: qsTr("Correct")
            onActivated: pad.value = pad.value.slice(0, -1)
        }
    }
}
