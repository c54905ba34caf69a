pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"
import "../lessons"

// One step of a lesson per screen: "Step 3 of 9", the text, a picture, a practice or a question.
// Back and Next are in the footer like on every screen; on the step itself there are at most two
// more controls: "Give me a hint" and "More…" (start the practice again, skip it, stop here).
// The bar's Repeat is the only "repeat".
KScreen {
    id: screen
    stepText: qsTr("Step %1 of %2").arg(Lessons.stepNumber).arg(Lessons.stepCount)
    title: Lessons.stepTitle
    helpText: qsTr("Read the text or listen to it. Repeat at the top says it again. Give me a "
                   + "hint helps when you are not sure. Next goes on; Back goes one step back. "
                   + "Practice cannot break anything, and you can try as often as you like.")
    hasBack: true
    backName: "stepBack"
    customBack: true
    onBackRequested: {
        if (Lessons.stepNumber > 1) {
            Lessons.back()
        } else { // the first step: Back leaves the lesson, keeping the place
            Lessons.leave()
            Nav.backTo("lessons")
        }
    }
    primaryName: "stepNext"
    primaryText: Lessons.isLast ? qsTr("Finish the lesson") : qsTr("Next")
    onPrimaryRequested: {
        const last = Lessons.isLast
        Lessons.next()
        if (last)
            Nav.backTo("lessons")
    }

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
    // one answer to give: touching it answers (its feedback shows at once)
    readonly property bool oneTouch: ["single_choice", "true_false", "self_rating"]
                                     .indexOf(Lessons.questionType) >= 0

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
        function onStepChanged(): void {
            const step = Lessons.lessonTitle + "/" + Lessons.stepNumber
            const another = step !== screen.loadedKey.split("/").slice(0, 2).join("/")
            screen.reloadWidget()
            if (another) // the lesson narrates the step: Listen says what it shows, after layout
                noteSoon.restart()
        }
    }
    Timer { id: noteSoon; interval: 0; onTriggered: screen.note() }
    // After the screen is read out, the step's own narration follows.
    Timer { id: narrateSoon; interval: 300; onTriggered: Lessons.narrate() }
    // A long pause offers the first hint; there is no time limit and nothing is taken away.
    Timer { id: pause; interval: 25000; onTriggered: Lessons.paused() }

    KText {
        id: notice
        objectName: "stepNotice"
        Layout.fillWidth: true
        // gives way with the step's text, or alone on a step with no practice (More… has it)
        visible: text !== "" && !screen.foldBody && !screen.foldNotice
        text: Lessons.languageNotice
        font.bold: true
    }
    // A practice that does not fit under the step's text (a large size, a short panel): the
    // text gives way, as the frame's instruction does; the voice has read it, the bar's Repeat
    // reads it again and More… shows it. The task line and the practice stay on screen.
    readonly property real bodyShare: body.implicitHeight + Theme.gap * 2 // with its spacing
                                      + (notice.text !== "" ? notice.implicitHeight + Theme.gap * 2
                                                            : 0)
    property bool foldBody: false
    // A step with no practice: its picture gives way first, then the language notice (More…
    // has it), so that its text (paged when long) and the step's controls stay on screen.
    readonly property real imageShare: Theme.mm(25) + Theme.gap * 2 // with its spacing
    readonly property real noticeShare: notice.implicitHeight + Theme.gap * 2
    property bool foldImage: false
    property bool foldNotice: false
    // A practice that still does not fit with the step's text folded lets its own setting give
    // way, then its prompt (the recovery's: the shares are what each saves; More… shows them).
    property bool foldMoment: false
    property bool foldPrompt: false
    readonly property var practice: widgetLoader.item // untyped: each practice its own parts
    readonly property real momentShare: practice && practice.momentShare !== undefined
                                        ? practice.momentShare : 0
    readonly property real promptShare: practice && practice.promptShare !== undefined
                                        ? practice.promptShare : 0
    // A question's feedback or hint that does not fit on the screen (even with the question's
    // text folded, once it is answered: a short panel, a large size, where the chosen answer,
    // its feedback and the step's controls are taller than the room) opens in a dialog
    // instead, over the screen, and More… shows it again: the resident sees it whole without
    // scrolling, and the screen keeps its answers and the way forward.
    property bool foldNotes: false
    readonly property real notesShare: (feedbackNote.text !== ""
                                           ? feedbackNote.implicitHeight + Theme.gap * 2 : 0)
                                          + (hintNote.text !== ""
                                             ? hintNote.implicitHeight + Theme.gap * 2 : 0)
    readonly property string notes: [Lessons.feedback, Lessons.hint].filter(t => t !== "")
                                                                   .join("\n\n")
    property string notesOpened: "" // the notes the dialog last showed
    readonly property real mostRoom: roomUnder(false, false) + 1 // a binding: see refold
    function refold(): void { // after layout (the text's own visibility changes the need)
        const room = contentRoom + 2 * ringRoom + 1
        const without = contentNeed - (body.visible || notice.visible ? bodyShare : 0)
                        + (foldMoment ? momentShare + spacerShare : 0) // as with the moment
                        + (foldPrompt ? promptShare : 0) // and the prompt shown
                        + (foldNotes ? notesShare : 0) // and the feedback
        // a question's text gives way once it is answered (its feedback has come)
        const answered = Lessons.questionType !== "" && Lessons.feedback !== ""
        foldBody = (Lessons.widgetType !== "" || answered) && without + bodyShare > room
        // the practice's own parts are measured against the most room the content can have
        // (the progress line gives way before them)
        const most = Math.max(room, mostRoom)
        foldMoment = momentShare > 0 && without > most
        foldPrompt = promptShare > 0 && without - momentShare - spacerShare > most
        // last, a question's feedback and hint go into their dialog (a practice's stay under
        // it, brought into view)
        foldNotes = Lessons.questionType !== "" && notesShare > 0 && without > most
        if (!foldNotes)
            notesOpened = ""
        else if (notesOpened !== notes) {
            notesOpened = notes
            feedbackDialog.title = Lessons.stepTitle // set as it opens: what it said then
            feedbackDialog.message = notes
            feedbackDialog.open()
        }
        const explained = Lessons.widgetType === ""
        const bare = contentNeed - (image.visible ? imageShare : 0)
                     - (notice.visible ? noticeShare : 0)
        const hasNotice = explained && notice.text !== ""
        foldImage = explained && Lessons.stepImage !== ""
                    && bare + imageShare + (hasNotice ? noticeShare : 0) > room
        foldNotice = hasNotice && bare + noticeShare > room
    }
    onContentNeedChanged: Qt.callLater(refold)
    onContentRoomChanged: Qt.callLater(refold)
    onBodyShareChanged: Qt.callLater(refold)
    onMomentShareChanged: Qt.callLater(refold)
    onPromptShareChanged: Qt.callLater(refold)
    onNotesShareChanged: Qt.callLater(refold)
    onFoldMomentChanged: refreshChoices()
    onFoldImageChanged: refreshChoices() // the step's controls came into view, or left it
    onFoldNoticeChanged: refreshChoices()
    KPagedText {
        id: body
        objectName: "stepBody"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.verticalStretchFactor: 1
        Layout.maximumHeight: naturalHeight
        visible: text !== "" && !screen.foldBody
        // a short panel pages the text two lines at a time, so the step's controls keep their
        // place on screen (the voice reads it all)
        minLines: Theme.shortPanel ? 2 : 3
        text: Lessons.stepBody
    }
    Image {
        id: image
        objectName: "stepImage"
        Layout.fillWidth: true
        // the room the text and the controls leave, from 25 to 80 mm: the picture never
        // pushes the way forward off the screen
        Layout.fillHeight: true
        Layout.preferredHeight: visible ? Theme.mm(25) : 0
        Layout.maximumHeight: Theme.mm(80)
        visible: Lessons.stepImage !== "" && Lessons.widgetType === "" && !screen.foldImage
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
        Layout.fillHeight: true
        Layout.verticalStretchFactor: 1
        // a widget that can shrink says how little it needs (`minimumHeight`) and fills the
        // room it is given; else its own height
        Layout.preferredHeight: need(item)
        function need(widget: var): real {
            return !widget ? 0 : widget.minimumHeight !== undefined ? widget.minimumHeight
                                                                    : widget.implicitHeight
        }
        Layout.maximumHeight: !item ? 0 : Math.max((item as Item).implicitHeight,
                                                   Layout.preferredHeight)
        visible: Lessons.widgetType !== ""
        Binding { // the practice's own setting gives way (see refold)
            target: widgetLoader.item
            when: screen.momentShare > 0
            property: "foldMoment"
            value: screen.foldMoment
        }
        Binding {
            target: widgetLoader.item
            when: screen.promptShare > 0
            property: "foldPrompt"
            value: screen.foldPrompt
        }
    }

    // A question: its options, then "Check my answer".
    KText { // the question, unless the step's text already is it
        Layout.fillWidth: true
        visible: Lessons.questionType !== "" && Lessons.questionStem !== Lessons.stepBody
        text: Lessons.questionStem
        font.bold: true
    }
    KPager {
        objectName: "options"
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: Lessons.questionType !== ""
        model: Lessons.options
        delegate: KButton {
            required property var modelData
            objectName: "option-" + modelData.id
            main: false
            text: modelData.text
            selectable: true
            markBeside: !Theme.shortPanel // a short panel: each answer keeps its lines
            selected: modelData.picked
            // one answer: touching it is answering (its feedback shows at once); several
            // answers: touch each, then "Check my answer"
            onActivated: {
                screen.notesOpened = "" // the same answer again: its feedback shows again
                Lessons.pick(modelData.id)
                if (screen.oneTouch)
                    Lessons.checkAnswer()
                Qt.callLater(screen.refold) // the same words change no height: refold anyway
            }
        }
    }
    KButton {
        objectName: "checkAnswer"
        Layout.fillWidth: true
        visible: Lessons.questionType !== "" && !screen.oneTouch
        text: qsTr("Check my answer")
        onActivated: {
            screen.notesOpened = "" // checked again: its feedback shows again
            Lessons.checkAnswer()
            Qt.callLater(screen.refold)
        }
    }

    LessonNote {
        id: feedbackNote
        objectName: "feedback"
        Layout.fillWidth: true
        visible: text !== "" && !screen.foldNotes
        text: Lessons.feedback
        good: Lessons.feedbackRight
        onTextChanged: if (text !== "") revealNotes.restart()
    }
    LessonNote {
        id: hintNote
        objectName: "hintText"
        Layout.fillWidth: true
        visible: text !== "" && !screen.foldNotes
        text: Lessons.hint
        onTextChanged: if (text !== "") revealNotes.restart()
    }
    // A practice taller than the screen (the frame's Up and Down), or one a move's feedback and
    // hint push past its foot: the notes come into view once laid out, as the resident would
    // otherwise have to find them with Down (the feedback first, then as much of the hint).
    Timer {
        id: revealNotes
        interval: 50
        onTriggered: {
            if (hintNote.visible)
                screen.reveal(hintNote)
            if (feedbackNote.visible)
                screen.reveal(feedbackNote)
        }
    }

    // The step's own two controls: beside the title where the panel is wide (they take no row
    // of the practice's room), else under the practice.
    titleSide: stepControls
    titleSideWidth: Math.max(Theme.targetMin, hintMetrics.advanceWidth + 2 * Theme.padding)
                    + Math.max(Theme.targetMin, moreMetrics.advanceWidth + 2 * Theme.padding)
                    + Theme.gap * 2 + 2
    TextMetrics {
        id: hintMetrics
        font.pixelSize: Theme.fontChrome
        font.bold: true
        text: qsTr("Give me a hint")
    }
    TextMetrics {
        id: moreMetrics
        font: hintMetrics.font
        text: qsTr("More…")
    }
    Item { // a practice's step: what its text and practice leave stays under them
        Layout.fillHeight: true
        Layout.verticalStretchFactor: 0 // the text and the practice take the room first
        visible: Lessons.widgetType !== "" && !screen.foldMoment // folded: nothing is left
    }
    readonly property real spacerShare: Theme.gap * 2 // the spacer's spacing in the column
    Loader {
        Layout.fillWidth: true
        active: !screen.sideOfTitle
        visible: active
        sourceComponent: stepControls
    }
    Component {
        id: stepControls
        RowLayout {
            id: controls
            // beside the title: as wide as their words, in the bar's type size; on a short
            // panel in that size under the practice too, as tall as 20 mm needs (chromePad)
            readonly property bool beside: screen.sideOfTitle
            readonly property bool chrome: beside || Theme.shortPanel
            spacing: Theme.gap * 2
            KButton {
                objectName: "hintButton"
                Layout.fillWidth: !controls.beside
                Layout.preferredWidth: controls.beside ? implicitWidth : 1
                main: false
                fontSize: controls.chrome ? Theme.fontChrome : Theme.fontBody
                pad: controls.chrome ? Theme.chromePad : Theme.padding
                text: qsTr("Give me a hint")
                onActivated: {
                    screen.notesOpened = "" // the same hint again: it shows again
                    Lessons.askHint()
                    Qt.callLater(screen.refold)
                }
            }
            KButton {
                objectName: "stepMore"
                Layout.fillWidth: !controls.beside
                Layout.preferredWidth: controls.beside ? implicitWidth : 1
                main: false
                fontSize: controls.chrome ? Theme.fontChrome : Theme.fontBody
                pad: controls.chrome ? Theme.chromePad : Theme.padding
                //: Opens a short list: start the practice again, skip it, stop the lesson here
                text: qsTr("More…")
                onActivated: more.open()
            }
        }
    }

    dialogs: [
        KDialog {
            id: feedbackDialog
            objectName: "feedbackDialog"
            speakOnOpen: false // the lesson says its feedback itself
            KButton {
                objectName: "feedbackClose"
                Layout.fillWidth: true
                kind: "primary"
                text: qsTr("Back to the lesson")
                onActivated: feedbackDialog.close()
            }
        },
        KDialog {
            id: more
            objectName: "stepMoreDialog"
            title: qsTr("More for this step")
            // the step's text, when the practice left it no room on the screen
            message: [screen.foldBody || screen.foldNotice ? Lessons.languageNotice : "",
                      screen.foldBody ? Lessons.stepBody : "",
                      screen.foldNotes ? screen.notes : "",
                      screen.foldMoment ? Lessons.widgetParams.situation || "" : "",
                      screen.foldPrompt ? Lessons.widgetParams.prompt || "" : ""]
                     .filter(t => t !== "").join("\n\n")
            KButton {
                objectName: "resetWidget"
                Layout.fillWidth: true
                visible: Lessons.widgetType !== ""
                text: qsTr("Start this practice again")
                onActivated: { more.close(); Lessons.resetWidget() }
            }
            KButton {
                objectName: "skipWidget"
                Layout.fillWidth: true
                visible: Lessons.widgetType !== ""
                text: qsTr("Skip this practice")
                onActivated: { more.close(); Lessons.skip() }
            }
            KButton {
                objectName: "leaveLesson"
                Layout.fillWidth: true
                text: qsTr("Stop here and come back later")
                onActivated: {
                    more.close()
                    Lessons.leave()
                    Nav.backTo("lessons")
                }
            }
            KButton {
                objectName: "moreClose"
                Layout.fillWidth: true
                kind: "primary"
                text: qsTr("Back to the lesson")
                onActivated: more.close()
            }
        }
    ]
}
