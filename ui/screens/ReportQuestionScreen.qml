pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: one question, drawn for its kind — answers as big tiles (one touch is the
// answer; several to tick, then Next), text with ready phrases, or a number on the keypad whose
// confirmation is the footer's Next. Dates are answers as tiles too ("Today", "Yesterday"…).
KScreen {
    id: screen
    form: true
    readonly property string kind: Report.step.kind
    readonly property bool typed: kind === "text" || kind === "longtext"
    readonly property bool oneTouch: Report.step.oneTouch === true
    title: Report.step.title
    instruction: kind === "multi" ? qsTr("Touch every answer that fits, then touch Next.")
                 : oneTouch ? (Report.step.question !== Report.step.title ? Report.step.question
                                                                          : qsTr("Touch one answer."))
                 : kind === "number" ? qsTr("Type the number.")
                 : qsTr("Type, or touch a ready phrase.")
    stepText: Report.progressText
    helpText: qsTr("Answer the question on the screen. Touching an answer is enough: the next "
                   + "question comes by itself. Questions you may skip say so. Back takes you "
                   + "to the question before; your answers are kept.")
    primaryName: "questionNext"
    // one touch is the answer; a question that may be skipped says so on its button while it
    // has no answer
    readonly property bool unanswered: Report.value === "" && Report.selected.length === 0
    //: The footer's button of a question that may be skipped, while it has no answer
    primaryText: oneTouch ? (Report.step.required ? "" : qsTr("Skip"))
                 : !Report.step.required && unanswered ? qsTr("Skip")
                 : qsTr("Next")
    onPrimaryRequested: Report.next()
    backName: "questionBack"
    customBack: true
    onBackRequested: Report.back()

    // Short of room (a large size), the field's example goes inside the empty field: the ready
    // phrases below say the same. Decided after layout (where it is changes the need), and not
    // while typing.
    property bool hintInside: false
    function refit(): void {
        if (field.input.activeFocus)
            return // typing: the keys took the room for now, the strip above them has the example
        hintInside = typed && field.showLabel
                     && contentNeed + (hintInside ? field.labelShare : 0) > contentRoom + 1
    }
    onContentNeedChanged: Qt.callLater(refit)
    onContentRoomChanged: Qt.callLater(refit)

    function refresh(): void {
        field.text = Report.value
        pad.value = Report.value
    }
    Component.onCompleted: refresh()
    Connections {
        target: Report
        function onStepMoved(): void {
            screen.refresh()
            Qt.callLater(() => { // as for a new screen: the first page, nothing focused
                tiles.showPage(0)
                phrases.showPage(0)
                screen.forceActiveFocus(Qt.OtherFocusReason)
                screen.announceSoon()
            })
        }
    }

    KNotice {
        id: notice
        objectName: "questionNotice"
        text: [Report.step.notice, Report.error, Report.busyText].filter(t => t !== "").join("\n")
    }
    // text and long text, with ready phrases
    KTextField {
        id: field
        objectName: "questionField"
        Layout.fillWidth: true
        visible: screen.typed
        label: Report.step.hint !== "" ? Report.step.hint : Report.step.title
        showLabel: label !== Report.step.title // the question is right above it
        labelInside: screen.hintInside
        input.objectName: "questionInput"
        onTextChanged: if (screen.typed && text !== Report.value) Report.setText(text)
        input.onAccepted: Report.next() // the keyboard's Enter key: the keyboard covers Next
    }
    Connections {
        target: Report
        enabled: screen.typed
        function onChanged(): void {
            if (field.text !== Report.value)
                field.text = Report.value // a ready phrase was added
        }
    }
    KPager {
        id: phrases
        objectName: "questionPhrases"
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: screen.typed
        model: screen.typed ? Report.step.phrases : []
        delegate: KButton {
            required property string modelData
            required property int index
            objectName: "questionPhrase" + index
            main: false
            text: modelData
            description: qsTr("Adds this phrase to your answer")
            onActivated: Report.addPhrase(modelData)
        }
    }

    // a number (and the phone number) on the big keypad, the format example in its display;
    // its OK is the footer's Next
    KPinPad {
        id: pad
        objectName: "questionPad"
        Layout.fillWidth: true
        Layout.alignment: Qt.AlignTop // under the question, not in the middle of the room
        visible: screen.kind === "number"
        masked: false
        footerActions: true
        // the phone's four rows of keys where they fit under the question, else two rows
        twoRows: screen.contentRoom < fourRowsNeed + (notice.visible ? notice.height + Theme.gap * 2 : 0)
        placeholder: Report.step.hint !== "" ? Report.step.hint : qsTr("Type the digits")
        maxLength: Report.step.id === "phone" ? 15 : 6
        onValueChanged: if (screen.kind === "number" && value !== Report.value)
                            Report.setText(value)
    }

    // answers as big tiles
    KPager {
        id: tiles
        objectName: "questionTiles"
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: screen.kind === "choices" || screen.kind === "multi"
        model: visible ? Report.step.options : []
        delegate: KButton {
            required property var modelData
            required property int index
            objectName: "questionTile" + index
            text: modelData.label
            description: modelData.detail
            selectable: true
            selected: Report.selected.indexOf(modelData.key) >= 0
            onActivated: screen.kind === "multi" ? Report.toggle(modelData.key)
                                                 : Report.choose(modelData.key)
        }
    }
}
