pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The first screen a passer-by sees: touch anywhere (or a language) to start.
KScreen {
    id: attract

    title: qsTr("Welcome")
    instruction: qsTr("Touch your language to start, or touch anywhere.")
    helpText: qsTr("This kiosk helps you with the city's services and teaches you to use a touch "
                   + "screen. Touch the name of your language to start.")
    tapAnywhere: true
    onBackgroundTapped: start(Session.language)

    function start(lang: string): void {
        Session.setLanguage(lang)
        Session.begin()
        Nav.go("home")
    }

    Rectangle {
        Layout.fillWidth: true
        visible: Session.dataDeleted
        implicitHeight: deleted.implicitHeight + 2 * Theme.gap
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        KText {
            id: deleted
            anchors.fill: parent
            anchors.margins: Theme.gap
            color: Theme.noticeText
            font.bold: true
            text: qsTr("The previous person's data has been deleted.")
        }
    }

    Rectangle { // a fault the kiosk works around (its database): staff must see it at once
        objectName: "attractStaffNotice"
        Layout.fillWidth: true
        visible: Backend.storageProblem !== ""
        implicitHeight: storage.implicitHeight + 2 * Theme.gap
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        KText {
            id: storage
            anchors.fill: parent
            anchors.margins: Theme.gap
            color: Theme.noticeText
            text: Backend.storageProblem
        }
    }

    GridLayout {
        Layout.fillWidth: true
        columns: Session.textStep > 0 ? 1 : 2
        columnSpacing: Theme.gap * 2
        rowSpacing: Theme.gap * 2
        Repeater {
            model: I18n.languages
            KButton {
                required property var modelData
                objectName: "language_" + modelData.code
                Layout.fillWidth: true
                kind: "primary"
                text: modelData.name
                onActivated: attract.start(modelData.code)
            }
        }
    }

    KButton { // ACCESSIBILITY 4: on the start screen, drawn at its largest size
        objectName: "attractTextSize"
        Layout.fillWidth: true
        fontSize: Theme.mm(Theme.bodyEmMm * 2)
        text: qsTr("Larger text")
        description: qsTr("Text size %1 of %2").arg(Session.textStep + 1)
                                              .arg(Session.textStepCount)
        onActivated: Session.cycleTextSize()
    }

    KText {
        Layout.fillWidth: true
        text: qsTr("When you finish, everything you entered is deleted.")
    }
}
