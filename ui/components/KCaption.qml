import QtQuick
import Kiosk

// What the voice is saying, as a caption, with the word being spoken highlighted. It follows the
// playback position (Speech.wordStart/wordLength) and shows the sentence around that word.
Rectangle {
    id: caption

    readonly property string spoken: Speech.currentText
    readonly property int start: Speech.wordStart
    readonly property int length: Speech.wordLength

    function escapeHtml(text: string): string {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    }

    // The sentence that holds the current word (or the first sentence before any word).
    function sentenceBounds(): list<int> {
        const at = Math.max(0, start)
        let from = 0
        const ends = /[.!?…]\s+/g
        let match
        while ((match = ends.exec(spoken)) !== null) {
            const end = match.index + match[0].length
            if (end > at)
                return [from, match.index + 1]
            from = end
        }
        return [from, spoken.length]
    }

    function markup(): string {
        const bounds = sentenceBounds()
        if (start < bounds[0] || start >= bounds[1] || length <= 0)
            return escapeHtml(spoken.slice(bounds[0], bounds[1]))
        return escapeHtml(spoken.slice(bounds[0], start))
            + "<span style=\"background-color:" + Theme.highlight + ";color:"
            + Theme.highlightText + "\">" + escapeHtml(spoken.slice(start, start + length))
            + "</span>" + escapeHtml(spoken.slice(start + length, bounds[1]))
    }

    visible: Speech.speaking && spoken !== ""
    color: Theme.surface
    border.color: Theme.surfaceBorder
    border.width: Theme.border
    implicitHeight: words.implicitHeight + 2 * Theme.gap

    Text {
        id: words
        objectName: "captionText"
        anchors.fill: parent
        anchors.margins: Theme.gap
        textFormat: Text.RichText
        wrapMode: Text.Wrap
        color: Theme.surfaceText
        font.pixelSize: Theme.fontBody
        lineHeight: 1.3
        text: caption.visible ? caption.markup() : ""
        Accessible.ignored: true // the same words are being spoken
    }
}
