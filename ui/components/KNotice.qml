import QtQuick
import QtQuick.Layouts

// A notice inside a screen's content: a sentence the resident must not miss (a problem, what
// is missing, information from the city), in the notice colours. Not drawn while it is empty.
Rectangle {
    id: notice

    property alias text: words.text
    readonly property string spokenText: visible ? text : "" // read with the screen

    Layout.fillWidth: true
    visible: text !== ""
    implicitHeight: words.implicitHeight + 2 * Theme.padding
    color: Theme.notice
    border.color: Theme.noticeBorder
    border.width: Theme.border
    radius: Theme.radius
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    KText {
        id: words
        x: Theme.padding
        y: Theme.padding
        width: notice.width - 2 * Theme.padding
        color: Theme.noticeText
        Accessible.ignored: true
    }
}
