import QtQuick
import QtQuick.Layouts
import Kiosk

// The foot of every screen: Back always on the left with the same word, the screen's one
// primary action always on the right, and between them (on a wide panel) the caption of what
// the voice is saying, taking the room a screen without Back or a primary action leaves. On a
// narrow panel the caption takes its own line above the buttons. On a short panel (Theme.shortPanel)
// the practice marker stands at the foot of the bar down the side, and the buttons keep to the
// height of a main touch target (Theme.chromePad): the footer stays one row.
Rectangle {
    id: footer

    property KScreen screen
    property string idleHint
    property bool practiceInBar: false // the bar down the side shows the practice marker
    // one row while Back, the practice marker and the primary action keep each word whole
    // (the caption gives way first: it is left out with no room for a few words); else the
    // marker and caption go above them
    readonly property bool wide: width >= Theme.mm(230)
                                 && (hasBack ? back.wordWidth : 0)
                                    + (hasPrimary ? primary.wordWidth : 0)
                                    + (banner.visible ? banner.implicitWidth : 0)
                                    + 6 * Theme.gap <= width
    readonly property bool hasBack: screen !== null && screen.hasBack
    readonly property bool hasPrimary: screen !== null && screen.primaryText !== ""

    color: Theme.background
    implicitHeight: grid.implicitHeight + 2 * Theme.chromeMargin + Theme.border

    Rectangle { // a line that sets the footer apart from the content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: Theme.border
        color: Theme.surfaceBorder
    }

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.margins: Theme.chromeMargin
        anchors.topMargin: Theme.chromeMargin + Theme.border
        columns: footer.wide ? 3 : 2
        columnSpacing: Theme.gap * 2
        rowSpacing: Theme.gap
        // one row: Back two ninths, the primary action three, at least as wide as each of their
        // words (they may take two lines); the primary action grows towards one line into the
        // room the caption leaves (all of it where the caption would be left out anyway); the
        // marker and caption take the rest
        readonly property real across: width - 2 * columnSpacing
        readonly property real backWidth: Math.max(back.wordWidth, across * 2 / 9)
        readonly property real captionMin: Theme.fontChrome * 9 // the caption's few words
        readonly property real primaryBase: Math.max(primary.wordWidth, across * 3 / 9)
        readonly property real primaryRest: across - (footer.hasBack ? backWidth : 0)
                                            - (banner.visible ? banner.implicitWidth
                                                                + captionRow.spacing : 0)
        // (on a short panel the caption gives way before the primary action takes a second
        // line: that line would cost the content a row)
        readonly property real primaryWidth: Math.max(primaryBase, Math.min(
            primary.implicitWidth,
            primaryRest - (primaryRest - primaryBase >= captionMin && !Theme.shortPanel
                           ? captionMin : 0)))
        // two rows: Back as wide as its word on one line (at least two ninths, at most half),
        // the primary action the rest, so its words take as few lines as they can
        readonly property real narrowBackWidth: Math.min(Math.max(back.implicitWidth,
                                                                  width * 2 / 9),
                                                         (width - columnSpacing) / 2)

        RowLayout { // the practice marker and the caption
            id: captionRow
            // a caption that could show only a word or two is left out (the bar's Listen stays)
            readonly property bool roomForCaption: width - (banner.visible ? banner.implicitWidth
                                                                             + spacing : 0)
                                                   >= grid.captionMin
            Layout.row: 0
            Layout.column: footer.wide ? 1 : 0
            Layout.columnSpan: footer.wide ? 1 : 2
            Layout.fillWidth: true
            Layout.fillHeight: footer.wide
            spacing: Theme.gap

            Rectangle { // the kiosk talks to the practice portal: say so, on every screen
                id: banner
                objectName: "practiceBanner"
                visible: Backend.practice && !footer.practiceInBar
                Layout.fillHeight: true
                implicitWidth: practiceWord.implicitWidth + 2 * Theme.gap
                implicitHeight: practiceWord.implicitHeight + 2 * Theme.gap
                color: Theme.notice
                border.color: Theme.noticeBorder
                border.width: Theme.border
                radius: Theme.radius
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Practice: nothing is sent to the city.")
                Text {
                    id: practiceWord
                    anchors.centerIn: parent
                    color: Theme.noticeText
                    font.pixelSize: Theme.fontChrome
                    font.bold: true
                    //: A marker beside the caption: the kiosk only practises, nothing reaches
                    //: the city
                    text: qsTr("Practice")
                }
            }
            KCaption {
                id: caption
                objectName: "caption"
                visible: captionRow.roomForCaption
                Layout.fillWidth: true
                Layout.fillHeight: true
                idleHint: footer.idleHint
            }
            Item { // keeps the row's share of the footer when the caption is left out
                Layout.fillWidth: true
                visible: !caption.visible
            }
        }
        KButton {
            id: back
            objectName: footer.screen ? footer.screen.backName : "back"
            icon.name: "back"
            Layout.row: footer.wide ? 0 : 1
            Layout.column: 0
            Layout.preferredWidth: footer.wide ? grid.backWidth
                                  : footer.hasPrimary ? grid.narrowBackWidth : 1
            Layout.fillWidth: !footer.wide && !footer.hasPrimary
            Layout.fillHeight: true
            visible: footer.hasBack
            fontSize: Theme.fontChrome
            pad: Theme.chromePad
            text: footer.screen ? footer.screen.backText : ""
            onActivated: footer.screen.goBack()
        }
        Item { // under the caption, keeps the primary action on the right when there is no Back
            // (in one row the caption takes the room: the primary action stays at the right edge)
            Layout.row: 1
            Layout.column: 0
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            visible: !footer.hasBack && !footer.wide
        }
        KButton {
            id: primary
            objectName: footer.screen ? footer.screen.primaryName : "primary"
            icon.name: footer.screen ? footer.screen.primaryIcon : ""
            Layout.row: footer.wide ? 0 : 1
            Layout.column: footer.wide ? 2 : 1
            Layout.fillWidth: !footer.wide
            Layout.preferredWidth: footer.wide ? grid.primaryWidth : 1
            Layout.fillHeight: true
            visible: footer.hasPrimary
            kind: footer.screen ? footer.screen.primaryKind : "primary"
            enabled: footer.screen !== null && footer.screen.primaryEnabled
            reason: footer.screen ? footer.screen.primaryReason : ""
            fontSize: Theme.fontChrome
            pad: Theme.chromePad
            text: footer.screen ? footer.screen.primaryText : ""
            onActivated: footer.screen.primaryRequested()
        }
        Item {
            Layout.row: 1
            Layout.column: 1
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            visible: !footer.hasPrimary && !footer.wide
        }
    }
}
