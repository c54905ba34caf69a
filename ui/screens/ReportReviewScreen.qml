pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: everything read back before it is sent (ACCESSIBILITY 40). Touching a line
// goes back to that question; nothing is sent until "Send the report".
KScreen {
    form: true
    title: Report.step.title
    instruction: Report.handoff ? qsTr("Check your report. Nothing is sent: you get a slip to "
                                       + "read out on the phone.")
                                : qsTr("Check your report, then touch Send. Touch a line to "
                                       + "change it.")
    stepText: qsTr("Step %1 of %2").arg(Report.step.n).arg(Report.step.m)
    helpText: qsTr("Each line shows one of your answers. Touch a line to change that answer. "
                   + "When everything is right, touch the Send button at the bottom.")

    Repeater {
        model: Report.review
        KButton {
            required property var modelData
            required property int index
            objectName: "reviewLine" + index
            Layout.fillWidth: true
            main: false
            text: modelData.label
            description: modelData.value
            onActivated: Report.edit(modelData.id)
        }
    }
    Rectangle {
        objectName: "reviewBusy"
        Layout.fillWidth: true
        visible: Report.busyText !== ""
        implicitHeight: busyText.implicitHeight + 2 * Theme.padding
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        radius: Theme.radius
        KText {
            id: busyText
            anchors.fill: parent
            anchors.margins: Theme.padding
            color: Theme.noticeText
            text: Report.busyText
        }
    }
    KButton {
        objectName: "reviewSend"
        Layout.fillWidth: true
        kind: "primary"
        text: Report.handoff ? qsTr("Prepare my slip") : qsTr("Send the report")
        onActivated: Report.submit()
    }
    KButton {
        objectName: "reviewBack"
        Layout.fillWidth: true
        main: false
        text: qsTr("Back")
        onActivated: Report.back()
    }
}
