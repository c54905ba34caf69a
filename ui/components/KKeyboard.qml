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
    objectName: "keyboard"
    visible: active

    function applyLocale(): void {
        VirtualKeyboardSettings.activeLocales = [KeyboardState.cyrillicLocale,
                                                 KeyboardState.latinLocale]
        VirtualKeyboardSettings.locale = locale
    }
    // Later, from the event loop: Qt's keyboard then loads the new layout on the spot, and
    // QML's loader thread may need Python (the translator) meanwhile, which it cannot have
    // inside a Python call such as Session.setLanguage.
    onLocaleChanged: Qt.callLater(applyLocale)
    Component.onCompleted: applyLocale()
}
