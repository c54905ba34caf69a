pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem, first steps: the kind of problem as big tiles (a group, then the one kind).
KScreen {
    id: screen
    form: true
    title: Report.step.title
    instruction: Report.step.question
    stepText: qsTr("Step %1 of %2").arg(Report.step.n).arg(Report.step.m)
    helpText: qsTr("Touch the tile that fits your problem best, then touch Next. If none fits, "
                   + "choose Other. You can also report by phone to Call Sofia on %1.")
              .arg(Shell.cityPhone)

    Connections {
        target: Report
        function onStepMoved(): void {
            Qt.callLater(() => {
                // as for a new screen: the top is in view, the first control has the focus
                screen.scrollBy(-1000)
                const first = screen.nextItemInFocusChain(true)
                if (first)
                    first.forceActiveFocus(Qt.OtherFocusReason)
                Speech.showScreen(screen.title, screen.instruction, screen.choices())
            })
        }
    }

    KText {
        objectName: "reportLoading"
        Layout.fillWidth: true
        visible: !Report.loaded && Report.problem === ""
        text: Report.busyText !== "" ? Report.busyText : qsTr("Getting the list of problems. Please wait.")
    }
    Rectangle {
        objectName: "reportNotice"
        Layout.fillWidth: true
        visible: notice.text !== ""
        implicitHeight: notice.implicitHeight + 2 * Theme.padding
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        radius: Theme.radius
        KText {
            id: notice
            anchors.fill: parent
            anchors.margins: Theme.padding
            color: Theme.noticeText
            text: [Report.problem, Report.error, Report.ageText].filter(t => t !== "").join("\n")
        }
    }
    Repeater {
        model: Report.step.options
        KButton {
            required property var modelData
            required property int index
            objectName: "reportTile" + index
            Layout.fillWidth: true
            text: modelData.label
            selectable: true
            selected: Report.selected.indexOf(modelData.key) >= 0
            onActivated: Report.choose(modelData.key)
        }
    }
    KButton {
        objectName: "reportNext"
        Layout.fillWidth: true
        kind: "primary"
        visible: Report.loaded
        text: qsTr("Next")
        onActivated: Report.next()
    }
    KButton {
        objectName: "reportBack"
        Layout.fillWidth: true
        main: false
        text: qsTr("Back")
        onActivated: Report.back()
    }
}
