pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: whether the city may contact the resident, with who sees the details.
KScreen {
    title: Report.step.title
    instruction: qsTr("Your details are not needed to send a report.")
    stepText: qsTr("Step %1 of %2").arg(Report.step.n).arg(Report.step.m)
    helpText: qsTr("If you say yes, you can give your name, phone or e-mail on the next "
                   + "screens. Only the city's staff who handle your report see them. They are "
                   + "never read aloud on the loudspeaker and are deleted from this kiosk.")
    primaryName: "contactNext"
    primaryText: qsTr("Next")
    onPrimaryRequested: Report.next()
    backName: "contactBack"
    customBack: true
    onBackRequested: Report.back()

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
    KPager {
        id: tiles
        objectName: "contactTiles"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Report.step.options
        delegate: KButton {
            required property var modelData
            required property int index
            objectName: "contactTile" + index
            text: modelData.label
            selectable: true
            selected: Report.selected.indexOf(modelData.key) >= 0
            onActivated: Report.choose(modelData.key)
        }
    }
}
