import QtQuick

// Long text (help, a lesson's explanation, a place's details) in the room it is given, a page of
// whole lines at a time, with "Previous part" and "Next part (2 of 3)" under it when it does not
// fit. Give it Layout.fillHeight: it asks for a few lines at least and no more than its text.
Item {
    id: box

    property alias text: body.text
    property alias font: body.font
    property alias color: body.color
    property int page: 0
    readonly property int lineCount: Math.max(1, body.lineCount)
    readonly property real lineStep: body.lineCount > 0 ? body.contentHeight / body.lineCount
                                                       : body.font.pixelSize * 1.5
    readonly property bool paged: body.contentHeight > height + 0.5
    readonly property real textRoom: paged ? height - Theme.gap - nav.height : height
    readonly property int linesPerPage: Math.max(1, Math.floor((textRoom + 0.5) / lineStep))
    readonly property int pageCount: paged ? Math.ceil(lineCount / linesPerPage) : 1
    property int minLines: 3 // the least it asks for: a few lines (and the page buttons)
    // the least it needs: a few lines and the page buttons (or all of a short text)
    implicitHeight: Math.min(body.contentHeight, minLines * lineStep + Theme.gap + nav.height)
    implicitWidth: Theme.targetMain
    readonly property real naturalHeight: body.contentHeight

    Accessible.role: Accessible.StaticText
    Accessible.name: text

    onPageCountChanged: if (page > pageCount - 1) page = Math.max(0, pageCount - 1)
    onTextChanged: page = 0

    Item { // the lines of this page (tests/audit.py knows the rest is on the other pages)
        id: lines
        objectName: "pagedTextWindow"
        width: parent.width
        height: box.paged ? box.linesPerPage * box.lineStep : box.height
        clip: true
        KText {
            id: body
            objectName: "pagedTextBody"
            width: lines.width
            y: -box.page * box.linesPerPage * box.lineStep
            Accessible.ignored: true // the whole text is the paged item's name
        }
    }

    Item {
        id: nav
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        // one line of chrome text: never from the buttons' own heights, whose labels count the
        // pages that this height decides (on a short panel as tall as 20 mm needs: chromePad)
        height: Math.max(Theme.targetMain, Math.ceil(Theme.fontChrome * 1.4) + 2 * Theme.chromePad)
        visible: box.paged
        readonly property real half: (width - Theme.gap * 2) / 2

        FontMetrics {
            id: metrics
            font.pixelSize: Theme.fontChrome
            font.bold: true
        }
        // on one line in a button: with its arrow, or without it
        function fits(label: string, arrow: bool): bool {
            return metrics.advanceWidth(label)
                   + (arrow ? Theme.iconRoom(Theme.fontChrome) : 0)
                   <= half - 2 * Theme.padding
        }
        // the longest label that keeps to one line: with its arrow, then without it, then the
        // frame's own Up and Down (a narrow column at a large size)
        function label(forms: list<string>, plain: string): string {
            for (const form of forms) {
                if (fits(form, true) || fits(form, false))
                    return form
            }
            return plain
        }

        KButton {
            id: previous
            objectName: "pagerTextPrevious" // page buttons, not choices (KScreen.choices)
            icon.name: nav.fits(text, true) ? "up" : ""
            width: nav.half
            height: nav.height
            fontSize: Theme.fontChrome
            enabled: box.page > 0
            //: Shows the lines of a long text before these
            text: nav.label([qsTr("Previous part")], qsTr("Up"))
            onActivated: box.page -= 1
        }
        KButton {
            id: next
            objectName: "pagerTextNext"
            icon.name: nav.fits(text, true) ? "down" : ""
            x: nav.half + Theme.gap * 2
            width: nav.half
            height: nav.height
            fontSize: Theme.fontChrome
            enabled: box.page < box.pageCount - 1
            //: %1 is the part it shows, %2 how many parts the long text has
            text: nav.label([qsTr("Next part (%1 of %2)").arg(box.page + 2).arg(box.pageCount),
                             qsTr("More (%1 of %2)").arg(box.page + 2).arg(box.pageCount)],
                            qsTr("Down"))
            onActivated: box.page += 1
        }
    }
}
