pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A practice chat drawn as messengers draw it: the contact's name on top, their messages on the
// left, yours on the right, and at the bottom a field to type in (the on-screen keyboard comes
// up), Send, and the Photo and microphone buttons. Each of your turns is what the script asks:
// type a reply, send a photo chosen in the gallery, or hold the microphone for a voice message.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property int shown: 0 // how many lines of the script are on screen
    property var typed: ({}) // line id -> what the learner typed
    property string picked: "" // the photo chosen in the gallery
    property bool galleryOpen: false
    readonly property var script: params.script || []
    readonly property var gallery: params.gallery || []
    readonly property var next: script[shown] || ({})
    readonly property string nextKind: next.sender === "me" ? (next.kind || "text") : ""
    spacing: Theme.gap
    Component.onCompleted: {
        params = Lessons.widgetParams
        advance()
    }

    function advance(): void { // their lines up to the next one the learner sends
        while (shown < script.length && script[shown].sender === "them")
            shown += 1
    }
    function photo(id: string): var {
        return gallery.find(g => g.id === id) || ({})
    }
    function send(): void {
        const line = next
        if (nextKind === "text") {
            const copy = Object.assign({}, typed)
            copy[line.id] = field.text.trim()
            typed = copy
            field.text = ""
        }
        galleryOpen = false
        picked = ""
        shown += 1
        advance()
        Lessons.act("send", line.id)
    }

    Rectangle { // the chat's top bar: who you are writing to
        Layout.fillWidth: true
        implicitHeight: contactName.implicitHeight + 2 * Theme.gap
        color: Theme.bar
        radius: Theme.radius
        KText {
            id: contactName
            x: Theme.padding
            y: Theme.gap
            width: parent.width - 2 * Theme.padding
            color: Theme.barText
            font.bold: true
            text: widget.params.contact || ""
        }
    }
    Rectangle { // the messages; with less room than they need, the newest stay in view
        id: thread
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.targetMain * 2
        implicitHeight: messages.implicitHeight + 2 * Theme.gap
        color: Theme.chatBackground
        radius: Theme.radius
        clip: true
        ColumnLayout {
            id: messages
            x: Theme.gap
            y: Math.min(Theme.gap, thread.height - implicitHeight - Theme.gap)
            width: parent.width - 2 * Theme.gap
            spacing: Theme.gap
            Repeater {
                model: widget.script.slice(0, widget.shown)
                delegate: ChatBubble {
                    required property var modelData
                    Layout.fillWidth: true
                    Layout.leftMargin: mine ? messages.width * 0.2 : 0
                    Layout.rightMargin: mine ? 0 : messages.width * 0.2
                    line: modelData
                    typed: widget.typed[modelData.id] || ""
                    photoUrl: modelData.photo ? Lessons.imageUrl(widget.photo(modelData.photo).image) : ""
                    photoLabel: modelData.photo ? widget.photo(modelData.photo).label : ""
                }
            }
        }
    }
    KText { // what to do now, with the script's words as an example
        objectName: "chatTask"
        Layout.fillWidth: true
        visible: widget.nextKind !== ""
        font.bold: true
        text: widget.nextKind === "photo" ? qsTr("Send a photo: touch Photo and choose it.")
            : widget.nextKind === "voice"
              ? qsTr("Send a voice message: hold the microphone while you speak, then let go.")
              : qsTr("Write a reply, for example: %1").arg(widget.next.text || "")
    }
    Flow { // the gallery: the pretend phone's photos
        objectName: "chatGallery"
        Layout.fillWidth: true
        visible: widget.galleryOpen
        spacing: Theme.gap * 2
        Repeater {
            model: widget.gallery
            delegate: Rectangle {
                id: thumb
                required property var modelData
                objectName: "gallery-" + modelData.id
                width: Math.min(Theme.mm(60), parent.width)
                height: picture.height + caption.implicitHeight + Theme.gap * 2
                color: widget.picked === modelData.id ? Theme.surfacePressed : Theme.surface
                border.color: widget.picked === modelData.id ? Theme.selected : Theme.surfaceBorder
                border.width: widget.picked === modelData.id ? Theme.border * 2 : Theme.border
                radius: Theme.radius
                Accessible.role: Accessible.Button
                Accessible.name: modelData.label
                Image {
                    id: picture
                    x: Theme.gap
                    y: Theme.gap
                    width: parent.width - 2 * Theme.gap
                    height: width * 3 / 4
                    source: Lessons.imageUrl(thumb.modelData.image)
                    sourceSize.width: width
                    fillMode: Image.PreserveAspectCrop
                }
                KText {
                    id: caption
                    anchors.top: picture.bottom
                    x: Theme.gap
                    width: parent.width - 2 * Theme.gap
                    color: Theme.surfaceText
                    lineHeight: 1.1
                    text: thumb.modelData.label
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        widget.picked = thumb.modelData.id
                        Lessons.act("photo", widget.next.id + ":" + thumb.modelData.id)
                    }
                }
            }
        }
    }
    RowLayout { // the field and Send
        Layout.fillWidth: true
        spacing: Theme.gap
        Item { // the field, and the light a hint puts on it
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignBottom
            implicitHeight: field.implicitHeight
            KTextField {
                id: field
                width: parent.width
                input.objectName: "chatField"
                // the keyboard's Enter key sends: the keyboard covers the Send button
                input.onAccepted: if (send.enabled) widget.send()
                label: qsTr("Message")
                enabled: widget.nextKind === "text"
            }
            Rectangle {
                visible: Lessons.hintTarget === "chatField"
                x: field.input.x - Theme.focusWidth
                y: field.input.y - Theme.focusWidth
                width: field.input.width + 2 * Theme.focusWidth
                height: field.input.height + 2 * Theme.focusWidth
                color: "transparent"
                radius: Theme.radius
                border.color: Theme.focus
                border.width: Theme.focusWidth
            }
        }
        KButton {
            id: send
            objectName: "chatSend"
            Layout.alignment: Qt.AlignBottom
            kind: "primary"
            text: qsTr("Send")
            // where it is, before there is anything to send (the step names it)
            reason: widget.nextKind === "text" ? qsTr("Write the message first") : ""
            enabled: widget.nextKind === "text" ? field.text.trim() !== ""
                   : widget.nextKind === "photo" && widget.picked === widget.next.photo
            onActivated: widget.send()
        }
    }
    RowLayout { // a photo, a voice message
        Layout.fillWidth: true
        spacing: Theme.gap * 3
        PhoneButton {
            name: "chatPhoto"
            Layout.alignment: Qt.AlignTop
            maxWidth: (widget.width - Theme.gap * 3) / 2
            label: qsTr("Photo")
            icon: "photo"
            fill: Theme.surface
            ink: Theme.surfaceText
            caption: Theme.text
            onActivated: widget.galleryOpen = widget.nextKind === "photo" || !widget.galleryOpen
        }
        PhoneButton {
            id: voice
            name: "chatVoice"
            Layout.alignment: Qt.AlignTop
            maxWidth: (widget.width - Theme.gap * 3) / 2
            label: holding ? qsTr("Recording… let go to send") : qsTr("Hold to record")
            icon: "microphone"
            holdable: true
            fill: holding ? Theme.callEnd : Theme.surface
            ink: holding ? Theme.lessonInk : Theme.surfaceText
            caption: Theme.text
            onActivated: {
                if (widget.nextKind === "voice")
                    Lessons.act("voice", widget.next.id + ":short")
            }
            onHeld: {
                if (widget.nextKind === "voice")
                    widget.send()
            }
        }
    }
}
