pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A practice e-service: fill in the form, check it, then send it to the practice portal
// (a real request to the kiosk's own practice server; nothing reaches the city).
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property var answers: ({})
    property bool reviewing: false
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    function answer(fieldId: string, value: string): void {
        const next = Object.assign({}, answers)
        next[fieldId] = value
        answers = next
    }
    function valueOf(kind: string): string {
        const field = (params.fields || []).find(f => f.kind === kind)
        return field ? (answers[field.id] || "") : ""
    }

    KText {
        Layout.fillWidth: true
        font.bold: true
        text: qsTr("Practice form: %1").arg(widget.params.service || "")
    }
    Repeater {
        model: widget.reviewing ? [] : (widget.params.fields || [])
        delegate: ColumnLayout {
            id: row
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.gap
            KText {
                Layout.fillWidth: true
                visible: row.modelData.kind !== "text" && row.modelData.kind !== "place"
                text: row.modelData.label
                font.bold: true
            }
            Repeater {
                model: row.modelData.kind === "choice" ? row.modelData.options : []
                delegate: KButton {
                    required property string modelData
                    required property int index
                    objectName: "form-" + row.modelData.id + "-" + index
                    Layout.fillWidth: true
                    main: false
                    text: modelData
                    selectable: true
                    selected: widget.answers[row.modelData.id] === modelData
                    onActivated: widget.answer(row.modelData.id, modelData)
                }
            }
            KTextField {
                objectName: "form-" + row.modelData.id
                Layout.fillWidth: true
                visible: row.modelData.kind === "text" || row.modelData.kind === "place"
                label: row.modelData.label
                example: row.modelData.example || ""
                text: widget.answers[row.modelData.id] || ""
                onTextChanged: if (text !== (widget.answers[row.modelData.id] || ""))
                                   widget.answer(row.modelData.id, text)
            }
            Image { // the kiosk has no camera: a practice photo stands ready to attach
                objectName: "formPhoto-" + row.modelData.id
                Layout.fillWidth: true
                Layout.maximumWidth: Theme.mm(90)
                Layout.preferredHeight: visible ? width * 3 / 4 : 0
                visible: row.modelData.kind === "photo" && (row.modelData.image || "") !== ""
                         && widget.answers[row.modelData.id] === "attached"
                source: row.modelData.image ? Lessons.imageUrl(row.modelData.image) : ""
                sourceSize.width: width
                fillMode: Image.PreserveAspectCrop
                Accessible.role: Accessible.Graphic
                Accessible.name: row.modelData.alt || ""
            }
            KButton {
                objectName: "form-" + row.modelData.id
                Layout.fillWidth: true
                visible: row.modelData.kind === "photo" && (row.modelData.image || "") !== ""
                main: false
                selectable: true
                selected: widget.answers[row.modelData.id] === "attached"
                text: widget.answers[row.modelData.id] === "attached"
                      ? qsTr("Photo attached. Touch to remove it")
                      : qsTr("Attach the practice photo")
                onActivated: widget.answer(row.modelData.id,
                                           widget.answers[row.modelData.id] === "attached"
                                           ? "" : "attached")
            }
            KText {
                Layout.fillWidth: true
                visible: row.modelData.kind === "photo" && (row.modelData.image || "") === ""
                text: qsTr("In practice there is no camera: you can leave the photo out.")
            }
        }
    }
    // Review and confirm before sending, as in the real service.
    KText {
        objectName: "formReview"
        Layout.fillWidth: true
        visible: widget.reviewing
        text: (widget.params.fields || []).map(f => f.label + ": " + (f.kind === "photo"
              ? (widget.answers[f.id] === "attached" ? qsTr("attached") : "—")
              : (widget.answers[f.id] || "—"))).join("\n")
    }
    KText {
        Layout.fillWidth: true
        visible: widget.reviewing
        font.bold: true
        text: qsTr("Before you send, check:")
    }
    Repeater {
        model: widget.reviewing ? (widget.params.checklist || []) : []
        delegate: KText {
            required property string modelData
            Layout.fillWidth: true
            text: "• " + modelData
        }
    }
    KButton {
        objectName: "formReviewButton"
        Layout.fillWidth: true
        visible: !widget.reviewing
        kind: "primary"
        text: qsTr("Check the form")
        onActivated: widget.reviewing = true
    }
    RowLayout {
        Layout.fillWidth: true
        visible: widget.reviewing
        spacing: Theme.gap * 2
        KButton {
            objectName: "formChange"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: qsTr("Change something")
            onActivated: widget.reviewing = false
        }
        KButton {
            objectName: "formSend"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            kind: "primary"
            enabled: !Lessons.busy
            text: qsTr("Send the practice report")
            onActivated: Lessons.submitPractice(widget.valueOf("place"), widget.valueOf("text"))
        }
    }
}
