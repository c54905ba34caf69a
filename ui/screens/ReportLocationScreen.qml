pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: where it is, without a map (here, a typed address, or a nearby street).
KScreen {
    form: true
    title: Report.step.title
    instruction: Report.step.question
    stepText: qsTr("Step %1 of %2").arg(Report.step.n).arg(Report.step.m)
    helpText: qsTr("If the problem is near this kiosk, choose Here. Otherwise you can type an "
                   + "address or a landmark, like a shop or a bus stop, or choose a nearby "
                   + "street.")

    Rectangle {
        objectName: "locationError"
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
            objectName: "locationTile" + index
            Layout.fillWidth: true
            text: modelData.label
            selectable: true
            selected: Report.selected.indexOf(modelData.key) >= 0
            onActivated: Report.choose(modelData.key)
        }
    }
    KButton {
        objectName: "locationNext"
        Layout.fillWidth: true
        kind: "primary"
        text: qsTr("Next")
        onActivated: Report.next()
    }
    KButton {
        objectName: "locationBack"
        Layout.fillWidth: true
        main: false
        text: qsTr("Back")
        onActivated: Report.back()
    }
}
