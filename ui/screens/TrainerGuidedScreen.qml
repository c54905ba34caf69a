pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import Kiosk
import "../components"

// A guided lesson for a group: the trainer steps through it here; with a second screen
// connected, a presenter view there shows the notes, the next step and the time.
KScreen {
    id: guided
    title: Guided.running ? Guided.lessonTitle : qsTr("Run a guided lesson")
    instruction: Guided.running ? Guided.stepTitle : qsTr("Choose the lesson for the group.")
    helpText: qsTr("Touch Next when the group is ready. Pause stops the clock. 'Skip practice' "
                   + "jumps over practice steps when people practise on their own kiosks.")
    stepText: Guided.running ? qsTr("Step %1 of %2").arg(Guided.stepNumber).arg(Guided.stepCount)
                             : ""
    backName: "guidedMenu"

    Component.onCompleted: Guided.openCourse()

    KText {
        Layout.fillWidth: true
        visible: Guided.problem !== ""
        text: Guided.problem
    }
    KPager { // the lessons, a page at a time
        objectName: "guidedLessons"
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: !Guided.running
        model: Guided.running ? [] : Guided.lessons
        delegate: KButton {
            required property var modelData
            required property int index
            objectName: "guidedLesson" + index
            main: false
            text: modelData.title
            onActivated: Guided.start(modelData.id)
        }
    }

    KText {
        objectName: "guidedBody"
        Layout.fillWidth: true
        visible: Guided.running
        text: Guided.stepBody
    }
    KText {
        objectName: "guidedStatus"
        Layout.fillWidth: true
        visible: Guided.running
        text: (Guided.paused ? qsTr("Paused.") + " " : "")
              + qsTr("Time: %1 of about %2 minutes.").arg(Guided.elapsed).arg(Guided.plannedMinutes)
              + " " + qsTr("Next: %1").arg(Guided.nextTitle)
    }
    KButton {
        objectName: "guidedNext"
        Layout.fillWidth: true
        kind: "primary"
        visible: Guided.running
        enabled: !Guided.paused
        text: qsTr("Next")
        onActivated: Guided.next()
    }
    KButton {
        objectName: "guidedBack"
        Layout.fillWidth: true
        visible: Guided.running
        enabled: !Guided.paused && Guided.stepNumber > 1
        text: qsTr("Go back a step")
        onActivated: Guided.back()
    }
    KButton {
        objectName: "guidedPause"
        Layout.fillWidth: true
        visible: Guided.running
        text: Guided.paused ? qsTr("Carry on") : qsTr("Pause")
        onActivated: Guided.togglePause()
    }
    KButton {
        objectName: "guidedReplay"
        Layout.fillWidth: true
        visible: Guided.running
        enabled: !Guided.paused
        text: qsTr("Say it again")
        onActivated: Guided.replay()
    }
    KButton {
        objectName: "guidedSkip"
        Layout.fillWidth: true
        visible: Guided.running && Guided.isPractice
        enabled: !Guided.paused
        text: qsTr("Skip practice")
        onActivated: Guided.skipPractice()
    }
    KButton {
        objectName: "guidedStop"
        Layout.fillWidth: true
        visible: Guided.running
        text: qsTr("Stop the lesson")
        onActivated: Guided.stop()
    }

    // The presenter view: on the second screen, for the trainer's eyes only.
    Window {
        objectName: "presenter"
        x: Guided.presenterGeometry[0]
        y: Guided.presenterGeometry[1]
        width: Guided.presenterGeometry[2]
        height: Guided.presenterGeometry[3]
        visible: Guided.presenterAvailable && Guided.running
        // never the keyboard's: the main window keeps the focus, so its keypad works on (the
        // flag asks the window manager; a platform that activates it anyway gets it back)
        flags: Qt.Window | Qt.FramelessWindowHint | Qt.WindowDoesNotAcceptFocus
        onActiveChanged: if (active) guided.Window.window?.requestActivate()
        title: qsTr("Presenter view")
        color: Theme.background
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: Theme.gap
            KText {
                Layout.fillWidth: true
                text: qsTr("Step %1 of %2").arg(Guided.stepNumber).arg(Guided.stepCount)
                      + " · " + Guided.stepTitle
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            KText {
                Layout.fillWidth: true
                text: qsTr("Time: %1 of about %2 minutes.").arg(Guided.elapsed)
                      .arg(Guided.plannedMinutes) + (Guided.paused ? " " + qsTr("Paused.") : "")
                font.pixelSize: Theme.fontHeading
            }
            KText {
                Layout.fillWidth: true
                text: qsTr("Next: %1").arg(Guided.nextTitle)
                font.pixelSize: Theme.fontHeading
            }
            KText {
                Layout.fillWidth: true
                Layout.fillHeight: true
                text: qsTr("Notes: %1").arg(Guided.notes)
            }
        }
    }
}
