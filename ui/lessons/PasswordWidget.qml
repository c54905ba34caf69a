pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Build a passphrase from word tiles: more words, stronger, and still easy to remember.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property var words: []
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.mm(3)
        Repeater {
            model: widget.params.words || []
            delegate: KButton {
                required property string modelData
                required property int index
                objectName: "word-" + index
                main: false
                text: modelData
                enabled: widget.words.indexOf(modelData) < 0
                onActivated: widget.words = widget.words.concat([modelData])
            }
        }
    }
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: phrase.implicitHeight + 2 * Theme.padding
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        radius: Theme.radius
        KText {
            id: phrase
            objectName: "passphrase"
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            color: Theme.surfaceText
            text: widget.words.length ? widget.words.join(" ")
                                      : qsTr("Touch the words you want, one after another.")
        }
    }
    KButton {
        objectName: "passphraseCheck"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Is it strong?")
        onActivated: Lessons.act("words", widget.words.join("|"))
    }
}
