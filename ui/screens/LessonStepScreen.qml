pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"
import "../lessons"

// One step of a lesson per screen: "Step 3 of 9", the text, a picture, a practice or a question,
// a hint that is always one touch away, and Back, Repeat and Next.
KScreen {
    id: screen
    stepText: qsTr("Step %1 of %2").arg(Lessons.stepNumber).arg(Lessons.stepCount)
    title: Lessons.stepTitle
    helpText: qsTr("Read the text or listen to it. Repeat says it again. Hint helps when you "
                   + "are not sure. Next goes on; Back goes one step back. "
                   + "Practice cannot break anything, and you can try as often as you like.")

    readonly property var widgets: ({
        "touch_target": "TapWidget.qml", "double_tap": "TapWidget.qml",
        "press_hold": "TapWidget.qml", "scroll_find": "ScrollWidget.qml",
        "swipe_pages": "ScrollWidget.qml", "drag_drop": "SortWidget.qml",
        "card_sort": "SortWidget.qml", "keyboard_entry": "TypeWidget.qml",
        "password_builder": "PasswordWidget.qml", "inbox_sim": "InboxWidget.qml",
        "video_call_sim": "VideoCallWidget.qml", "form_sim": "FormWidget.qml",
        "browser_sim": "BrowserWidget.qml", "map_list_sim": "PickWidget.qml",
        "transit_sim": "TransitWidget.qml", "validator_sim": "ValidatorWidget.qml",
        "settings_sim": "SettingsWidget.qml", "scenario_branch": "BranchWidget.qml",
        "call_sim": "PhoneCallWidget.qml", "pinch_zoom": "ZoomWidget.qml",
        "sequence_order": "OrderWidget.qml", "sign_request_sim": "SignWidget.qml",
        "chat_sim": "ChatWidget.qml", "recovery_sim": "RecoveryWidget.qml"
    })
    property string loadedKey: ""

    // Rebuild the practice only when the step or the attempt changes, not on every answer.
    function reloadWidget(): void {
        const key = Lessons.lessonTitle + "/" + Lessons.stepNumber + "/" + Lessons.attempt
        if (key === loadedKey)
            return
        if (key.split("/").slice(0, 2).join("/") !== loadedKey.split("/").slice(0, 2).join("/"))
            screen.scrollBy(-1000) // a new step starts at its top
        loadedKey = key
        pause.restart()
        widgetLoader.source = ""
        if (Lessons.widgetType !== "")
            widgetLoader.source = "../lessons/" + (widgets[Lessons.widgetType] || "DoneWidget.qml")
    }
    Component.onCompleted: {
        Lessons.prepare()
        reloadWidget()
        narrateSoon.start()
    }
    Connections {
        target: Lessons
        function onStepChanged(): void { screen.reloadWidget() }
    }
    // After the screen is read out, the step's own narration follows.
    Timer { id: narrateSoon; interval: 300; onTriggered: Lessons.narrate() }
    // A long pause offers the first hint; there is no time limit and nothing is taken away.
    Timer { id: pause; interval: 25000; onTriggered: Lessons.paused() }

    KText {
        objectName: "stepNotice"
        Layout.fillWidth: true
        visible: text !== ""
        text: Lessons.languageNotice
        font.bold: true
    }
    KText {
        objectName: "stepBody"
        Layout.fillWidth: true
        visible: text !== ""
        text: Lessons.stepBody
    }
    Image {
        objectName: "stepImage"
        Layout.fillWidth: true
        Layout.preferredHeight: visible ? Theme.mm(80) : 0
        visible: Lessons.stepImage !== "" && Lessons.widgetType === ""
        source: Lessons.stepImage
        sourceSize.width: width
        sourceSize.height: height
        fillMode: Image.PreserveAspectFit
        Accessible.role: Accessible.Graphic
        Accessible.name: Lessons.stepAlt
    }
    Loader {
        id: widgetLoader
        objectName: "widgetLoader"
        Layout.fillWidth: true
        visible: Lessons.widgetType !== ""
    }

    // A question: its options, then "Check my answer".
    KText {
        Layout.fillWidth: true
        visible: Lessons.questionType !== ""
        text: Lessons.questionStem
        font.bold: true
    }
    Repeater {
        model: Lessons.options
        delegate: KButton {
            required property var modelData
            objectName: "option-" + modelData.id
            Layout.fillWidth: true
            main: false
            text: modelData.text
            selectable: true
            selected: modelData.picked
            onActivated: Lessons.pick(modelData.id)
        }
    }
    KButton {
        objectName: "checkAnswer"
        Layout.fillWidth: true
        visible: Lessons.questionType !== ""
        kind: "primary"
        text: qsTr("Check my answer")
        onActivated: Lessons.checkAnswer()
    }

    LessonNote {
        objectName: "feedback"
        Layout.fillWidth: true
        text: Lessons.feedback
        good: Lessons.feedbackRight
    }
    LessonNote {
        objectName: "hintText"
        Layout.fillWidth: true
        text: Lessons.hint
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap * 2
        visible: Lessons.widgetType !== ""
        KButton {
            objectName: "resetWidget"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            main: false
            text: qsTr("Start this practice again")
            onActivated: Lessons.resetWidget()
        }
        KButton {
            objectName: "skipWidget"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            main: false
            text: qsTr("Skip this practice")
            onActivated: Lessons.skip()
        }
    }
    KButton {
        objectName: "hintButton"
        Layout.fillWidth: true
        main: false
        text: qsTr("Give me a hint")
        onActivated: Lessons.askHint()
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap * 2
        KButton {
            objectName: "stepBack"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            enabled: Lessons.stepNumber > 1
            text: qsTr("Back")
            onActivated: Lessons.back()
        }
        KButton {
            objectName: "stepRepeat"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: qsTr("Repeat")
            onActivated: Lessons.narrate()
        }
        KButton {
            objectName: "stepNext"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            kind: "primary"
            text: Lessons.isLast ? qsTr("Finish the lesson") : qsTr("Next")
            onActivated: {
                if (Lessons.isLast) {
                    Lessons.next()
                    Nav.backTo("lessons")
                } else {
                    Lessons.next()
                }
            }
        }
    }
    KButton {
        objectName: "leaveLesson"
        Layout.fillWidth: true
        main: false
        text: qsTr("Stop here and come back later")
        onActivated: {
            Lessons.leave()
            Nav.backTo("lessons")
        }
    }
}
