import QtQuick
import Kiosk
import "components"
import "overlays"

// The window: the bar, the current screen, the overlays, and the on-screen keyboard.
// Keys (a tactile keypad sends these): Up/Down move the focus, Back goes back or closes an
// overlay, Help (F1) opens help, Return/Enter/Space select.
Window {
    id: window

    readonly property KDialog openOverlay: error.shown ? error.dialog
                                         : idle.shown ? idle.dialog
                                         : pin.shown ? pin.dialog
                                         : finish.shown ? finish.dialog
                                         : help.shown ? help.dialog : null
    readonly property KScreen currentScreen: screenLoader.item as KScreen
    readonly property string overlay: openOverlay ? openOverlay.objectName : ""

    title: Shell.appName
    color: Theme.background
    Binding { // the larger text sizes are as large as the window can hold (Theme.fontBody)
        target: Theme
        property: "windowHeight"
        value: window.height
    }
    Binding {
        target: Theme
        property: "windowWidth"
        value: window.width
    }
    flags: Trainer.lockdown ? Qt.Window | Qt.FramelessWindowHint : Qt.Window

    onClosing: close => {
        close.accepted = Trainer.unlocked || !Trainer.lockdown
    }

    function moveFocus(forward: bool): void {
        const scope = openOverlay ? openOverlay : window.contentItem
        let item = window.activeFocusItem ? window.activeFocusItem : scope
        if (!openOverlay && item === root && screenLoader.item)
            item = screenLoader.item // nothing focused yet: start with the screen, not the bar
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

    // A new screen starts with nothing focused (no ring on an answer, nothing chosen by a stray
    // Enter); the keypad's first Down goes to the screen's first control.
    function focusFirst(): void {
        if (openOverlay) {
            const first = (openOverlay as Item).nextItemInFocusChain(true)
            if (first)
                first.forceActiveFocus(Qt.OtherFocusReason)
        } else {
            root.forceActiveFocus(Qt.OtherFocusReason)
        }
    }

    function goBack(): void {
        if (openOverlay && [help.dialog, finish.dialog, pin.dialog].includes(openOverlay))
            openOverlay.close() // not the idle warning, nor an error
        else if (!openOverlay && currentScreen && currentScreen.hasBack)
            currentScreen.goBack() // the same as the footer's Back
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
            Speech.readScreen(currentScreen.title,
                              [currentScreen.instruction].concat(currentScreen.contents())
                                                         .filter(t => t !== "").join(" "),
                              currentScreen.choices(), currentScreen.moreChoices())
    }

    // Every dialog made now, not when first opened (the smoke test: a bundle missing one fails)
    function makeAll(): void {
        for (const slot of [help, finish, pin, idle, error])
            slot.make()
    }

    // Home keeps the resident's text size, contrast and language (Finish is what clears them).
    function goHome(): void {
        help.close()
        Nav.go("home")
    }

    function openHelp(): void {
        (help.make() as HelpOverlay).screenHelp = currentScreen ? currentScreen.helpText : ""
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
            objectName: "bar"
            // On a short landscape panel (a 1366×768 one) the bar stands down the left side: the
            // height, not the width, is what the screen is short of there.
            vertical: Theme.shortPanel
            anchors.left: parent.left
            anchors.top: parent.top
            width: vertical ? implicitWidth : parent.width
            height: vertical ? parent.height : implicitHeight
            visible: Nav.screen !== "attract"
            onHomeRequested: window.goHome()
            onHelpRequested: window.openHelp()
            onListenRequested: window.readScreen()
            onFinishRequested: finish.open()
        }

        Loader {
            id: screenLoader
            anchors.left: bar.visible && bar.vertical ? bar.right : parent.left
            anchors.right: parent.right
            anchors.top: bar.visible && !bar.vertical ? bar.bottom : parent.top
            height: (keys.typing ? keys.typingTop : footer.y) - y
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
                        screen.announceSoon()
                })
            }
        }

        Binding { // the screen stays quiet while a dialog over it speaks
            target: screenLoader.item
            property: "quiet"
            value: window.openOverlay !== null
            when: screenLoader.item !== null
        }
        Binding {
            target: screenLoader.item
            property: "typing"
            value: keys.typing
            when: screenLoader.item !== null
        }

        KFooter {
            id: footer
            objectName: "footer"
            anchors.left: screenLoader.left
            anchors.right: parent.right
            y: (keys.shown ? keys.keysTop : parent.height) - height
            visible: !keys.typing // the typing strip takes its place, with the question
            screen: window.currentScreen
            practiceInBar: bar.visible && bar.vertical
            idleHint: Nav.screen === "attract" ? qsTr("Touch the screen to start.")
                                               : qsTr("Touch Listen to hear this screen.")
        }

        KDialogSlot {
            id: help
            sourceComponent: HelpOverlay {
                objectName: "help"
            }
        }
        KDialogSlot {
            id: finish
            sourceComponent: FinishOverlay {
                objectName: "finish"
            }
        }
        KDialogSlot {
            id: pin
            sourceComponent: PinOverlay {
                objectName: "pin"
            }
        }
        KDialogSlot {
            id: idle
            sourceComponent: IdleOverlay {
                objectName: "idle"
            }
        }
        KDialogSlot {
            id: error
            sourceComponent: ErrorOverlay {
                objectName: "error"
            }
        }

        KKeyboardArea {
            id: keys
            anchors.fill: parent
            z: 200
            contentTop: screenLoader.y
            focusItem: window.activeFocusItem
            screen: window.currentScreen
        }
    }

    Connections { // the keys made once the first frame is up (then nothing runs per frame)
        target: window
        enabled: !keys.started
        function onFrameSwapped(): void { keys.start() }
    }

    Connections {
        target: Session
        function onWarningStarted(): void {
            help.close()
            finish.close()
            idle.open()
        }
        function onIdleChanged(): void {
            if (!Session.warning && idle.shown) {
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
