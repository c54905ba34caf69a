import QtQuick
import QtQuick.VirtualKeyboard.Styles
import "../../../../../components"
import "../../../../keys"

// The kiosk's style for Qt's on-screen keyboard (QT_VIRTUALKEYBOARD_STYLE=kiosk): keys as large
// as the kiosk's buttons, letters at the resident's text size, the kiosk's colours in both
// themes, words instead of symbols. The keys themselves are in ui/keyboard/layouts/.
KeyboardStyle {
    id: style

    // The keyboard is exactly as large as KKeyboardArea asks (KeyboardState): the design size
    // only sets the height for a width, and the width is always the one asked for.
    keyboardDesignWidth: KeyboardState.width > 0 ? KeyboardState.width : 1000
    keyboardDesignHeight: KeyboardState.width > 0 ? KeyboardState.height : 400
    // never taller than asked, even for the moment the width is still the old one
    keyboardDesignMaximumHeight: keyboardDesignHeight
    // no margin left and right: on a portrait panel twelve keys of 20 mm need every pixel
    keyboardRelativeLeftMargin: 0
    keyboardRelativeRightMargin: 0
    keyboardRelativeTopMargin: Theme.keyGap / 2 / keyboardDesignHeight
    keyboardRelativeBottomMargin: Theme.keyGap / 2 / keyboardDesignHeight

    keyboardBackground: Rectangle {
        color: Theme.keyboardTray
    }

    keyPanel: KeyFace {}
    backspaceKeyPanel: KeyFace {
        glyph: "backspace"
    }
    shiftKeyPanel: KeyFace {
        glyph: "shift"
    }
    spaceKeyPanel: KeyFace {
        //: The word written on the space bar of the on-screen keyboard
        word: qsTr("space")
    }
    symbolKeyPanel: KeyFace {}
    modeKeyPanel: KeyFace {}
    enterKeyPanel: KeyFace {
        primary: true
    }
    // No hide, language, handwriting or settings keys: the layouts have none, and a resident
    // must not be able to hide the keys or leave the kiosk from them.
    hideKeyPanel: null
    languageKeyPanel: null
    handwritingKeyPanel: null

    // While a finger is on a letter, the letter shows large above it.
    characterPreviewMargin: Theme.keyGap
    characterPreviewDelegate: Rectangle {
        property string text
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        radius: Theme.radius
        Text {
            anchors.centerIn: parent
            text: parent.text
            color: Theme.surfaceText
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
    }

    selectionListHeight: 0
}
