pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: where it is, without a map (here, a typed address, or a nearby street).
// A touch is the answer.
KScreen {
    form: true
    title: Report.step.title
    instruction: Report.step.question
    stepText: Report.progressText
    helpText: qsTr("If the problem is near this kiosk, choose Here. Otherwise you can type an "
                   + "address or a landmark, like a shop or a bus stop, or choose a nearby "
                   + "street.")
    backName: "locationBack"
    customBack: true
    onBackRequested: Report.back()

    KNotice {
        objectName: "locationNotice"
        text: [Report.step.notice, Report.error].filter(t => t !== "").join("\n")
    }
    KPager {
        objectName: "locationTiles"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Report.step.options
        delegate: KButton {
            required property var modelData
            required property int index
            objectName: "locationTile" + index
            text: modelData.label
            selectable: true
            selected: Report.selected.indexOf(modelData.key) >= 0
            onActivated: Report.choose(modelData.key)
        }
    }
}
