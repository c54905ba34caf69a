pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The course: each module with its lessons as large tiles, minutes and a finished mark.
KScreen {
    id: screen
    title: qsTr("Learn to use a touch screen and the internet")
    // which lessons are not in the chosen language yet goes with the instruction (said aloud,
    // and given way on a short panel: each lesson names its languages anyway)
    instruction: [qsTr("Touch a lesson to start it. You can stop at any time."),
                  Lessons.problem === "" ? Lessons.languageNotice : ""]
                 .filter(t => t !== "").join(" ")
    helpText: qsTr("Each lesson takes a few minutes and has practice you cannot get wrong. "
                   + "A lesson you have finished says so. If you leave a lesson, "
                   + "it starts again where you stopped.")

    Component.onCompleted: Lessons.openCourse()

    KText {
        objectName: "lessonsNotice"
        Layout.fillWidth: true
        visible: text !== ""
        text: Lessons.problem
        font.bold: true
    }

    KPager {
        objectName: "lessonList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        // the course as one list: each lesson says its module, its minutes and how far you got
        model: {
            const all = []
            for (const module of Lessons.modules)
                for (const lesson of module.lessons)
                    all.push(Object.assign({ module: module.title }, lesson))
            return all
        }
        delegate: KButton {
            required property var modelData
            objectName: "lesson-" + modelData.id
            text: modelData.title
            description: {
                const parts = [modelData.module, qsTr("About %1 minutes").arg(modelData.minutes),
                               modelData.languages]
                if (modelData.done)
                    parts.push(qsTr("Finished"))
                else if (modelData.started)
                    parts.push(qsTr("Started: it goes on where you stopped"))
                return parts.join(" · ")
            }
            selectable: modelData.done
            selected: modelData.done
            onActivated: {
                Lessons.start(modelData.id)
                Nav.go("lesson-step")
            }
        }
    }
}
