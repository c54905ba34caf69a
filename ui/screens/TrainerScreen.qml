pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The trainer's menu, reached only through the corner gesture and the PIN. Leaving it (to the
// kiosk or by the session ending) locks trainer mode again.
KScreen {
    id: menu
    title: qsTr("Trainer menu")
    instruction: qsTr("Choose what to do. Touch Back when you are done.")
    helpText: qsTr("This menu is for trainers and library staff. Residents never see it. "
                   + "Nothing here shows a resident's name or what they typed.")
    backName: "trainerBack"
    hasBack: true
    customBack: true
    onBackRequested: Nav.go("home")

    function open(name: string): void {
        if (name === "trainerPortal")
            TrainerSettings.switchPortal()
        else if (name === "trainerExit")
            Trainer.exitKiosk()
        else
            Nav.go(name)
    }

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

    KText { // a lessons folder the validator refused, named with its first errors
        objectName: "trainerLessonsNotice"
        Layout.fillWidth: true
        visible: text !== ""
        text: TrainerDesk.lessonsNotice
    }
    KText {
        objectName: "trainerMenuMessage"
        Layout.fillWidth: true
        visible: text !== ""
        text: TrainerSettings.message
    }
    KPager {
        objectName: "trainerMenu"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: [
            { name: "trainerGuided", kind: "primary", text: qsTr("Run a guided lesson"),
              description: qsTr("Step through a lesson with a group, with notes on a second screen") },
            { name: "trainerPrint", text: qsTr("Learner cards and certificates"),
              description: qsTr("Print a take-home card with a code, or a certificate") },
            { name: "trainerProgress", text: qsTr("Learners' progress"),
              description: qsTr("How many cards are in use and lessons finished, without names") },
            { name: "trainerStats", text: qsTr("Statistics"),
              description: qsTr("Save anonymous counts to a USB stick") },
            { name: "trainerOutbox", text: qsTr("Reports waiting to be sent"),
              description: qsTr("How many reports the kiosk still has to send") },
            { name: "trainerSettings", text: qsTr("Settings"),
              description: qsTr("Times, voice, language and more, used from the next start") },
            { name: "trainerPortal",
              text: TrainerSettings.practice ? qsTr("Switch to the real city portal")
                                             : qsTr("Switch to the practice portal"),
              description: qsTr("Takes effect when the kiosk starts again") },
            { name: "trainerExit", kind: "danger", text: qsTr("Leave the kiosk"),
              description: qsTr("Closes the kiosk program") }
        ]
        delegate: KButton {
            required property var modelData
            objectName: modelData.name
            kind: modelData.kind ?? "normal"
            text: modelData.text
            description: modelData.description
            onActivated: menu.open(modelData.name)
        }
    }
}
