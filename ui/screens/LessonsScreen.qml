pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The course: each module with its lessons as large tiles, minutes and a finished mark.
KScreen {
    id: screen
    title: qsTr("Learn to use a touch screen and the internet")
    instruction: qsTr("Touch a lesson to start it. You can stop at any time.")
    helpText: qsTr("Each lesson takes a few minutes and has practice you cannot get wrong. "
                   + "A lesson you have finished says so. If you leave a lesson, "
                   + "it starts again where you stopped.")

    Component.onCompleted: Lessons.openCourse()

    KText {
        objectName: "lessonsNotice"
        Layout.fillWidth: true
        visible: text !== ""
        text: Lessons.problem !== "" ? Lessons.problem : Lessons.languageNotice
        font.bold: true
    }

    Repeater {
        model: Lessons.modules
        delegate: ColumnLayout {
            id: moduleColumn
            required property var modelData
            required property int index
            Layout.fillWidth: true
            spacing: Theme.gap * 2

            KText {
                Layout.fillWidth: true
                text: moduleColumn.modelData.title
                font.pixelSize: Theme.fontHeading
                font.bold: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Repeater {
                model: moduleColumn.modelData.lessons
                delegate: KButton {
                    required property var modelData
                    objectName: "lesson-" + modelData.id
                    Layout.fillWidth: true
                    text: modelData.title
                    description: {
                        const minutes = qsTr("About %1 minutes").arg(modelData.minutes) + " · " + modelData.languages
                        if (modelData.done)
                            return minutes + " · " + qsTr("Finished")
                        if (modelData.started)
                            return minutes + " · " + qsTr("Started: it goes on where you stopped")
                        return minutes
                    }
                    selected: modelData.done
                    onActivated: {
                        Lessons.start(modelData.id)
                        Nav.go("lesson-step")
                    }
                }
            }
        }
    }
}
