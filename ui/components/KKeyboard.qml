import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Kiosk

// The on-screen keyboard, Bulgarian layout first, in the language of the person. Main.qml
// loads it after the first frame: it is the heaviest part of the interface to create.
InputPanel {
    id: panel

    readonly property string keyboardLocale: Session.language === "bg" ? "bg_BG"
                                           : Session.language === "uk" ? "uk_UA"
                                           : Session.language === "tr" ? "tr_TR" : "en_GB"

    objectName: "keyboard"
    visible: active

    function applyLocale(): void {
        VirtualKeyboardSettings.activeLocales = [keyboardLocale, "bg_BG", "en_GB"]
            .filter((locale, i, all) => all.indexOf(locale) === i)
        VirtualKeyboardSettings.locale = keyboardLocale
    }
    onKeyboardLocaleChanged: applyLocale()
    Component.onCompleted: applyLocale()
}
