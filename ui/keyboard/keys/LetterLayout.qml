import QtQuick
import QtQuick.VirtualKeyboard.Components

// Three rows of letters (the last between shift and delete) and the row of named keys. Every
// letter key is as wide as the widest row allows: `columns` keys fill the keyboard's width, in
// whole pixels (Qt's row layout puts each key on a whole pixel: keys 98.2 px wide stood 99 px
// apart, and eleven of them ran 9 px past a portrait panel's edge).
KeyboardLayout {
    id: layout

    property list<string> rows
    property int columns
    property bool latin: false
    readonly property real keyWidth: Math.floor(width / columns)

    LetterRow {
        letters: layout.rows[0]
        keyWidth: layout.keyWidth
    }
    LetterRow {
        letters: layout.rows[1]
        keyWidth: layout.keyWidth
    }
    LetterRow {
        letters: layout.rows[2]
        keyWidth: layout.keyWidth
        shift: true
        backspace: true
    }
    BottomRow {
        keyWidth: layout.keyWidth
        rowWidth: layout.width
        latin: layout.latin
    }
}
