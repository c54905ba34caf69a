pragma Singleton
import QtQuick
import Kiosk

// What the on-screen keyboard shows now. KKeyboardArea sets it for the field being typed in;
// KKeyboard hands the letters' language to Qt's keyboard; the keyboard's style and layouts
// (ui/keyboard/) read the rest. Qt's keyboard loads those by file name: this is the one way to
// hand them the kiosk's choices.
QtObject {
    // The two scripts of the resident's language: Bulgarian or Ukrainian Cyrillic, and English
    // or Turkish Latin. Each field starts in its own script; only the named key ("Латиница",
    // "Кирилица") switches.
    readonly property string cyrillicLocale: Session.language === "uk" ? "uk_UA" : "bg_BG"
    readonly property string latinLocale: Session.language === "tr" ? "tr_TR" : "en_GB"
    readonly property bool latinFirst: Session.language === "en" || Session.language === "tr"
    property bool latin: latinFirst
    function toggleScript(): void {
        latin = !latin
    }
    // The Cyrillic letters' order: "phonetic" (ЯВЕРТЪ), "jcuken" (ЙЦУКЕН) or "alphabetical"
    // (А Б В …); a lesson asks for the one it teaches.
    property string cyrillicOrder: "phonetic"
    // The Enter key's words: the field's own action, or "Next".
    property string enterText: ""
    // The size of the words on the keys ("Цифри", "Латиница", "Напред"), set by the row of them.
    property int wordSize: 0

    // Sizes, set by KKeyboardArea from the window: the keyboard's width and the height of one
    // row of keys (a key and the gap below it).
    property real width: 0
    property real rowHeight: 0
    readonly property int rows: 4
    readonly property real height: rows * (rowHeight + 1) + Theme.keyGap // 1 px for rounding
}
