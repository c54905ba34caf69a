pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard.Components

// A row of letter keys, each `keyWidth` wide, centred; the lowest row has shift on its left and
// delete on its right, which share the room the letters leave (on the digits page delete takes
// it all). No key repeats when held, and no key hides more letters behind a long press.
KeyboardRow {
    id: row

    property string letters
    property real keyWidth
    property bool shift: false // shift at the left end
    property bool backspace: false // delete at the right end

    ShiftKey {
        visible: row.shift
        weight: 0
    }
    FillerKey {
        visible: !row.shift && !row.backspace
        weight: 0
    }
    Repeater {
        model: row.letters.split("")
        Key {
            required property string modelData
            text: modelData
            weight: row.keyWidth
            Layout.fillWidth: false
        }
    }
    BackspaceKey {
        visible: row.backspace
        weight: 0
        repeat: false
    }
    FillerKey {
        visible: !row.backspace
        weight: 0
    }
}
