pragma Singleton
import QtQuick
import Kiosk

// Every size and colour the interface uses. Sizes come from millimetres on the real panel
// (Display.pxPerMm) so a button is 20 mm wide on any screen; limits from ACCESSIBILITY.md.
QtObject {
    readonly property real pxPerMm: Display.pxPerMm
    function mm(millimetres: real): int {
        return Math.ceil(millimetres * pxPerMm)
    }
    // A button's icon (or a bar button's pictogram) beside words of this size, and the width
    // it takes with its gap: buttons use them, and whatever measures whether a label keeps
    // one line in a button.
    function iconSize(fontSize: real): real {
        return Math.round(fontSize * 1.3)
    }
    function iconRoom(fontSize: real): real {
        return iconSize(fontSize) + gap
    }

    // Text. Noto Sans has an x-height of 0.536 em and a cap height of 0.714 em: the em that
    // gives an x-height of 4.2 mm and a capital I of 4.8 mm is 7.84 mm at 700 mm; nearer
    // viewing distances keep that minimum, farther ones scale up.
    readonly property real xHeightEm: 0.536
    readonly property real capHeightEm: 0.714
    readonly property real distanceFactor: Math.max(1, Display.viewingDistanceMm / 700)
    readonly property real bodyEmMm: Math.max(4.2 / xHeightEm, 4.8 / capHeightEm) * distanceFactor
    readonly property real textScale: Session.textScale
    // The window's height (Main.qml sets it): the larger sizes are as large as the panel can
    // hold, so a short panel (1366×768) still shows the bar, the question, a choice and the
    // footer: a body line is at most 1/14 of the height, and never below the normal size.
    property real windowHeight: 0
    readonly property int fontBody: Math.max(mm(bodyEmMm), Math.min(mm(bodyEmMm * textScale),
        windowHeight > 0 ? Math.floor(windowHeight / linesPerWindow) : Infinity))
    readonly property int linesPerWindow: 14
    // The largest text size on this panel, whatever size is chosen (the attract screen's
    // text-size button is drawn at it: ACCESSIBILITY 4).
    readonly property int fontLargest: Math.max(mm(bodyEmMm), Math.min(mm(bodyEmMm * 2),
        windowHeight > 0 ? Math.floor(windowHeight / linesPerWindow) : Infinity))
    readonly property int fontHeading: Math.ceil(fontBody * 1.3)
    // Headings stay ≥ 1.25 × body (ACCESSIBILITY 3) but grow less than body text does, so the
    // question keeps to a line or two at the largest size.
    readonly property int fontTitle: Math.ceil(fontBody * (textScale > 1.2 ? 1.25 : 1.5))
    // The frame around every screen (bar, footer, caption, notices) is chrome: it follows the
    // text size only up to where its capital H is ≥ 7.3 mm (large-text mode, EN 301 549 5.1.4,
    // at 1.35 × the normal em), so the content keeps ≥ 60 % of the panel at every size.
    readonly property int fontChrome: Math.min(fontBody, mm(bodyEmMm * 1.35))
    // A short panel (a landscape one under 220 mm tall: 1366×768) is short of height, not of
    // width: the bar stands down the side with the practice marker at its foot, and the footer's
    // buttons are as tall as a main touch target (20 mm) needs and no taller: their padding and
    // the footer's margins give way, never the target's size, the gaps (≥ 2 mm) or the words.
    property real windowWidth: 0 // the window's (Main.qml sets it)
    readonly property bool shortPanel: windowHeight > 0 && windowWidth > windowHeight
                                       && windowHeight < mm(220)
    readonly property int chromeLine: Math.ceil(fontChrome * 1.362) // a line of chrome's words
    readonly property int chromePad: shortPanel
        ? Math.max(mm(1.5), Math.min(padding, Math.ceil((targetMain - chromeLine) / 2)))
        : padding
    readonly property int chromeMargin: shortPanel ? mm(2) : gap
    // Line spacing as a multiple of the font's own (Noto Sans: 1.362 em): 1.11 gives 1.51 em for
    // body text (WCAG 1.4.12), 1.0 (1.36 em) for headings and the words on buttons.
    readonly property real lineHeight: 1.11
    readonly property real lineHeightTight: 1.0
    // The smallest a word on a crowded control may shrink to: the body size at normal text, and
    // a capital of 7.3 mm (0.7° at 600 mm) in the large-text steps.
    readonly property int fontMinimum: textScale > 1 ? Math.min(fontBody, mm(7.4 / capHeightEm))
                                                     : fontBody

    // Touch targets and spacing.
    readonly property int targetMain: mm(20)
    readonly property int targetMin: mm(15)
    readonly property int gap: mm(3)
    readonly property int padding: mm(4)
    readonly property int margin: mm(8)
    readonly property int radius: mm(2)
    readonly property int border: Math.max(3, mm(0.6))
    readonly property int focusWidth: Math.max(5, mm(1.2))
    readonly property int contentMaxWidth: mm(420)
    readonly property int keyGap: mm(2) // between the on-screen keyboard's keys

    // Colours: dark on off-white by default, light on black in high contrast. Every text pair
    // is at least 7:1 and every border or focus ring at least 3:1 (tests/unit/test_theme.py).
    readonly property bool highContrast: Session.highContrast
    readonly property color background: highContrast ? "#000000" : "#f7f4ec"
    readonly property color text: highContrast ? "#ffffff" : "#161616"
    readonly property color surface: highContrast ? "#000000" : "#ffffff"
    readonly property color surfaceText: highContrast ? "#ffffff" : "#161616"
    readonly property color surfaceBorder: highContrast ? "#ffff00" : "#4a4a4a"
    readonly property color surfacePressed: highContrast ? "#333300" : "#dde6f3"
    readonly property color primary: highContrast ? "#ffff00" : "#0a3a80"
    readonly property color primaryText: highContrast ? "#000000" : "#ffffff"
    readonly property color primaryPressed: highContrast ? "#cccc00" : "#072a5c"
    readonly property color danger: highContrast ? "#000000" : "#8a1c1c"
    readonly property color dangerText: "#ffffff"
    readonly property color dangerBorder: highContrast ? "#ff8080" : "#8a1c1c"
    readonly property color bar: highContrast ? "#000000" : "#1d2b3a"
    readonly property color barText: "#ffffff"
    readonly property color barBorder: "#ffffff"
    readonly property color notice: highContrast ? "#000000" : "#fff1b8"
    readonly property color noticeText: highContrast ? "#ffff00" : "#161616"
    readonly property color noticeBorder: highContrast ? "#ffff00" : "#7a5c00"
    readonly property color scrim: highContrast ? "#e6000000" : "#b3161616"
    // Focus and selection differ in colour and in shape: focus is a ring outside the control,
    // drawn only once the keypad is used; a selected choice has a tinted fill, a thick edge and
    // a check mark with the word "selected".
    readonly property color focus: highContrast ? "#ff66ff" : "#c2410c"
    readonly property color selected: highContrast ? "#00e5ff" : "#0a3a80"
    readonly property color selectedFill: highContrast ? "#003b44" : "#dbe7f7"
    readonly property color selectedText: highContrast ? "#ffffff" : "#161616"
    readonly property color selectedMarkText: highContrast ? "#000000" : "#ffffff"
    readonly property color highlight: highContrast ? "#ffff00" : "#ffd84d"
    readonly property color highlightText: highContrast ? "#000000" : "#161616"

    // Practice widgets (ui/lessons): what a lesson draws. The named colours are content (a red
    // circle stays red in high contrast) and always come with their name on screen; text on a
    // fill is 7:1, edges 3:1 (tests/unit/test_theme.py).
    readonly property color lessonRed: highContrast ? "#ff6b61" : "#b3261e"
    readonly property color lessonGreen: highContrast ? "#5fd35f" : "#1b5e20"
    readonly property color lessonBlue: highContrast ? "#6fa8ff" : "#0b4f9c"
    readonly property color lessonYellow: "#f2c200"
    readonly property color lessonOrange: highContrast ? "#ff9a3c" : "#c25100"
    readonly property color lessonPurple: highContrast ? "#d08cff" : "#6a1b9a"
    readonly property color lessonInk: highContrast ? "#000000" : "#ffffff" // a mark on a coloured fill (yellow: text)
    // Red flags on a message, and the mark of a safe one.
    readonly property color flagFill: highContrast ? "#5c0000" : "#ffd6d1"
    readonly property color flagText: highContrast ? "#ffffff" : "#161616"
    readonly property color flagBorder: highContrast ? "#ff8080" : "#b3261e"
    readonly property color okFill: highContrast ? "#003300" : "#d7f0d9"
    readonly property color okText: highContrast ? "#ffffff" : "#161616"
    readonly property color okBorder: highContrast ? "#66ff66" : "#1b5e20"
    // A phone's messenger: the chat's wallpaper, their bubbles (surface) and mine.
    readonly property color chatBackground: highContrast ? "#000000" : "#e9e4da"
    readonly property color chatMine: highContrast ? "#003b44" : "#d9f2c9"
    readonly property color chatMineText: highContrast ? "#ffffff" : "#161616"
    readonly property color chatMeta: highContrast ? "#ffffff" : "#3f3f3f"
    // A video call fills the phone's screen, dark, with round buttons.
    readonly property color callBackground: "#1f2a33"
    readonly property color callText: "#ffffff"
    readonly property color callButton: "#3d4b57"
    readonly property color callAccept: "#1b5e20"
    readonly property color callEnd: "#b3261e"
    // The frame of a pretend phone around a practice screen.
    readonly property color phoneFrame: highContrast ? "#ffffff" : "#2b2b2b"
    // The on-screen keyboard: white letter keys with dark edges on a darker tray, function keys
    // (shift, delete, Numbers, Latin) a shade of blue, the Enter key in the primary colour.
    readonly property color keyboardTray: highContrast ? "#000000" : "#d8d2c4"
    readonly property color keyFunction: highContrast ? "#262626" : "#dfe5ee"
}
