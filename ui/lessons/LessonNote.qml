pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import "../components"

// Feedback or a hint in a calm notice box; never red, because nothing here is a failure.
Rectangle {
    id: note
    property string text
    property bool good: true
    visible: text !== ""
    implicitHeight: label.implicitHeight + 2 * Theme.padding
    color: Theme.notice
    border.color: Theme.noticeBorder
    border.width: Theme.border
    radius: Theme.radius

    KText {
        id: label
        x: Theme.padding
        y: Theme.padding
        width: note.width - 2 * Theme.padding
        color: Theme.noticeText
        text: note.text
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
}
