pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// What the kiosk can do, as large tiles, a page at a time.
KScreen {
    id: home
    title: qsTr("What would you like to do?")
    instruction: qsTr("Touch one of the large buttons.")
    helpText: qsTr("Each large button starts one thing you can do here. The bar at the top "
                   + "has Home, Help, Listen, Repeat, the text size, and Finish for when you are "
                   + "done.")

    function open(name: string): void {
        if (name === "report")
            Report.start()
        else if (name === "track") {
            Track.reset()
            Nav.go("track")
        } else {
            Nav.go(name)
        }
    }

    KPager {
        id: tiles
        objectName: "homeTiles"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: [
            { name: "tileReport", go: "report", icon: "report", text: qsTr("Report a problem to the city"),
              // the problems the wizard offers first, in the same words
              description: Report.promise !== "" ? Report.promise
                                                 : qsTr("A hole in the road, a broken street lamp, rubbish") },
            { name: "tileHelpNearby", go: "helpNearby", icon: "help-nearby", text: qsTr("Find help nearby"),
              description: qsTr("Pharmacies, doctors, offices, clubs, water and toilets") },
            { name: "tileDepartures", go: "departures", icon: "departures", text: qsTr("Next bus and tram"),
              description: qsTr("When they leave from the stops near here") },
            { name: "tileLessons", go: "lessons", icon: "lessons", text: qsTr("Lessons"),
              description: qsTr("Touch screens, the internet, staying safe: with practice") },
            { name: "tileTrack", go: "track", icon: "track", text: qsTr("Track my report"),
              description: qsTr("What the city has done with a report you made") },
            { name: "tileEasier", go: "easier", icon: "easier", text: qsTr("Make it easier for me"),
              description: qsTr("Text size, colours, the voice, the language") },
            { name: "tileLearnerCard", go: "learnerCard", icon: "learner-card", text: qsTr("I have a learner card"),
              description: qsTr("Carry on with the lessons where you stopped") }
        ]
        delegate: KButton {
            required property var modelData
            objectName: modelData.name
            icon.name: modelData.icon
            text: modelData.text
            description: modelData.description
            onActivated: home.open(modelData.go)
        }
    }
}
