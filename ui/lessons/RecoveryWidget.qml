pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// The common mistake has happened: the moment is shown (a notice like the phone's, a picture
// where there is one), and the learner touches what puts it right, in order. Each right move is
// ticked off in a numbered list; a tempting wrong move says why it does not help.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property var done: [] // ids of the steps done, in order
    readonly property var steps: params.steps || []
    spacing: Theme.shortPanel ? Theme.gap : Theme.gap * 2 // a short panel keeps its height for the moves
    Component.onCompleted: params = Lessons.widgetParams
    // Where even that does not fit under the step's own text folded away (a short panel at the
    // larger sizes), the moment gives way (`foldMoment`, set by LessonStepScreen): the title
    // says what happened, the voice has told it and More… shows its words; the prompt and whole
    // moves stay on screen. Where a title of two lines leaves less still, the prompt gives way
    // too (`foldPrompt`; More… shows it). The shares are what folding each saves.
    property bool foldMoment: false
    property bool foldPrompt: false
    readonly property real momentShare: situation.implicitHeight
                                        - (picture.visible ? picture.Layout.preferredHeight : 0)
                                        + spacing
    readonly property real promptShare: prompt.implicitHeight + spacing
    // the least it needs (LessonStepScreen gives it the room left): the moment (its picture only
    // where there is room; its words say it all), the prompt, the moves done and one page of the moves still to make
    readonly property real minimumHeight: (foldMoment ? 0 : momentShare)
                                          + (foldPrompt ? 0 : promptShare)
                                          + (doneList.visible ? doneList.implicitHeight + spacing : 0)
                                          + moves.need

    Connections { // "do it for me": the steps are shown done, in order, as the hint says
        target: Lessons
        function onStepChanged(): void {
            if (Lessons.stepDone && widget.done.length < widget.steps.length)
                widget.done = widget.steps.map(s => s.id)
        }
    }

    function touch(move: var): void {
        const next = steps[done.length] || ({})
        if (move.right && move.id === next.id)
            done = done.concat([move.id])
        Lessons.act("recover", move.id)
    }

    Rectangle { // the moment after the mistake
        id: situation
        objectName: "recoverySituation"
        visible: !widget.foldMoment
        Layout.fillWidth: true
        Layout.fillHeight: picture.visible // the picture takes what the moves leave
        Layout.maximumHeight: implicitHeight
        Layout.minimumHeight: implicitHeight - (picture.visible ? picture.Layout.preferredHeight : 0)
        implicitHeight: moment.implicitHeight + 2 * Theme.padding
        color: Theme.notice
        border.color: Theme.noticeBorder
        border.width: Theme.border
        radius: Theme.radius * 2
        ColumnLayout {
            id: moment
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            height: parent.height - 2 * Theme.padding
            spacing: Theme.gap
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                KIcon {
                    Layout.alignment: Qt.AlignTop
                    name: "warning"
                    color: Theme.noticeText
                }
                KText {
                    Layout.fillWidth: true
                    color: Theme.noticeText
                    font.bold: true
                    text: widget.params.situation || ""
                }
            }
            Image {
                id: picture
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 0 // drawn only when 12 mm or more are left for it
                opacity: height >= Theme.mm(12) ? 1 : 0
                Layout.preferredHeight: visible ? Math.min(Theme.mm(60), width * 0.5) : 0
                visible: (widget.params.image || "") !== ""
                source: widget.params.image ? Lessons.imageUrl(widget.params.image) : ""
                sourceSize.height: height
                fillMode: Image.PreserveAspectFit
                Accessible.role: Accessible.Graphic
                Accessible.name: widget.params.alt || ""
            }
        }
    }
    KText {
        id: prompt
        objectName: "recoveryPrompt"
        visible: !widget.foldPrompt
        Layout.fillWidth: true
        font.bold: true
        // a short panel: a heading's line spacing for this one bold line or two
        lineHeight: Theme.shortPanel ? Theme.lineHeightTight : Theme.lineHeight
        text: widget.params.prompt || ""
    }
    ColumnLayout { // what is done so far, numbered
        id: doneList
        objectName: "recoveryDone"
        Layout.fillWidth: true
        visible: widget.done.length > 0
        spacing: Theme.gap
        Repeater {
            model: widget.done
            delegate: RowLayout {
                id: row
                required property string modelData
                required property int index
                objectName: "done-" + modelData
                Layout.fillWidth: true
                spacing: Theme.gap
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    implicitWidth: number.implicitHeight
                    implicitHeight: implicitWidth
                    radius: implicitWidth / 2
                    color: Theme.okBorder
                    Text {
                        id: number
                        anchors.centerIn: parent
                        text: row.index + 1
                        color: Theme.lessonInk
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                    }
                }
                KText {
                    Layout.fillWidth: true
                    text: (widget.steps.find(s => s.id === row.modelData) || {}).label || ""
                }
                KIcon {
                    Layout.alignment: Qt.AlignTop
                    name: "done"
                    color: Theme.text
                }
            }
        }
    }
    KPager { // the moves still to make, right and wrong, mixed: as many whole ones as fit
        id: moves
        objectName: "recoveryMoves"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: need
        model: (widget.params.actions || []).filter(a => widget.done.indexOf(a.id) < 0)
        delegate: KButton {
            required property var modelData
            objectName: "action-" + modelData.id
            main: false
            pad: Theme.chromePad // as tall as its target needs on a short panel, and no taller
            selected: Lessons.hintTarget === modelData.id
            text: modelData.label
            onActivated: widget.touch(modelData)
        }
    }
}
