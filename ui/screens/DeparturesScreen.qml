pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Next bus and tram": one board, as at a stop, of every departure from the stops near the
// kiosk in order of time, a cancellation first; updated every 30 seconds while this screen
// shows, with the footer's button to pause the updates (WCAG 2.2.2). The rows are paged, and the voice
// reads the page shown (turning the page reads the next one). An update changes the rows in
// place, so the voice does not start again every 30 seconds.
KScreen {
    id: screen
    //: the board's title and its home tile: keep it short, one line at the largest text size
    title: qsTr("Next bus and tram")
    instruction: Departures.problem !== "" ? Departures.problem
                 : Departures.emptyText !== "" ? Departures.emptyText
                 : qsTr("The next departures from the stops near here.")
    helpText: qsTr("Each row is one departure: when it leaves, the line, where it goes and the "
                   + "stop, with the number painted on the stop's sign. Times marked live come "
                   + "from the vehicles; the others are from the timetable. A cancelled one is at "
                   + "the top. Touch Pause updates if the times change too fast to read.")

    // the pause (WCAG 2.2.2) is the screen's one action: always in the same place, never paged away
    primaryName: "departuresPause"
    primaryKind: "normal"
    primaryIcon: Departures.paused ? "play" : "pause"
    primaryText: Departures.loaded ? (Departures.paused ? qsTr("Start updates again")
                                                        : qsTr("Pause updates")) : ""
    onPrimaryRequested: Departures.togglePause()

    Component.onCompleted: Departures.start()
    Component.onDestruction: Departures.stop()

    // the board's rows, kept in place across updates (a model rebuilt every 30 s would be read
    // aloud again every 30 s)
    ListModel {
        id: rows
    }
    function sync(): void {
        const fresh = Departures.rows
        for (let i = 0; i < fresh.length; ++i) {
            const row = { title: fresh[i].title, detail: fresh[i].detail,
                          spoken: fresh[i].spoken, cancelled: fresh[i].cancelled }
            if (i < rows.count)
                rows.set(i, row)
            else
                rows.append(row)
        }
        if (rows.count > fresh.length)
            rows.remove(fresh.length, rows.count - fresh.length)
    }
    Connections {
        target: Departures
        function onChanged(): void {
            screen.sync()
        }
    }

    KText {
        objectName: "departuresBusy"
        Layout.fillWidth: true
        visible: Departures.busy && !Departures.loaded
        font.bold: true
        text: qsTr("Looking up the next departures. Please wait.")
    }
    KText { // sample data (once for the board), an old timetable, when it was updated
        objectName: "departuresStatus"
        Layout.fillWidth: true
        visible: Departures.loaded
        font.pixelSize: Theme.fontChrome
        lineHeight: Theme.lineHeightTight
        text: Departures.statusText
    }
    KPager {
        objectName: "board"
        Layout.fillWidth: true
        Layout.fillHeight: true
        maxColumns: 1
        minRows: 1
        sideListMin: width // a row keeps the whole width: narrower, it takes more lines than More under it
        model: rows
        delegate: Rectangle {
            id: row
            required property string title
            required property string detail
            required property string spoken
            required property bool cancelled
            required property int index
            readonly property string spokenText: spoken // read with the screen, page by page
            implicitHeight: words.implicitHeight + 2 * words.y
            color: cancelled ? Theme.notice : Theme.surface
            border.color: cancelled ? Theme.noticeBorder : Theme.surfaceBorder
            border.width: cancelled ? Theme.border * 2 : Theme.border
            radius: Theme.radius
            Column {
                id: words
                x: Theme.padding
                y: Theme.chromePad // a short panel: no taller than the words need
                width: row.width - 2 * Theme.padding
                KText {
                    objectName: "row" + row.index
                    width: parent.width
                    color: row.cancelled ? Theme.noticeText : Theme.surfaceText
                    font.bold: true
                    lineHeight: Theme.lineHeightTight
                    text: row.title
                }
                KText {
                    width: parent.width
                    color: row.cancelled ? Theme.noticeText : Theme.surfaceText
                    font.pixelSize: Theme.fontChrome
                    lineHeight: Theme.lineHeightTight
                    text: row.detail
                }
            }
        }
    }
}
