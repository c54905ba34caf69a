import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The trainer's PIN pad (after the corner gesture) and, once unlocked, the way out.
KDialog {
    id: pin

    readonly property bool locked: Trainer.secondsLocked > 0
    property bool wrong: false

    title: Trainer.unlocked ? qsTr("Trainer") : qsTr("Trainer PIN")
    message: !Trainer.configured
             ? qsTr("Trainer access is not set up on this kiosk. The installer sets a PIN.")
             : locked ? qsTr("Too many wrong tries. The PIN pad is locked for %1 more seconds.")
                        .arg(Trainer.secondsLocked)
             : wrong ? qsTr("That PIN is not right. Tries left: %1.").arg(Trainer.triesLeft)
             : Trainer.unlocked ? "" : qsTr("Type the trainer PIN.")

    onVisibleChanged: {
        pad.clear()
        wrong = false
        if (!visible && !Nav.screen.startsWith("trainer"))
            Trainer.lock()
    }

    // The right PIN opens the trainer menu; leaving the trainer screens locks again.
    Connections {
        target: Trainer
        function onStateChanged(): void {
            if (Trainer.unlocked && pin.visible) {
                Nav.go("trainer")
                pin.close()
            }
        }
    }

    Timer {
        interval: 1000
        repeat: true
        running: pin.visible && pin.locked
        onTriggered: Trainer.refresh()
    }

    KPinPad {
        id: pad
        Layout.fillWidth: true
        visible: Trainer.configured && !Trainer.unlocked && !pin.locked
        onSubmitted: value => {
            pin.wrong = !Trainer.tryPin(value)
            pad.clear()
        }
        onCancelled: pin.close()
    }
    KButton {
        objectName: "trainerExit"
        Layout.fillWidth: true
        visible: Trainer.unlocked
        kind: "danger"
        text: qsTr("Leave the kiosk")
        onActivated: Trainer.exitKiosk()
    }
    KButton {
        objectName: "pinClose"
        Layout.fillWidth: true
        visible: Trainer.unlocked || !Trainer.configured || pin.locked
        text: qsTr("Back to the kiosk")
        onActivated: pin.close()
    }
}
