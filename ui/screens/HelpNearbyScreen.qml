pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Find help nearby", step 1: what kind of place. Only the kinds this kiosk has data for.
KScreen {
    title: qsTr("Find help nearby")
    instruction: qsTr("What are you looking for? Touch one.")
    helpText: qsTr("Touch the kind of place you need. The next screen shows the nearest ones, "
                   + "how far they are on foot, their address and opening hours. You can "
                   + "print a slip to take with you.")
    stepText: qsTr("Step %1 of %2").arg(1).arg(3)

    KPager {
        objectName: "categoryList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: Places.categories
        delegate: KButton {
            required property var modelData
            objectName: "category_" + modelData.code
            text: modelData.label
            onActivated: {
                Places.choose(modelData.code)
                Nav.go("places")
            }
        }
    }
    KText {
        objectName: "noCategories"
        Layout.fillWidth: true
        visible: Places.categories.length === 0
        text: qsTr("This kiosk has no information about places nearby. Please ask a member "
                   + "of staff.")
    }
}
