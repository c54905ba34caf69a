pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Find help nearby", step 2: the nearest places of one kind, as many as fit, nearest first.
KScreen {
    title: Places.categoryLabel !== "" ? Places.categoryLabel : qsTr("Places near this kiosk")
    // an old copy (the portal not answering) says so in the words read aloud
    instruction: qsTr("The nearest are first. Touch a place to see more and to take it with you.")
                 + (Places.stale ? " " + Places.sourceText : "")
    helpText: qsTr("Each button is one place, with how far it is on foot. Touch More choices "
                   + "to see the next ones. Touch Listen to hear them again.")
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
    KPager {
        objectName: "placesList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        maxColumns: 1 // a place's address and distance read best on one wide line
        model: Places.all
        delegate: KButton {
            required property var modelData
            objectName: "place" + modelData.number
            text: modelData.number + ". " + modelData.name
            spokenText: modelData.name + ", " + modelData.distance
            description: [modelData.distance, modelData.address, modelData.sampleText]
                .filter(line => line !== "").join("\n")
            onActivated: {
                Places.select(modelData.index)
                Nav.go("place")
            }
        }
    }
    KText {
        objectName: "placesSource"
        Layout.fillWidth: true
        visible: text !== ""
        text: Places.sourceText
        font.pixelSize: Theme.fontChrome
    }
}
