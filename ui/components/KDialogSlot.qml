import QtQuick

// Where a dialog goes over the window: the dialog itself is made the first time it opens.
// Most visits open none of them, and the five made with the window took a quarter of its start.
Loader {
    id: slot

    readonly property KDialog dialog: item as KDialog
    readonly property bool shown: dialog !== null && dialog.visible

    anchors.fill: parent
    z: 100
    active: false

    function make(): KDialog {
        active = true // made at once (not asynchronous)
        return dialog
    }
    function open(): void {
        make().open()
    }
    function close(): void {
        if (dialog)
            dialog.close()
    }
}
