pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk
import "../components"

// Take-home learner cards and certificates, one job at a time: the screen opens on the choice
// (a new card, a certificate, forget a card), and each job is a step of its own with its one
// action in the footer and Back to the choice. So each fits whole on the smallest panel at the
// largest size, and the trainer never looks for a button below the fold. The name is typed
// here only to be printed: it is never stored, and the field is emptied as soon as the
// certificate is made.
KScreen {
    id: screen
    // "" the choice; "card" a new card made, its code shown; "certificate"; "forget"
    property string task: ""
    function begin(next: string): void {
        TrainerDesk.clearMessage() // what the last job said is not about this one
        nameField.text = ""
        certificateCode.text = ""
        forgetCode.text = ""
        task = next
        forceActiveFocus(Qt.OtherFocusReason) // nothing focused: no keys over the new step
        if (next === "card")
            TrainerDesk.newCard()
    }

    function typed(): void { // Enter on the last field: the keys go, the footer shows
        forceActiveFocus(Qt.OtherFocusReason)
    }

    form: task === "certificate" || task === "forget"
    title: task === "card" ? qsTr("A new learner card")
         : task === "certificate" ? qsTr("Print a certificate")
         : task === "forget" ? qsTr("Forget a learner card")
         : qsTr("Learner cards and certificates")
    instruction: task === "card" ? qsTr("Give the card to the learner. It has no name on it.")
               : task === "certificate" ? qsTr("Type the learner's name, and the code of their "
                                               + "card if they have one.")
               : task === "forget" ? qsTr("Type the code of the card. Its progress is deleted "
                                          + "from this kiosk.")
               : qsTr("Choose what to do.")
    helpText: qsTr("A learner card has a code and a QR code, and no name. The kiosk keeps only "
                   + "which lessons were finished with that code. The name on a certificate "
                   + "is printed and never kept.")
    backName: "printBack"
    hasBack: task !== "" || Nav.canGoBack
    customBack: true
    onBackRequested: task !== "" ? begin("") : Nav.back()

    primaryName: task === "card" ? "printAnotherCard"
               : task === "forget" ? "forgetCard" : "printCertificate"
    primaryKind: task === "forget" ? "danger" : "primary"
    primaryIcon: task === "forget" ? "warning" : "print"
    primaryText: task === "card" ? qsTr("Print another card")
               : task === "certificate" ? qsTr("Print the certificate")
               : task === "forget" ? qsTr("Forget this card")
               : ""
    primaryEnabled: !TrainerDesk.busy
    onPrimaryRequested: {
        if (task === "card") {
            TrainerDesk.newCard()
        } else if (task === "certificate") {
            TrainerDesk.printCertificate(nameField.text, certificateCode.text)
            nameField.text = "" // the name leaves the screen at once
        } else if (task === "forget") {
            TrainerDesk.forgetCard(forgetCode.text)
        }
    }

    // Short of room (a small panel, a large size), the fields give way: first the code's
    // example, then the first field's label goes inside the empty field, then the second's (the
    // instruction, Help and the typing strip still say them). Worked out from heights that what
    // gives way does not change, against the room under the title alone (the instruction gives
    // way before them; less the spacing before the filler under the content): bindings, no
    // refit called late as the screen goes.
    readonly property real roomForFields: roomUnder(false, false) - 2 * ringRoom - Theme.gap * 2
                                          + 1
    readonly property bool forgetting: task === "forget"
    readonly property real fieldsBare: (forgetting ? forgetCode.input.implicitHeight
                                                   : nameField.input.implicitHeight + Theme.gap * 2
                                                     + certificateCode.input.implicitHeight)
                                       + (messageBox.visible ? message.implicitHeight
                                                               + Theme.gap * 2 : 0)
    readonly property real firstLabel: (forgetting ? forgetLabelMeasure : nameLabelMeasure)
                                       .implicitHeight + nameField.spacing
    readonly property real secondLabel: forgetting ? 0 : codeLabelMeasure.implicitHeight
                                                         + nameField.spacing
    readonly property real exampleRoom: exampleMeasure.implicitHeight + nameField.spacing
    // the labels and the example as the fields show them (a label that gave way, or a field
    // of another step, is not laid out at this width and size: it cannot be measured itself),
    // at the content's width (as KScreen sets it: not the fields' own, which the layout that
    // the labels change sets)
    readonly property real measureWidth: Math.min(width - 2 * Theme.margin, Theme.contentMaxWidth)
    KText {
        id: nameLabelMeasure
        visible: false
        width: screen.measureWidth
        font.bold: true
        text: nameField.label
    }
    KText {
        id: codeLabelMeasure
        visible: false
        width: screen.measureWidth
        font.bold: true
        text: certificateCode.label
    }
    KText {
        id: forgetLabelMeasure
        visible: false
        width: screen.measureWidth
        font.bold: true
        text: forgetCode.label
    }
    KText {
        id: exampleMeasure
        visible: false
        width: screen.measureWidth
        text: certificateCode.example
    }
    readonly property int fieldsGiveWay: {
        const labelled = fieldsBare + secondLabel
        return labelled + firstLabel + exampleRoom <= roomForFields ? 0
             : labelled + firstLabel <= roomForFields ? 1
             : labelled <= roomForFields ? 2 : 3
    }

    // Short of room, the card's preview gives way too: first its label (the title says whose
    // code it is), then the code comes down from its very large size to the title's. The code
    // and what the printer did stay. Measured on texts that do not change with it.
    readonly property real cardNeed: 2 * Theme.padding + codeLarge.implicitHeight
                                     + previewLabel.implicitHeight
                                     + (messageBox.visible ? message.implicitHeight
                                                             + Theme.gap * 2 : 0)
    readonly property int cardGiveWay: cardNeed <= roomForFields ? 0
                                     : cardNeed - previewLabel.implicitHeight <= roomForFields ? 1
                                     : 2

    // the choice
    KPager {
        objectName: "printChoices"
        Layout.fillWidth: true
        Layout.fillHeight: true
        visible: screen.task === ""
        model: [
            { name: "printNewCard", kind: "primary", text: qsTr("Make and print a new learner card"),
              description: qsTr("A code and a QR code to carry on another day, no name") },
            { name: "printCertificateStep", text: qsTr("Print a certificate"),
              description: qsTr("With the learner's name, which is printed and never kept") },
            { name: "forgetCardStep", text: qsTr("Forget a learner card"),
              description: qsTr("Deletes a card's progress, when its learner asks") }
        ]
        delegate: KButton {
            required property var modelData
            objectName: modelData.name
            kind: modelData.kind ?? "normal"
            enabled: !TrainerDesk.busy
            text: modelData.text
            description: modelData.description
            onActivated: screen.begin(modelData.name === "printNewCard" ? "card"
                                      : modelData.name === "printCertificateStep" ? "certificate"
                                      : "forget")
        }
    }

    // a new card: its code, as on the card, for the trainer to check or to copy by hand
    Rectangle {
        objectName: "printCardPreview"
        Layout.fillWidth: true
        visible: screen.task === "card" && TrainerDesk.cardCode !== "" && !TrainerDesk.busy
        implicitHeight: preview.implicitHeight + 2 * Theme.padding
        color: Theme.surface
        border.color: Theme.surfaceBorder
        border.width: Theme.border
        radius: Theme.radius
        Column {
            id: preview
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            KText {
                id: previewLabel
                width: parent.width
                visible: screen.cardGiveWay < 1
                color: Theme.surfaceText
                font.pixelSize: Theme.fontChrome
                font.bold: true
                lineHeight: Theme.lineHeightTight
                text: qsTr("The code on the card")
            }
            KText {
                objectName: "printCardCode" // never read aloud: others in the room would hear it
                width: parent.width
                wrapMode: Text.WrapAnywhere
                color: Theme.surfaceText
                font.pixelSize: screen.cardGiveWay < 2 ? codeLarge.font.pixelSize
                                                        : Theme.fontTitle
                font.bold: true
                font.letterSpacing: Theme.gap / 4
                lineHeight: Theme.lineHeightTight
                text: TrainerDesk.cardCode
            }
        }
        KText { // the code at its very large size, measured only (what it would take)
            id: codeLarge
            width: preview.width
            visible: false
            wrapMode: Text.WrapAnywhere
            font.pixelSize: Math.round(Theme.fontTitle * 1.5)
            font.bold: true
            font.letterSpacing: Theme.gap / 4
            lineHeight: Theme.lineHeightTight
            text: TrainerDesk.cardCode
        }
    }

    // a certificate: the name (never kept) and the card's code, or none for today's class
    KTextField {
        id: nameField
        objectName: "certificateName"
        Layout.fillWidth: true
        visible: screen.task === "certificate"
        label: qsTr("The learner's name (never kept)")
        labelInside: screen.fieldsGiveWay >= 2
        input.onAccepted: certificateCode.input.forceActiveFocus() // Next: the card's code
    }
    KTextField {
        id: certificateCode
        objectName: "certificateCode"
        Layout.fillWidth: true
        visible: screen.task === "certificate"
        label: qsTr("Card code (leave empty for today's class)")
        labelInside: screen.fieldsGiveWay >= 3
        example: qsTr("For example: K7MW-3QXD")
        showExample: screen.fieldsGiveWay < 1
        //: The Enter key of the on-screen keyboard in the certificate's last field
        enterText: qsTr("Print")
        input.onAccepted: { // the keys go, so the message and the footer show again
            screen.typed()
            screen.primaryRequested()
        }
    }

    // forget a card: its code, and the footer's danger button
    KTextField {
        id: forgetCode
        objectName: "forgetCode"
        Layout.fillWidth: true
        visible: screen.task === "forget"
        label: qsTr("The code on the card")
        labelInside: screen.fieldsGiveWay >= 2
        example: qsTr("For example: K7MW-3QXD")
        showExample: screen.fieldsGiveWay < 1
        enterText: qsTr("Done") // the keys go: the footer's button shows
        input.onAccepted: screen.typed()
    }

    // what the last action said (printing, saved as a file, a code not known); paged when long
    Item {
        id: messageBox
        readonly property string spokenText: visible ? message.text : "" // read with the screen
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.verticalStretchFactor: 1000 // the room goes here first, up to its whole text
        Layout.maximumHeight: message.naturalHeight
        implicitHeight: message.implicitHeight
        visible: screen.task !== "" && message.text !== ""
        KPagedText {
            id: message
            objectName: "printMessage"
            width: parent.width
            height: parent.height
            minLines: 1
            text: TrainerDesk.message
        }
    }
    Item { // what is left stays under the content, not between its parts
        Layout.fillHeight: true
        Layout.verticalStretchFactor: 1
        visible: screen.task !== ""
    }
}
