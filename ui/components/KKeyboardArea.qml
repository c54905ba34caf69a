import QtQuick

// The lower part of the window while someone types: the on-screen keyboard (loaded after the
// first frame, by file name, so QtVirtualKeyboard is not even compiled before it) and, right
// above the keys, the typing strip with the field's label and the text so far.
Item {
    id: area

    property real contentTop // where the screen starts (below the bar and the practice notice)
    property Item focusItem // the window's active focus item
    property KScreen screen // the screen being typed on: its question shows above the keys
    readonly property bool shown: keyboard.item ? (keyboard.item as KKeyboard).active : false
    readonly property bool typing: strip.visible
    readonly property real keysTop: keyboard.y
    readonly property real typingTop: strip.y

    function start(): void {
        keyboard.active = true
    }

    Rectangle { // beside the keys, where the screen would show through
        visible: area.shown
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: keyboard.top
        anchors.bottom: parent.bottom
        color: Theme.background
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
        field: area.shown && area.focusItem instanceof TextInput
               ? area.focusItem as TextInput : null
    }

    Loader {
        id: keyboard
        active: false
        asynchronous: true
        // The Loader sizes the panel to its implicit height, so the screen moves up above the
        // keys instead of lying under them. The default style is 2560 × 800 (height 0.3125 of
        // the width): the keys get the whole width unless the bar, the practice notice and the
        // typing strip would not fit, and never less than 45 % of the window's height (on a
        // 21.5-inch 1080p panel: rows of 24 mm, letters of 4.2 mm).
        readonly property real room: area.height - area.contentTop - strip.fullHeight
        width: Math.min(area.width, Math.max(area.height * 0.45, room) / 0.3125)
        x: (area.width - width) / 2
        height: item ? (item as KKeyboard).implicitHeight : 0
        y: area.shown ? area.height - height : area.height
        source: "KKeyboard.qml"
    }
}
