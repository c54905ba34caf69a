pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The first screen a passer-by sees: touch anywhere (or a language) to start.
KScreen {
    id: attract

    title: qsTr("Welcome")
    instruction: qsTr("Touch your language to start, or touch anywhere.")
    helpText: qsTr("This kiosk helps you with the city's services and teaches you to use a touch "
                   + "screen. Touch the name of your language to start.")
    tapAnywhere: true
    onBackgroundTapped: start(Session.language)

    function start(lang: string): void {
        Session.setLanguage(lang)
        Session.begin()
        Nav.go("home")
    }

    Rectangle {
        Layout.fillWidth: true
        visible: Session.dataDeleted
        implicitHeight: deleted.implicitHeight + 2 * Theme.gap
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        KText {
            id: deleted
            objectName: "dataDeleted"
            anchors.fill: parent
            anchors.margins: Theme.gap
            color: Theme.noticeText
            font.bold: true
            text: qsTr("The previous person's data has been deleted.")
        }
    }

    // What is shown only when there is room for it (a short panel at a large size): the size
    // now under "Larger text", then the note that everything is deleted (the voice says it).
    readonly property real spare: contentRoom - languages.need - textSize.compactHeight
                                  - (deleted.parent.visible ? deleted.parent.implicitHeight : 0)
                                  - (staffNotice.visible ? staffNotice.implicitHeight + Theme.gap * 2 : 0)
                                  - 3 * Theme.gap * 2
    readonly property bool roomForSize: spare >= textSize.detailHeight
    readonly property bool roomForNote: spare - (roomForSize ? textSize.detailHeight : 0)
                                        >= note.implicitHeight + Theme.gap * 2

    Rectangle { // a fault the kiosk works around (its database): staff must see it at once
        id: staffNotice
        objectName: "attractStaffNotice"
        Layout.fillWidth: true
        visible: Backend.storageProblem !== ""
        implicitHeight: storage.implicitHeight + 2 * Theme.gap
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        KText {
            id: storage
            anchors.fill: parent
            anchors.margins: Theme.gap
            color: Theme.noticeText
            text: Backend.storageProblem
        }
    }

    KPager {
        id: languages
        objectName: "languages"
        // a language's name is one short word: two to a row, so all four show at once
        minColumnWidth: Math.max(Theme.mm(60), Theme.fontBody * 7)
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: I18n.languages
        delegate: KButton {
            required property var modelData
            objectName: "language_" + modelData.code
            kind: "primary"
            text: modelData.name
            onActivated: attract.start(modelData.code)
        }
    }

    KButton { // ACCESSIBILITY 4: on the start screen, drawn at its largest size
        id: textSize
        objectName: "attractTextSize"
        // its height with its words only, and what the size now under them adds
        readonly property real compactHeight: Math.max(Theme.targetMain,
                                                       Math.ceil(fontSize * 1.36) + 2 * pad)
        readonly property real detailHeight: Math.ceil(fontSize * 1.51) + Theme.gap / 2
        Layout.fillWidth: true
        fontSize: Theme.fontLargest
        compact: !attract.roomForSize
        text: qsTr("Larger text")
        description: qsTr("Text size %1 of %2").arg(Session.textStep + 1)
                                              .arg(Session.textStepCount)
        onActivated: Session.cycleTextSize()
    }

    KText {
        id: note
        objectName: "attractNote"
        Layout.fillWidth: true
        visible: attract.roomForNote
        text: qsTr("When you finish, everything you entered is deleted.")
        property string spokenText: text // read with the screen
    }
}
