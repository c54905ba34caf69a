import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// What the kiosk can do, as large tiles. A capability gets its tile when it is built.
KScreen {
    title: qsTr("What would you like to do?")
    instruction: qsTr("Touch one of the large buttons.")
    helpText: qsTr("Each large button starts one thing you can do here. The bar at the top "
                   + "has Help, the text size, and Finish for when you are done.")

    KButton {
        objectName: "tileHelpNearby"
        Layout.fillWidth: true
        text: qsTr("Find help nearby")
        description: qsTr("Pharmacies, doctors, offices, clubs, water and toilets near here")
        onActivated: Nav.go("helpNearby")
    }
    KButton {
        objectName: "tileDepartures"
        Layout.fillWidth: true
        text: qsTr("Next bus and tram")
        description: qsTr("When the next ones leave from the stops near here")
        onActivated: Nav.go("departures")
    }
    KButton {
        objectName: "tileReport"
        Layout.fillWidth: true
        text: qsTr("Report a problem to the city")
        description: qsTr("A hole in the road, a broken lamp, rubbish: step by step")
        onActivated: Report.start()
    }
    KButton {
        objectName: "tileTrack"
        Layout.fillWidth: true
        text: qsTr("Track my report")
        description: qsTr("See what the city has done with a report you made")
        onActivated: { Track.reset(); Nav.go("track") }
    }
    KButton {
        objectName: "tileEasier"
        Layout.fillWidth: true
        text: qsTr("Make it easier for me")
        description: qsTr("Larger text, stronger contrast, the voice, another language")
        onActivated: Nav.go("easier")
    }
    KButton {
        objectName: "tileLessons"
        Layout.fillWidth: true
        text: qsTr("Learn to use a touch screen and the internet")
        description: qsTr("Short lessons with practice, at your own pace")
        onActivated: Nav.go("lessons")
    }
    KButton {
        objectName: "tileLearnerCard"
        Layout.fillWidth: true
        text: qsTr("I have a learner card")
        description: qsTr("Carry on with the lessons where you stopped")
        onActivated: Nav.go("learnerCard")
    }
}
