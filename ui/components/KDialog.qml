import QtQuick
import QtQuick.Layouts
import Kiosk

// A modal panel over the current screen. It blocks touches behind it; the first button gets
// keypad focus when it opens. Put KButtons inside; they are laid out in a column.
Item {
    id: dialog

    property string title
    property string message
    property string notice // an extra line in a notice colour (e.g. a countdown)
    property bool speakOnOpen: true // read title and message aloud when it opens
    readonly property bool blocksBehind: true // modal: the audit ignores the controls behind it
    default property alias buttons: buttonColumn.data

    anchors.fill: parent
    visible: false
    z: 100

    // Title, message and notice as sentences, so the voice pauses between them.
    function spokenText(): string {
        return [title, message, notice].filter(t => t !== "")
            .map(t => /[.!?:…]$/.test(t) ? t : t + ".").join(" ")
    }

    function open(): void {
        visible = true
        focusTimer.start()
        if (speakOnOpen)
            Speech.speak(spokenText())
    }
    function close(): void {
        visible = false
    }

    Timer { // after the buttons exist and are visible
        id: focusTimer
        interval: 0
        onTriggered: {
            for (let i = 0; i < buttonColumn.children.length; ++i) {
                const child = buttonColumn.children[i]
                if (child.visible && child.activeFocusOnTab) {
                    child.forceActiveFocus()
                    return
                }
            }
        }
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.scrim
    }
    MouseArea { // modal: nothing behind the dialog can be touched
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        Accessible.ignored: true
    }

    Rectangle {
        id: panel
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.contentMaxWidth)
        // as tall as its words need, never taller than the window: then the message pages
        // itself and the buttons stay pinned at the foot, always on screen (no dialog is a trap)
        height: Math.min(parent.height - 2 * Theme.gap,
                         heading.implicitHeight + (messageText.visible ? messageText.naturalHeight
                                                                   + content.spacing : 0)
                         + (noticeBox.visible ? noticeBox.implicitHeight + content.spacing : 0)
                         + buttonColumn.implicitHeight + content.spacing + 2 * Theme.margin)
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        radius: Theme.radius

        ColumnLayout {
            id: content
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.gap * 2

            KText {
                id: heading
                Layout.fillWidth: true
                text: dialog.title
                color: Theme.surfaceText
                font.pixelSize: Theme.fontHeading
                font.bold: true
                lineHeight: Theme.lineHeightTight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KPagedText {
                id: messageText
                objectName: "dialogMessage"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: naturalHeight
                visible: dialog.message !== ""
                text: dialog.message
                color: Theme.surfaceText
            }
            Rectangle {
                id: noticeBox
                Layout.fillWidth: true
                visible: dialog.notice !== ""
                implicitHeight: noticeText.implicitHeight + 2 * Theme.gap
                color: Theme.notice
                border.color: Theme.noticeBorder
                border.width: Theme.border
                KText {
                    id: noticeText
                    anchors.fill: parent
                    anchors.margins: Theme.gap
                    text: dialog.notice
                    color: Theme.noticeText
                    font.bold: true
                }
            }
            ColumnLayout {
                id: buttonColumn
                objectName: "dialogButtons"
                Layout.fillWidth: true
                spacing: Theme.gap
            }
        }
    }
}
