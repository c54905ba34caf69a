pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: whether the city may contact the resident, with who sees the details.
KScreen {
    form: true
    title: Report.step.title
    instruction: qsTr("Your details are not needed to send a report.")
    stepText: qsTr("Step %1 of %2").arg(Report.step.n).arg(Report.step.m)
    helpText: qsTr("If you say yes, you can give your name, phone or e-mail on the next "
                   + "screens. Only the city's staff who handle your report see them. They are "
                   + "never read aloud on the loudspeaker and are deleted from this kiosk.")

    KText {
        objectName: "contactExplanation"
        Layout.fillWidth: true
        text: Report.step.question
    }
    Rectangle {
        Layout.fillWidth: true
        visible: Report.error !== ""
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
            text: Report.error
        }
    }
    Repeater {
        model: Report.step.options
        KButton {
            required property var modelData
            required property int index
            objectName: "contactTile" + index
            Layout.fillWidth: true
            text: modelData.label
            selectable: true
            selected: Report.selected.indexOf(modelData.key) >= 0
            onActivated: Report.choose(modelData.key)
        }
    }
    KButton {
        objectName: "contactNext"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Next")
        onActivated: Report.next()
    }
    KButton {
        objectName: "contactBack"
        Layout.fillWidth: true
        main: false
        text: qsTr("Back")
        onActivated: Report.back()
    }
}
