import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The trainer's menu, reached only through the corner gesture and the PIN. Leaving it (to the
// kiosk or by the session ending) locks trainer mode again.
KScreen {
    title: qsTr("Trainer menu")
    instruction: qsTr("Choose what to do. Touch 'Back to the kiosk' when you are done.")
    helpText: qsTr("This menu is for trainers and library staff. Residents never see it. "
                   + "Nothing here shows a resident's name or what they typed.")

    Component.onCompleted: {
        TrainerDesk.checkLessons()
        TrainerDesk.checkKiosk()
    }

    Rectangle { // faults the kiosk works around: staff must know (never a resident's data)
        objectName: "trainerStaffNotice"
        Layout.fillWidth: true
        visible: TrainerDesk.staffNotice !== ""
        implicitHeight: staffNotice.implicitHeight + 2 * Theme.gap
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        KText {
            id: staffNotice
            anchors.fill: parent
            anchors.margins: Theme.gap
            color: Theme.noticeText
            font.bold: true
            text: TrainerDesk.staffNotice
        }
    }

    KText {
        objectName: "trainerLessonsNotice"
        Layout.fillWidth: true
        visible: text !== ""
        text: TrainerDesk.lessonsNotice
    }
    KButton {
        objectName: "trainerGuided"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Run a guided lesson")
        description: qsTr("Step through a lesson with a group, with notes on a second screen")
        onActivated: Nav.go("trainerGuided")
    }
    KButton {
        objectName: "trainerPrint"
        Layout.fillWidth: true
        text: qsTr("Learner cards and certificates")
        description: qsTr("Print a take-home card with a code, or a certificate")
        onActivated: Nav.go("trainerPrint")
    }
    KButton {
        objectName: "trainerProgress"
        Layout.fillWidth: true
        text: qsTr("Learners' progress")
        description: qsTr("How many cards are in use and lessons finished, without names")
        onActivated: Nav.go("trainerProgress")
    }
    KButton {
        objectName: "trainerStats"
        Layout.fillWidth: true
        text: qsTr("Statistics")
        description: qsTr("Save anonymous counts to a USB stick")
        onActivated: Nav.go("trainerStats")
    }
    KButton {
        objectName: "trainerOutbox"
        Layout.fillWidth: true
        text: qsTr("Reports waiting to be sent")
        description: qsTr("How many reports the kiosk still has to send")
        onActivated: Nav.go("trainerOutbox")
    }
    KButton {
        objectName: "trainerSettings"
        Layout.fillWidth: true
        text: qsTr("Settings")
        description: qsTr("Times, voice, language and more, used from the next start")
        onActivated: Nav.go("trainerSettings")
    }
    KButton {
        objectName: "trainerPortal"
        Layout.fillWidth: true
        text: TrainerSettings.practice ? qsTr("Switch to the real city portal")
                                       : qsTr("Switch to the practice portal")
        description: qsTr("Takes effect when the kiosk starts again")
        onActivated: TrainerSettings.switchPortal()
    }
    KText {
        objectName: "trainerMenuMessage"
        Layout.fillWidth: true
        visible: text !== ""
        text: TrainerSettings.message
    }
    KButton {
        objectName: "trainerBack"
        Layout.fillWidth: true
        text: qsTr("Back to the kiosk")
        description: qsTr("Ends trainer mode")
        onActivated: Nav.go("home")
    }
    KButton {
        objectName: "trainerExit"
        Layout.fillWidth: true
        kind: "danger"
        text: qsTr("Leave the kiosk")
        description: qsTr("Closes the kiosk program")
        onActivated: Trainer.exitKiosk()
    }
}
