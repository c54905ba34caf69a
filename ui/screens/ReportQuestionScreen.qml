pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: one question, drawn for its kind — text with ready phrases, a number on the
// keypad, a date with + and - buttons, answers as big tiles, or information to read.
KScreen {
    id: screen
    form: true
    readonly property string kind: Report.step.kind
    readonly property bool typed: kind === "text" || kind === "longtext"
    title: Report.step.title
    instruction: kind === "info" ? qsTr("Please read this, then touch Next.")
                : kind === "multi" ? qsTr("Touch every answer that fits, then touch Next.")
                : kind === "choices" ? qsTr("Touch one answer, then touch Next.")
                : kind === "number" ? qsTr("Type the number with the keys, then touch Next.")
                : kind === "datetime" ? qsTr("Use the + and - buttons, then touch Next.")
                : qsTr("Type on the keyboard or touch a ready phrase, then touch Next.")
    stepText: qsTr("Step %1 of %2").arg(Report.step.n).arg(Report.step.m)
    helpText: qsTr("Answer the question on the screen. Questions marked as optional can be "
                   + "skipped with Next. Back takes you to the question before; your answers "
                   + "are kept.")

    function refresh(): void {
        field.text = Report.value
        pad.value = Report.value
    }
    Component.onCompleted: refresh()
    Connections {
        target: Report
        function onStepMoved(): void {
            screen.refresh()
            Qt.callLater(() => {
                // as for a new screen: the top is in view, the first control has the focus
                screen.scrollBy(-1000)
                const first = screen.nextItemInFocusChain(true)
                if (first)
                    first.forceActiveFocus(Qt.OtherFocusReason)
                Speech.showScreen(screen.title, screen.instruction, screen.choices())
            })
        }
    }

    // text and long text
    KTextField {
        id: field
        objectName: "questionField"
        Layout.fillWidth: true
        visible: screen.typed
        label: Report.step.hint !== "" ? Report.step.hint : Report.step.title
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
    KText {
        objectName: "questionText"
        Layout.fillWidth: true
        visible: screen.kind === "info" || (Report.step.hint !== "" && !screen.typed)
        text: screen.kind === "info" ? Report.step.question : Report.step.hint
    }
    KText {
        objectName: "questionOptional"
        Layout.fillWidth: true
        visible: !Report.step.required && screen.kind !== "info"
        text: qsTr("You may skip this question.")
    }
    Rectangle {
        objectName: "questionError"
        Layout.fillWidth: true
        visible: Report.error !== "" || Report.busyText !== ""
        implicitHeight: errorText.implicitHeight + 2 * Theme.padding
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        radius: Theme.radius
        KText {
            id: errorText
            anchors.fill: parent
            anchors.margins: Theme.padding
            color: Theme.noticeText
            text: Report.error !== "" ? Report.error : Report.busyText
        }
    }

    Repeater {
        model: screen.typed ? Report.step.phrases : []
        KButton {
            required property string modelData
            required property int index
            objectName: "questionPhrase" + index
            Layout.fillWidth: true
            main: false
            text: modelData
            description: qsTr("Adds this phrase to your answer")
            onActivated: Report.addPhrase(modelData)
        }
    }

    // a number (and the phone number) on the big keypad
    KPinPad {
        id: pad
        objectName: "questionPad"
        Layout.fillWidth: true
        visible: screen.kind === "number"
        masked: false
        maxLength: Report.step.id === "phone" ? 15 : 6
        onValueChanged: if (screen.kind === "number" && value !== Report.value)
                            Report.setText(value)
        onSubmitted: Report.next()
        onCancelled: Report.back()
    }

    // a date and time with steppers
    KText {
        objectName: "questionWhen"
        Layout.fillWidth: true
        visible: screen.kind === "datetime"
        text: Report.whenText
        font.pixelSize: Theme.fontHeading
        font.bold: true
    }
    Repeater {
        model: screen.kind === "datetime"
               ? [["day", -1, qsTr("One day earlier")], ["day", 1, qsTr("One day later")],
                  ["hour", -1, qsTr("One hour earlier")], ["hour", 1, qsTr("One hour later")],
                  ["minute", -1, qsTr("15 minutes earlier")],
                  ["minute", 1, qsTr("15 minutes later")]]
               : []
        KButton {
            required property var modelData
            required property int index
            objectName: "questionShift" + index
            Layout.fillWidth: true
            main: false
            text: (modelData[1] < 0 ? "\u2212  " : "+  ") + modelData[2]
            onActivated: Report.shift(modelData[0], modelData[1])
        }
    }

    // answers as big tiles
    Repeater {
        model: screen.kind === "choices" || screen.kind === "multi" ? Report.step.options : []
        KButton {
            required property var modelData
            required property int index
            objectName: "questionTile" + index
            Layout.fillWidth: true
            text: modelData.label
            selectable: true
            selected: Report.selected.indexOf(modelData.key) >= 0
            onActivated: screen.kind === "multi" ? Report.toggle(modelData.key)
                                                 : Report.choose(modelData.key)
        }
    }

    KButton {
        objectName: "questionNext"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Next")
        onActivated: Report.next()
    }
    KButton {
        objectName: "questionBack"
        Layout.fillWidth: true
        main: false
        text: qsTr("Back")
        onActivated: Report.back()
    }
}
