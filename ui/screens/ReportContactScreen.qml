pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Report a problem: whether the city may contact the resident, with who sees the details.
// A touch is the answer.
KScreen {
    form: true
    title: Report.step.title
    instruction: Report.step.question
    stepText: Report.progressText
    helpText: qsTr("If you say yes, you can give your name, phone or e-mail on the next "
                   + "screens, to be asked about the report or told when it is done. Only the "
                   + "city's staff who handle your report see them. They are never read aloud on "
                   + "the loudspeaker and are deleted from this kiosk. You can say no.")
    backName: "contactBack"
    customBack: true
    onBackRequested: Report.back()

    KNotice {
        objectName: "contactError"
        text: Report.error
    }
    KPager {
        objectName: "contactTiles"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Report.step.options
        delegate: KButton {
            required property var modelData
            required property int index
            objectName: "contactTile" + index
            text: modelData.label
            description: modelData.detail
            selectable: true
            selected: Report.selected.indexOf(modelData.key) >= 0
            onActivated: Report.choose(modelData.key)
        }
    }
}
