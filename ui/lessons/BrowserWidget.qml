pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// A practice browser drawn as a phone's browser: the search box with what was searched, the
// results with their address under a padlock (every one has it, the advert too) and "Advert"
// on the sponsored one; touching a result opens its page with its address on top, and
// "Back to the results" returns. The address tells the official page, not the title.
ColumnLayout {
    id: widget
    property bool lessonWidget: true
    property var params: ({})
    property string opened: ""
    readonly property var pages: params.pages || []
    readonly property var page: pages.find(p => p.id === opened) || ({})
    spacing: Theme.gap * 2
    Component.onCompleted: params = Lessons.widgetParams

    KText {
        Layout.fillWidth: true
        text: widget.params.prompt || ""
        font.bold: true
    }
    Rectangle { // the browser
        objectName: "browserScreen"
        Layout.fillWidth: true
        implicitHeight: inside.implicitHeight + 2 * Theme.gap
        color: Theme.surface
        border.color: Theme.phoneFrame
        border.width: Theme.border
        radius: Theme.radius * 2
        ColumnLayout {
            id: inside
            x: Theme.gap
            y: Theme.gap
            width: parent.width - 2 * Theme.gap
            spacing: Theme.gap
            Rectangle { // the address bar: the search, or the page's address
                objectName: "browserBar"
                Layout.fillWidth: true
                implicitHeight: bar.implicitHeight + Theme.gap * 2
                color: Theme.chatBackground
                radius: height / 2
                RowLayout {
                    id: bar
                    x: Theme.padding
                    y: Theme.gap
                    width: parent.width - 2 * Theme.padding
                    spacing: Theme.gap
                    KIcon {
                        name: "padlock"
                        visible: widget.opened !== ""
                        color: Theme.surfaceText
                    }
                    KText {
                        Layout.fillWidth: true
                        color: Theme.surfaceText
                        text: widget.opened !== "" ? widget.page.address || ""
                                                   : widget.params.query || ""
                    }
                }
            }
            Repeater { // the results
                model: widget.opened === "" ? widget.pages : []
                delegate: Rectangle {
                    id: result
                    required property var modelData
                    readonly property bool lit: Lessons.hintTarget === modelData.id
                    objectName: "pick-" + modelData.id
                    Layout.fillWidth: true
                    implicitHeight: lines.implicitHeight + 2 * Theme.gap
                    color: Theme.surface
                    border.color: lit ? Theme.focus : Theme.surfaceBorder
                    border.width: lit ? Theme.focusWidth : Theme.border
                    radius: Theme.radius
                    activeFocusOnTab: true
                    Keys.onReturnPressed: widget.open(modelData.id)
                    Accessible.role: Accessible.Link
                    Accessible.name: modelData.title + ", " + modelData.address
                    ColumnLayout {
                        id: lines
                        x: Theme.gap
                        y: Theme.gap
                        width: parent.width - 2 * Theme.gap
                        spacing: Theme.gap / 2
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.gap
                            Rectangle { // "Advert", as search pages mark a paid result
                                objectName: "advert-" + result.modelData.id
                                visible: result.modelData.sponsored === true
                                implicitWidth: advert.implicitWidth + Theme.gap * 2
                                implicitHeight: advert.implicitHeight
                                color: Theme.notice
                                border.color: Theme.noticeBorder
                                border.width: Theme.border
                                radius: Theme.radius
                                KText {
                                    id: advert
                                    x: Theme.gap
                                    color: Theme.noticeText
                                    font.bold: true
                                    text: qsTr("Advert")
                                }
                            }
                            KIcon {
                                name: "padlock"
                                color: Theme.surfaceText
                            }
                            KText {
                                Layout.fillWidth: true
                                color: Theme.surfaceText
                                text: result.modelData.address
                            }
                        }
                        KText {
                            Layout.fillWidth: true
                            color: Theme.primary
                            font.bold: true
                            font.underline: true
                            text: result.modelData.title
                        }
                        KText {
                            Layout.fillWidth: true
                            color: Theme.surfaceText
                            text: result.modelData.body
                        }
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: widget.open(result.modelData.id)
                    }
                }
            }
            ColumnLayout { // the opened page
                objectName: "browserPage"
                Layout.fillWidth: true
                visible: widget.opened !== ""
                spacing: Theme.gap
                KText {
                    Layout.fillWidth: true
                    color: Theme.surfaceText
                    font.pixelSize: Theme.fontHeading
                    font.bold: true
                    text: widget.page.title || ""
                }
                KText {
                    Layout.fillWidth: true
                    color: Theme.surfaceText
                    text: widget.page.body || ""
                }
            }
        }
    }
    KButton {
        objectName: "browserBack"
        Layout.fillWidth: true
        visible: widget.opened !== ""
        main: false
        text: qsTr("Back to the results")
        onActivated: widget.opened = ""
    }

    function open(id: string): void {
        opened = id
        Lessons.act("pick", id)
    }
}
