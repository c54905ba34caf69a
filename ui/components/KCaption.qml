import QtQuick
import Kiosk

// A one-line caption in the footer of every screen: the words being spoken, with the current word
// highlighted as the voice says it (it follows Speech.wordStart/wordLength). It always keeps its
// place, so nothing on the screen moves when the voice starts or stops; when the voice is quiet
// it says how to hear the screen.
Rectangle {
    id: caption

    property string idleHint
    readonly property string spoken: Speech.currentText
    readonly property bool speaking: Speech.speaking && spoken !== ""
    // about how many characters fit on the line at the current text size
    readonly property int room: Math.max(12, Math.floor((width - 2 * Theme.gap)
                                                        / (Theme.fontChrome * 0.62)))

    function escapeHtml(text: string): string {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    }

    // The words around the current one that fit on the line, the current word highlighted.
    function markup(): string {
        const start = Math.max(0, Math.min(Speech.wordStart, spoken.length))
        const length = Math.max(0, Speech.wordLength)
        let from = start
        let to = Math.min(spoken.length, start + length)
        while (to - from < room) {
            const before = from > 0 ? spoken.lastIndexOf(" ", from - 2) + 1 : 0
            const after = to < spoken.length ? spoken.indexOf(" ", to + 1) : -1
            const next = after < 0 ? spoken.length : after
            if (from > 0 && (from - before) + (to - from) <= room && (to - start) >= (start - from))
                from = before
            else if (to < spoken.length && next - from <= room)
                to = next
            else if (from > 0 && to - before <= room)
                from = before
            else
                break
        }
        if (Speech.wordStart < 0 || length === 0)
            return escapeHtml(spoken.slice(from, to))
        return escapeHtml(spoken.slice(from, start))
            + "<span style=\"background-color:" + Theme.highlight + ";color:"
            + Theme.highlightText + "\">" + escapeHtml(spoken.slice(start, start + length))
            + "</span>" + escapeHtml(spoken.slice(start + length, to))
    }

    color: Theme.surface
    border.color: Theme.surfaceBorder
    border.width: Theme.border
    // (on a short panel no taller than the footer's buttons: a line and Theme.chromeMargin)
    implicitHeight: (Theme.shortPanel ? Theme.chromeLine : Math.ceil(Theme.fontChrome * 1.5))
                    + 2 * Theme.chromeMargin

    Text {
        id: words
        objectName: "captionText"
        anchors.fill: parent
        anchors.margins: Theme.chromeMargin
        verticalAlignment: Text.AlignVCenter
        textFormat: caption.speaking ? Text.RichText : Text.PlainText
        wrapMode: Text.NoWrap
        // the hint said while the voice is quiet ends in "…" where the line is too short for it
        // (a small panel at the largest size), never running over the buttons beside it
        elide: caption.speaking ? Text.ElideNone : Text.ElideRight
        color: Theme.surfaceText
        font.pixelSize: Theme.fontChrome
        text: caption.speaking ? caption.markup() : caption.idleHint
        Accessible.ignored: true // the same words are being spoken
    }
}
