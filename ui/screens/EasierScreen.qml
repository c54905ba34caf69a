pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// "Make it easier for me": text size, colours, the voice and the language, for this person
// only. Each setting is a group of choices; the groups are paged to fit the screen.
KScreen {
    id: easier
    title: qsTr("Make it easier for me")
    instruction: qsTr("Choose what helps you. It is only for you.")
    helpText: qsTr("Touch a text size, a colour scheme, how the voice reads, or a language. The "
                   + "chosen one has a check mark and the word selected. Everything goes back "
                   + "to normal when you finish.")
    primaryText: qsTr("Done")
    primaryIcon: "done"
    primaryName: "easierDone"
    onPrimaryRequested: Nav.back()

    readonly property string volumeText: qsTr("Volume %1 of %2").arg(Speech.volumeStep + 1)
                                                                .arg(Speech.volumeCount)

    // Which choice of a group is selected now (-1: none, e.g. the volume buttons).
    function chosenIn(group: string): int {
        switch (group) {
        case "size": return Session.textStep
        case "colours": return Session.highContrast ? 1 : 0
        case "reading": return Speech.autoRead ? 0 : 1
        case "rate": return Speech.rateStep
        case "headphones": return Speech.headset ? 0 : -1
        case "language": return I18n.languages.findIndex(l => l.code === Session.language)
        }
        return -1
    }

    function pick(group: string, index: int): void {
        switch (group) {
        case "size": Session.setTextStep(index); break
        case "colours": Session.setHighContrast(index === 1); break
        case "reading": Speech.setAutoRead(index === 0); break
        case "rate": Speech.setRateStep(index); break
        case "volume": index === 0 ? Speech.volumeDown() : Speech.volumeUp(); break
        case "headphones": Speech.setHeadset(!Speech.headset); break
        case "language": Session.setLanguage(I18n.languages[index].code); break
        }
    }

    // How many choices fit side by side: each keeps about 12 letters beside its "selected" mark.
    function perRow(width: real): int {
        return Math.max(1, Math.floor((width + Theme.gap * 2) / (Theme.fontBody * 14 + Theme.gap * 2)))
    }

    // The settings as the pager's items: a setting's heading with one row of its choices; a
    // setting with more choices than fit in a row goes on in another item, which shows the
    // heading again only when it begins a page (the pager drops it under its own first row),
    // so a page never shows choices without the setting they belong to, nor a heading twice.
    function parts(groups: var, across: int): var {
        const found = []
        for (const group of groups)
            for (let first = 0; first < group.options.length; first += across)
                found.push({ id: group.id, heading: group.heading, offset: first,
                             options: group.options.slice(first, first + across) })
        return found
    }

    // A setting (or part of one): its heading and a row of its choices. Placed by bindings, not
    // a Layout, so its height follows its width at once (the pager measures it).
    component Group: Item {
        id: group
        required property var modelData
        readonly property var options: modelData.options
        readonly property real spacing: Theme.gap * 2
        readonly property int columns: Math.max(1, Math.min(options.length, easier.perRow(width)))
        readonly property int rows: Math.ceil(options.length / columns)
        readonly property real cellWidth: (width - (columns - 1) * spacing) / columns
        // for the pager: a part that goes on from the part above it, and whether it shows the
        // setting's heading (the pager measures every part with it)
        readonly property bool continues: modelData.offset > 0
        property bool headed: true
        readonly property real choicesTop: headed ? heading.height + Theme.gap : 0
        readonly property real rowHeight: {
            let tallest = 0
            for (let i = 0; i < choices.count; ++i) {
                const button = choices.itemAt(i)
                if (button)
                    tallest = Math.max(tallest, button.implicitHeight)
            }
            return tallest
        }
        implicitHeight: (headed ? heading.implicitHeight + Theme.gap : 0) + rows * rowHeight
                        + (rows - 1) * Theme.gap

        KText {
            id: heading
            visible: group.headed
            width: group.width
            text: group.modelData.heading
            font.pixelSize: Theme.fontHeading
            font.bold: true
            lineHeight: Theme.lineHeightTight
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Repeater {
            id: choices
            model: group.options
            KButton {
                required property var modelData
                required property int index
                objectName: modelData.name
                x: (index % group.columns) * (group.cellWidth + group.spacing)
                y: group.choicesTop + Math.floor(index / group.columns) * (group.rowHeight + Theme.gap)
                width: group.cellWidth
                height: group.rowHeight
                text: modelData.text
                description: modelData.description ?? ""
                selectable: group.modelData.id !== "volume"
                selected: easier.chosenIn(group.modelData.id) === group.modelData.offset + index
                onActivated: easier.pick(group.modelData.id, group.modelData.offset + index)
            }
        }
    }

    KPager {
        id: settingGroups
        objectName: "settingGroups"
        Layout.fillWidth: true
        Layout.fillHeight: true
        maxColumns: 1
        minRows: 1
        // beside "Previous" / "More" there is less room for a row: count for the narrower one
        model: easier.parts(settings, easier.perRow(settingGroups.width
                                                    - (settingGroups.canSideNav ? Math.max(
                                                       Theme.mm(60), settingGroups.width * 0.34)
                                                       + settingGroups.spacing : 0)))
        delegate: Group {}
        readonly property var settings: [
            { id: "size", heading: qsTr("Text size"), options: [
                { name: "textStep0", text: qsTr("Normal text") },
                { name: "textStep1", text: qsTr("Large text") },
                { name: "textStep2", text: qsTr("Largest text") }] },
            { id: "colours", heading: qsTr("Colours"), options: [
                { name: "contrastNormal", text: qsTr("Dark text on a light background") },
                { name: "contrastHigh", text: qsTr("Light text on a black background") }] },
            { id: "reading", heading: qsTr("Reading aloud"), options: [
                { name: "autoReadOn", text: qsTr("Read each new screen aloud") },
                { name: "autoReadOff", text: qsTr("Read only when I touch Listen") }] },
            { id: "rate", heading: qsTr("Voice speed"), options: [
                { name: "rate0", text: qsTr("Slow voice") },
                { name: "rate1", text: qsTr("Normal voice") },
                { name: "rate2", text: qsTr("Fast voice") }] },
            { id: "volume", heading: qsTr("Volume"), options: [
                { name: "volumeDown", text: qsTr("Quieter"), description: easier.volumeText },
                { name: "volumeUp", text: qsTr("Louder"), description: easier.volumeText }] },
            { id: "headphones", heading: qsTr("Headphones"), options: [
                { name: "headphones", text: qsTr("I am using headphones"),
                  description: Speech.headset ? qsTr("On: private details can be read to you")
                                              : qsTr("Off: private details are never read aloud") }] },
            { id: "language", heading: qsTr("Language"),
              options: I18n.languages.map(l => ({ name: "lang_" + l.code, text: l.name })) }
        ]
    }
}
