import QtQuick
import QtQuick.Templates as T

// The lower part of the window while someone types: the on-screen keyboard (loaded after the
// first frame, by file name, so QtVirtualKeyboard is not even compiled before it) and, right
// above the keys, the typing strip with the field's label and the text so far.
Item {
    id: area

    property real contentTop // where the screen starts (below the bar and the practice notice)
    property Item focusItem // the window's active focus item
    property KScreen screen // the screen being typed on: its question shows above the keys
    readonly property TextInput field: focusItem instanceof TextInput ? focusItem as TextInput
                                                                        : null
    // The keypad's Up and Down pass through a field without typing in it: the keys come up when
    // a field is touched, not under a person finding their way by the keypad.
    property bool byKeypad: false
    readonly property bool shown: keyboard.item ? (keyboard.item as KKeyboard).active && !byKeypad
                                                : false
    readonly property bool typing: strip.visible
    readonly property real keysTop: keyboard.y
    readonly property real typingTop: strip.y

    readonly property bool started: keyboard.active
    function start(): void {
        keyboard.active = true
    }

    // Each field starts in its own script and names its own Enter key: a lesson's field asks
    // for a layout ("qwerty", "jcuken", "alphabetical"); an address or e-mail field for Latin.
    onFieldChanged: {
        if (!field)
            return
        const owner = field.parent as KTextField // read here: a binding may not have caught up
        const wish = owner ? owner.keyboardLayout : ""
        const latinHints = Qt.ImhLatinOnly | Qt.ImhEmailCharactersOnly | Qt.ImhUrlCharactersOnly
        KeyboardState.cyrillicOrder = wish === "jcuken" || wish === "alphabetical" ? wish
                                                                                  : "phonetic"
        KeyboardState.latin = wish === "qwerty"
                || (wish === "" && ((field.inputMethodHints & latinHints) !== 0
                                    || KeyboardState.latinFirst))
        KeyboardState.enterText = owner ? owner.enterText : ""
        const reason = (field as T.TextField)?.focusReason
        byKeypad = reason === Qt.TabFocusReason || reason === Qt.BacktabFocusReason
    }
    PointHandler { // a touch (on the field, to type in it) brings the keys back; takes nothing
        onActiveChanged: if (active) area.byKeypad = false
    }
    // The keys: 20 mm and a 2 mm gap in rows of 22 mm, as wide as the window allows up to keys
    // of 27 mm on a wide panel (12 of them: the longest rows, Ukrainian and Turkish); wider with
    // larger text, so the named keys' words and a long space bar fit in the lowest row.
    Binding {
        target: KeyboardState
        property: "width"
        value: Math.min(area.width, Theme.mm(12 * 27 * (1 + (Theme.textScale - 1) / 2)))
    }
    Binding {
        target: KeyboardState
        property: "rowHeight"
        value: Theme.targetMain + Theme.keyGap
    }

    Rectangle { // beside the keys, where the screen would show through
        visible: area.shown
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: keyboard.top
        anchors.bottom: parent.bottom
        color: Theme.keyboardTray
    }

    KTypingStrip {
        id: strip
        objectName: "typingStrip"
        screen: area.screen
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: keyboard.top
        // too little room left for a screen to be of use: the strip takes it all
        height: keyboard.y - implicitHeight - area.contentTop < Theme.targetMain * 2
                ? keyboard.y - area.contentTop : implicitHeight
        field: area.shown ? area.field : null
    }

    Loader {
        id: keyboard
        active: false
        asynchronous: true
        // The kiosk style makes the keyboard exactly as large as KeyboardState says, so the
        // screen moves up above the keys instead of lying under them.
        width: KeyboardState.width
        x: (area.width - width) / 2
        height: item ? KeyboardState.height : 0
        y: area.shown ? area.height - height : area.height
        source: "KKeyboard.qml"
    }
}
