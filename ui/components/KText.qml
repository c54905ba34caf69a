import QtQuick

// Body text: wraps, never elides; sizes and colours from the Theme.
Text {
    color: Theme.text
    font.pixelSize: Theme.fontBody
    wrapMode: Text.Wrap
    lineHeight: Theme.lineHeight
    textFormat: Text.PlainText
    elide: Text.ElideNone
}
