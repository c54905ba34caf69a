pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: everything read back before it is sent (ACCESSIBILITY 40). Touching a line
// goes back to that question; nothing is sent until "Send the report".
KScreen {
    title: Report.step.title
    instruction: Report.handoff ? qsTr("Check your report. Nothing is sent: you get a slip to "
                                       + "read out on the phone.")
                                : qsTr("Check your report, then touch Send. Touch a line to "
                                       + "change it.")
    stepText: qsTr("Step %1 of %2").arg(Report.step.n).arg(Report.step.m)
    helpText: qsTr("Each line shows one of your answers. Touch a line to change that answer. "
                   + "When everything is right, touch Send the report at the bottom right.")
    primaryIcon: "send"
    primaryName: "reviewSend"
    primaryText: Report.handoff ? qsTr("Prepare my slip") : qsTr("Send the report")
    onPrimaryRequested: Report.submit()
    backName: "reviewBack"
    customBack: true
    onBackRequested: Report.back()

    KPager {
        objectName: "reviewLines"
        compactable: false // each line's answer is what is being checked
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Report.review
        delegate: KButton {
            required property var modelData
            required property int index
            objectName: "reviewLine" + index
            main: false
            text: modelData.label
            description: modelData.value
            onActivated: Report.edit(modelData.id)
        }
    }
    Rectangle {
        objectName: "reviewBusy"
        Layout.fillWidth: true
        visible: Report.busy !== ""
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
            text: Report.busy
        }
    }
}
