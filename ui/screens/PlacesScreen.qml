pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Find help nearby", step 2: the nearest places of one kind, three at a time.
KScreen {
    title: Places.categoryLabel !== "" ? Places.categoryLabel : qsTr("Places near this kiosk")
    instruction: qsTr("The nearest are first. Touch a place to see more and to take it with you.")
    helpText: qsTr("Each button is one place, with how far it is on foot. Touch More places "
                   + "to see the next ones. Touch Read the list aloud to hear them again.")
    stepText: qsTr("Step %1 of %2").arg(2).arg(3)

    KText {
        objectName: "placesBusy"
        Layout.fillWidth: true
        visible: Places.busy
        font.bold: true
        text: qsTr("Looking for places near this kiosk. Please wait.")
    }
    KText {
        objectName: "placesProblem"
        Layout.fillWidth: true
        visible: Places.problem !== ""
        font.bold: true
        text: Places.problem
    }
    KButton {
        objectName: "placesRetry"
        Layout.fillWidth: true
        visible: Places.problem !== ""
        text: qsTr("Try again")
        onActivated: Places.retry()
    }
    KText {
        objectName: "placesNone"
        Layout.fillWidth: true
        visible: Places.loaded && Places.count === 0
        text: Places.emptyText
    }
    KText {
        objectName: "placesChooseFirst"
        Layout.fillWidth: true
        visible: Places.category === ""
        text: qsTr("First choose what kind of place you are looking for.")
    }
    KButton {
        objectName: "placesChooseKind"
        Layout.fillWidth: true
        visible: Places.category === ""
        text: qsTr("Choose a kind of place")
        onActivated: Nav.backTo("helpNearby")
    }
    Repeater {
        model: Places.page
        KButton {
            required property var modelData
            objectName: "place" + modelData.number
            Layout.fillWidth: true
            text: modelData.number + ". " + modelData.name
            description: [modelData.distance, modelData.address, modelData.sampleText]
                .filter(line => line !== "").join("\n")
            onActivated: {
                Places.select(modelData.index)
                Nav.go("place")
            }
        }
    }
    KText {
        objectName: "placesPageText"
        Layout.fillWidth: true
        visible: Places.count > 0
        text: Places.pageText
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.gap * 2
        visible: Places.hasEarlier || Places.hasMore
        KButton {
            objectName: "placesEarlier"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            enabled: Places.hasEarlier
            text: qsTr("Earlier places")
            onActivated: Places.previousPage()
        }
        KButton {
            objectName: "placesMore"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            enabled: Places.hasMore
            text: qsTr("More places")
            onActivated: Places.nextPage()
        }
    }
    KButton {
        objectName: "placesRead"
        Layout.fillWidth: true
        visible: Places.loaded || Places.problem !== ""
        main: false
        text: qsTr("Read the list aloud")
        onActivated: Places.speakPage()
    }
    KText {
        objectName: "placesSource"
        Layout.fillWidth: true
        visible: text !== ""
        text: Places.sourceText
    }
}
