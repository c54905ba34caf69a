import QtQuick

// A pictogram beside a control's words, never instead of them: `KIcon { name: "help";
// color: control.ink }`. The names and their meanings are in docs/pictograms.md. Each drawing
// (assets/icons/<name>.svg) is in one ink; the `pictogram` image provider (kiosk/bridge/
// pictograms.py) draws it at this size in `color`, so give it the colour of the words beside it
// and it meets the theme's contrast on every button fill. The words name the control, so the
// picture is hidden from speech.
Image {
    id: icon

    property string name: ""
    property int size: Math.round(Theme.fontBody * 1.2) // about one line of body text
    property color color: Theme.text

    width: size
    height: size
    sourceSize: Qt.size(size, size)
    fillMode: Image.PreserveAspectFit
    source: name === "" ? "" : "image://pictogram/" + name + "/" + String(color).slice(1)
    Accessible.ignored: true
}
