pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem, first steps: the problem as big tiles in the resident's words (the city's
// name under them), then, for a group, the one kind. A touch is the answer: the tile shows its
// check mark for a moment and the next question comes.
KScreen {
    id: screen
    form: true
    title: Report.step.title
    instruction: Report.step.question
    stepText: Report.progressText
    helpText: qsTr("Touch the tile that fits your problem best; the next question comes by "
                   + "itself. Under each tile is the name the city uses. If none fits, choose "
                   + "Something else. You can also report by phone to Call Sofia on %1.")
              .arg(Shell.cityPhone)
    backName: "reportBack"
    customBack: true
    onBackRequested: Report.back()

    Connections {
        target: Report
        function onStepMoved(): void {
            Qt.callLater(() => { // as for a new screen: the first page, nothing focused
                tiles.showPage(0)
                screen.forceActiveFocus(Qt.OtherFocusReason)
                screen.announceSoon()
            })
        }
    }

    KText {
        objectName: "reportLoading"
        Layout.fillWidth: true
        visible: !Report.loaded && Report.problem === ""
        text: Report.busyText !== "" ? Report.busyText : qsTr("Getting the list of problems. Please wait.")
    }
    KNotice {
        objectName: "reportNotice"
        text: [Report.problem, Report.error, Report.ageText].filter(t => t !== "").join("\n")
    }
    KPager {
        id: tiles
        objectName: "reportTiles"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Report.step.options
        delegate: KButton {
            required property var modelData
            required property int index
            objectName: "reportTile" + index
            text: modelData.label
            description: modelData.detail
            selectable: true
            selected: Report.selected.indexOf(modelData.key) >= 0
            onActivated: Report.choose(modelData.key)
        }
    }
}
