import QtQuick
import QtQuick.VirtualKeyboard.Components
import "../../keys"

// The digits and signs page ("Цифри"), the same in every language: digits in a row as on a
// phone, the signs of addresses, e-mail and money, and "Букви" to go back.
KeyboardLayout {
    id: layout

    readonly property real keyWidth: width / 11

    LetterRow {
        letters: "1234567890"
        keyWidth: layout.keyWidth
    }
    LetterRow {
        letters: "@.,-_/:;?!"
        keyWidth: layout.keyWidth
    }
    LetterRow {
        letters: "()+=#%&*€'"
        keyWidth: layout.keyWidth
        backspace: true
    }
    BottomRow {
        keyWidth: layout.keyWidth
        rowWidth: layout.width
        digits: true
    }
}
