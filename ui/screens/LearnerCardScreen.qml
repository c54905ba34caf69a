import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A resident carries on with a learner card: the code from the card, nothing else. The card's
// code is shown only while typed, and never read aloud.
KScreen {
    form: true
    title: qsTr("My learner card")
    instruction: Learner.hasCard ? qsTr("Your card is in use. Your lessons show what you finished.")
                                 : qsTr("Type the code printed on your card.")
    helpText: qsTr("A learner card lets you carry on with the lessons another day. The kiosk "
                   + "keeps only which lessons you finished, never your name. 'Forget me' "
                   + "deletes it all.")
    // the way forward in the footer: carry on with the code typed, then go to the lessons
    primaryName: Learner.hasCard ? "learnerLessons" : "codeSubmit"
    primaryText: Learner.hasCard ? qsTr("Go to the lessons") : qsTr("Carry on with my card")
    primaryEnabled: !Learner.busy
    onPrimaryRequested: Learner.hasCard ? Nav.go("lessons") : Learner.resume(code.value)

    // Short of room (a small panel, a large size), the keypad's label gives way: the title
    // says whose code it is, and the keys and the way forward matter more. Decided after layout.
    function refit(): void {
        if (!code)
            return // called late, as the screen goes
        code.showLabel = contentNeed - (code.showLabel ? code.labelShare : 0) + code.labelShare
                         <= contentRoom + 1
    }
    onContentNeedChanged: Qt.callLater(refit)
    onContentRoomChanged: Qt.callLater(refit)

    KCodePad { // the card's own symbols only: no keyboard layout to switch
        id: code
        objectName: "learnerCode"
        Layout.fillWidth: true
        visible: !Learner.hasCard
        label: qsTr("The code on your card")
        alphabet: Learner.codeAlphabet
        length: Learner.codeLength
    }
    KText {
        objectName: "learnerMessage"
        Layout.fillWidth: true
        visible: text !== ""
        text: Learner.message
    }
    KButton {
        objectName: "learnerForget"
        Layout.fillWidth: true
        kind: "danger"
        visible: Learner.hasCard
        text: qsTr("Forget me")
        description: qsTr("Deletes your card's progress from this kiosk")
        onActivated: Learner.forgetMe()
    }
    Item { // what is left stays under the keypad, not between the question and the keys
        Layout.fillHeight: true
    }
}
