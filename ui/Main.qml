import QtQuick
import Kiosk
import "components"
import "overlays"

// The window: the bar, the current screen, the overlays, and the on-screen keyboard.
// Keys (a tactile keypad sends these): Up/Down move the focus, Back goes back or closes an
// overlay, Help (F1) opens help, Return/Enter/Space select.
Window {
    id: window

    readonly property KDialog openOverlay: error.visible ? error
                                         : idle.visible ? idle
                                         : pin.visible ? pin
                                         : finish.visible ? finish
                                         : help.visible ? help : null
    readonly property KScreen currentScreen: screenLoader.item as KScreen
    readonly property string overlay: openOverlay ? openOverlay.objectName : ""

    title: Shell.appName
    color: Theme.background
    flags: Trainer.lockdown ? Qt.Window | Qt.FramelessWindowHint : Qt.Window

    onClosing: close => {
        close.accepted = Trainer.unlocked || !Trainer.lockdown
    }

    function moveFocus(forward: bool): void {
        const scope = openOverlay ? openOverlay : window.contentItem
        let item = window.activeFocusItem ? window.activeFocusItem : scope
        for (let i = 0; i < 500; ++i) {
            item = item.nextItemInFocusChain(forward)
            if (!item)
                return
            for (let p = item; p; p = p.parent) {
                if (p === scope) {
                    item.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
                    return
                }
            }
        }
    }

    function focusFirst(): void {
        const scope = openOverlay ? openOverlay as Item : screenLoader.item as Item
        if (!scope)
            return
        const first = scope.nextItemInFocusChain(true)
        if (first)
            first.forceActiveFocus(Qt.OtherFocusReason) // no scrolling: the screen opens at its top
    }

    function goBack(): void {
        if (openOverlay === help || openOverlay === finish || openOverlay === pin)
            openOverlay.close()
        else if (!openOverlay && Nav.canGoBack)
            Nav.back()
    }

    function showOverlay(name: string): void {
        if (name === "help")
            openHelp()
        else if (name === "finish")
            finish.open()
    }

    function readScreen(): void {
        if (openOverlay)
            Speech.speak(openOverlay.spokenText())
        else if (currentScreen)
            Speech.readScreen(currentScreen.title, currentScreen.instruction,
                              currentScreen.choices())
    }

    function openHelp(): void {
        help.screenHelp = currentScreen ? currentScreen.helpText : ""
        help.open()
    }

    Shortcut { // refused in kiosk mode: only the trainer's gesture and PIN leave
        sequences: [StandardKey.Quit, StandardKey.Close, "Escape", "Alt+F4"]
        enabled: Trainer.lockdown
        onActivated: {}
    }

    Item {
        id: root
        anchors.fill: parent
        focus: true

        Keys.onPressed: event => {
            switch (event.key) {
            case Qt.Key_Up:
                window.moveFocus(false)
                break
            case Qt.Key_Down:
                window.moveFocus(true)
                break
            case Qt.Key_Back:
            case Qt.Key_Backspace:
                window.goBack()
                break
            case Qt.Key_Help:
            case Qt.Key_F1:
                if (!window.openOverlay && Nav.screen !== "attract")
                    window.openHelp()
                else
                    window.readScreen()
                break
            case Qt.Key_F2: // the keypad's Listen/Repeat key
                Speech.repeat()
                break
            case Qt.Key_VolumeUp:
            case Qt.Key_F4:
                Speech.volumeUp()
                break
            case Qt.Key_VolumeDown:
            case Qt.Key_F3:
                Speech.volumeDown()
                break
            default:
                return
            }
            event.accepted = true
        }

        KBar {
            id: bar
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            visible: Nav.screen !== "attract"
            onHelpRequested: window.openHelp()
            onListenRequested: window.readScreen()
            onFinishRequested: finish.open()
        }

        Rectangle { // the kiosk talks to the practice portal: say so, always
            id: practiceBanner
            objectName: "practiceBanner"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: bar.visible ? bar.bottom : parent.top
            visible: Backend.practice
            height: visible ? practiceText.implicitHeight + Theme.gap : 0
            color: Theme.notice
            border.color: Theme.noticeBorder
            border.width: Theme.border
            KText {
                id: practiceText
                anchors.fill: parent
                anchors.leftMargin: Theme.margin
                anchors.rightMargin: Theme.margin
                verticalAlignment: Text.AlignVCenter
                color: Theme.noticeText
                font.bold: true
                lineHeight: 1.2
                text: qsTr("Practice: nothing is sent to the city.")
            }
        }

        Loader {
            id: screenLoader
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: practiceBanner.visible ? practiceBanner.bottom
                                                : bar.visible ? bar.bottom : parent.top
            height: (keys.typing ? keys.typingTop : caption.y) - y
            // with the keys and the typing strip up, a tall screen has little room or none:
            // nothing of it may be drawn, or touched, outside what is left
            clip: true
            opacity: height > 1 ? 1 : 0 // no room at all: the screen keeps the focus, unseen
            source: Nav.source
            onLoaded: {
                // a form on screen gets the longer idle limit (session.form_idle_seconds)
                Session.setInForm((screenLoader.item as KScreen)?.form ?? false)
                Qt.callLater(window.focusFirst)
                Qt.callLater(() => { // after layout, and only if it is still the screen shown
                    const screen = screenLoader.item as KScreen
                    if (screen)
                        Speech.showScreen(screen.title, screen.instruction, screen.choices())
                })
            }
        }

        HelpOverlay {
            id: help
            objectName: "help"
        }
        FinishOverlay {
            id: finish
            objectName: "finish"
        }
        PinOverlay {
            id: pin
            objectName: "pin"
        }
        IdleOverlay {
            id: idle
            objectName: "idle"
        }
        ErrorOverlay {
            id: error
            objectName: "error"
        }

        KCaption {
            id: caption
            objectName: "caption"
            visible: !keys.typing // the strip takes its place while typing
            anchors.left: parent.left
            anchors.right: parent.right
            y: (keys.shown ? keys.keysTop : parent.height) - height
            idleHint: Nav.screen === "attract" ? qsTr("Touch the screen to start.")
                                               : qsTr("Touch Listen to hear this screen.")
        }

        KKeyboardArea {
            id: keys
            anchors.fill: parent
            z: 200
            contentTop: screenLoader.y
            focusItem: window.activeFocusItem
        }
    }

    onFrameSwapped: keys.start()

    Connections {
        target: Session
        function onWarningStarted(): void {
            help.close()
            finish.close()
            idle.open()
        }
        function onIdleChanged(): void {
            if (!Session.warning && idle.visible) {
                idle.close()
                Qt.callLater(window.focusFirst)
            }
        }
        function onWiped(): void {
            help.close()
            finish.close()
            idle.close()
            screenLoader.active = false // destroys every screen's state
            Nav.reset()
            screenLoader.active = true
        }
    }
    Connections {
        target: Trainer
        function onPinRequested(): void {
            pin.open()
        }
    }
    Connections {
        target: Shell
        function onErrorChanged(): void {
            if (Shell.errorShown)
                error.open() // shown and spoken
            else
                error.close()
        }
        function onHomeRequested(): void {
            if (Session.active)
                Nav.go("home")
            else
                Nav.reset()
        }
    }
}
