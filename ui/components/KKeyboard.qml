import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The on-screen keyboard in the kiosk's style (ui/keyboard/): the letters of the resident's
// language or Latin ones, as KeyboardState says. Main.qml loads it after the first frame: it is
// the heaviest part of the interface to create.
InputPanel {
    id: panel

    readonly property string locale: KeyboardState.latin ? KeyboardState.latinLocale
                                                         : KeyboardState.cyrillicLocale
    // Every layout compiled ahead, in the background. Qt's keyboard loads a layout on the spot
    // when the language changes; a file not yet compiled would make it wait for QML's loader
    // thread, and that thread may need Python (the translator) while Python waits for it, as
    // when Session.setLanguage, a Python slot, changes the language.
    property list<Component> compiled

    objectName: "keyboard"
    visible: active

    function applyLocale(): void {
        VirtualKeyboardSettings.activeLocales = [KeyboardState.cyrillicLocale,
                                                 KeyboardState.latinLocale]
        VirtualKeyboardSettings.locale = locale
    }
    onLocaleChanged: Qt.callLater(applyLocale) // from the event loop, never inside a Python call
    Component.onCompleted: {
        applyLocale()
        for (const file of ["bg_BG/main.qml", "uk_UA/main.qml", "en_GB/main.qml",
                            "tr_TR/main.qml", "fallback/symbols.qml"])
            compiled.push(Qt.createComponent(Qt.resolvedUrl("../keyboard/layouts/" + file),
                                             Component.Asynchronous, panel))
    }
}
