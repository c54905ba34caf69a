import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Components
import "../../components"

// The lowest row, in words: "Цифри" (or "Букви" on the digits page), the one key that changes
// the letters to Latin or Cyrillic, the space bar, the full stop, and Enter named for what it
// does ("Напред" unless the field names its own action). Each named key is as wide as its word;
// when the words do not fit at the text size they all shrink together, never below the
// large-text minimum, and the space bar takes the rest.
KeyboardRow {
    id: row

    property real keyWidth
    property real rowWidth
    property bool latin: false // this layout's letters are Latin
    property bool digits: false // the digits and signs page

    readonly property real pad: 5 * Theme.keyGap // the gap, the key's edge and some air
    readonly property real words: digitsWord.advanceWidth + enterWord.advanceWidth
                                  + (scriptKey.visible ? scriptWord.advanceWidth : 0)
    readonly property int namedKeys: scriptKey.visible ? 3 : 2
    // room for the named keys: the row less the full stop and a space bar of 1.5 keys
    readonly property real room: rowWidth - 2.5 * keyWidth - namedKeys * pad
    readonly property int wordSize: Math.max(Theme.fontMinimum, Math.min(Theme.fontBody,
            Math.floor(Theme.fontBody * room / Math.max(1, words))))
    onWordSizeChanged: KeyboardState.wordSize = wordSize
    Component.onCompleted: KeyboardState.wordSize = wordSize

    function widthFor(word: TextMetrics): real {
        return Math.ceil(Math.max(1.5 * keyWidth,
                                  word.advanceWidth * wordSize / Theme.fontBody + pad))
    }

    TextMetrics {
        id: digitsWord
        font.bold: true
        font.pixelSize: Theme.fontBody
        text: digitsKey.displayText
    }
    TextMetrics {
        id: scriptWord
        font.bold: true
        font.pixelSize: Theme.fontBody
        text: scriptKey.displayText
    }
    TextMetrics {
        id: enterWord
        font.bold: true
        font.pixelSize: Theme.fontBody
        text: enterKey.displayText
    }

    SymbolModeKey {
        id: digitsKey
        objectName: "keyDigits"
        weight: row.widthFor(digitsWord)
        Layout.fillWidth: false
        //: A key of the on-screen keyboard: shows the digits and signs (instead of "&123")
        displayText: row.digits ? qsTr("Letters") : qsTr("Digits")
    }
    Key {
        id: scriptKey
        objectName: "keyScript"
        visible: !row.digits
        weight: row.widthFor(scriptWord)
        Layout.fillWidth: false
        functionKey: true
        highlighted: true
        displayText: row.latin ? qsTr("Cyrillic") : qsTr("Latin")
        // later, not inside the key's own click: the switch replaces this very row
        onClicked: Qt.callLater(KeyboardState.toggleScript)
    }
    SpaceKey {
        objectName: "keySpace"
        weight: row.keyWidth * 1.5
        repeat: false
    }
    Key {
        key: Qt.Key_Period
        text: "."
        weight: row.keyWidth
        Layout.fillWidth: false
    }
    EnterKey {
        id: enterKey
        objectName: "keyEnter"
        weight: row.widthFor(enterWord)
        Layout.fillWidth: false
        //: The Enter key of the on-screen keyboard, when the field names no action of its own
        displayText: KeyboardState.enterText !== "" ? KeyboardState.enterText : qsTr("Next")
    }
}
