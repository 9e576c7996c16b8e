// The identity step on one screen, its parts filling in where the citizen looks: (1) the card's
// QR under the camera, or the ID number and birth date typed beside it; (2) the card on the
// reader, read with its progress; (3) the details read, with "Yes, continue" and "This is not
// me". Only a read that fails for good opens a screen of its own (IdentityFailed).
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import Kiosk

ScreenFrame {
    id: frame
    title: I18n.s["identity.screen.one.question"]
    step: Identity.step
    stepTotal: Identity.stepTotal
    showBack: Identity.state !== "reading"
    onBackRequested: Identity.back()

    readonly property bool keyStage: Identity.state === "show_qr" || Identity.state === "type_details"
    readonly property bool readStage: Identity.state === "place_card" || Identity.state === "reading"
    readonly property bool confirmStage: Identity.state === "confirm"
    // the typed key is used: the keyboard closes; back at the start, the fields are empty again
    onKeyStageChanged: {
        if (keyStage) {
            idField.input.text = ""
            birthField.input.text = ""
        } else {  // the fields let go of the focus: the digit pad closes
            idField.input.focus = false
            birthField.input.focus = false
        }
    }

    component Field: Rectangle {
        property alias input: input
        property string label: ""
        height: Theme.touchTarget
        color: Theme.surface
        border.color: input.activeFocus ? Theme.focus : Theme.border
        border.width: 4
        radius: Theme.radius
        Accessible.name: label
        TextInput {
            id: input
            anchors { fill: parent; margins: Theme.gap / 2 }
            verticalAlignment: TextInput.AlignVCenter
            font.pixelSize: Theme.bodySize + 6
            color: Theme.text
            clip: true
            inputMethodHints: Qt.ImhDigitsOnly
            Accessible.role: Accessible.EditableText
            Accessible.name: parent.label
            // the keypad: reached with the arrows, said with the word for a field
            readonly property string spokenText: Accessible.name + ". " + I18n.s["speech.field"]
            activeFocusOnTab: true
            FocusFrame { target: input }
        }
    }

    // a part's number and heading, ticked once it is done
    component PartHeading: Row {
        id: heading
        property int number: 0
        property string text: ""
        property bool done: false
        property bool current: false
        spacing: Theme.gap / 2
        StatusIcon {
            id: tick
            visible: heading.done
            kind: "ok"
        }
        BodyText {
            width: heading.width - (tick.visible ? tick.width + heading.spacing : 0)
            text: heading.number + ". " + heading.text
            wrapMode: Text.WordWrap
            font.bold: true
            color: heading.current || heading.done ? Theme.text : Theme.mutedText
        }
    }

    Item {
        anchors.fill: parent

        // (1): the key to the chip, the QR under the camera or the typed ID and birth date
        Flickable {
            id: left
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
            width: parent.width * 0.46
            clip: true
            contentHeight: leftColumn.implicitHeight
            Column {
                id: leftColumn
                width: left.width
                spacing: Theme.gap / 2

                ErrorSummary {
                    objectName: "identityProblem"
                    width: parent.width
                    message: Identity.problem || (frame.readStage ? Identity.readerNote : "")
                }
                PartHeading {
                    width: parent.width
                    number: 1
                    text: I18n.s["identity.screen.one.key"]
                    current: frame.keyStage
                    done: !frame.keyStage
                }
                Row {
                    width: parent.width
                    visible: frame.keyStage
                    spacing: Theme.gap / 2
                    Column {
                        width: (parent.width - parent.spacing) / 2
                        spacing: Theme.gap / 4
                        BodyText {
                            id: idLabel
                            width: parent.width
                            // both labels as tall as the taller: the two fields stay level
                            height: Math.max(idLabel.implicitHeight, birthLabel.implicitHeight)
                            text: I18n.s["identity.screen.type.id_label"]
                            wrapMode: Text.WordWrap
                        }
                        Field {
                            id: idField
                            width: parent.width
                            label: I18n.s["identity.screen.type.id_label"]
                            input.objectName: "identityIdField"
                            input.maximumLength: 12
                            input.onAccepted: birthField.input.forceActiveFocus()
                            // without a camera typing is the way in: the digit pad opens at once
                            Component.onCompleted: if (!Identity.hasCamera) input.forceActiveFocus()
                        }
                    }
                    Column {
                        width: (parent.width - parent.spacing) / 2
                        spacing: Theme.gap / 4
                        BodyText {
                            id: birthLabel
                            width: parent.width
                            // both labels as tall as the taller: the two fields stay level
                            height: Math.max(idLabel.implicitHeight, birthLabel.implicitHeight)
                            text: I18n.s["identity.screen.type.birth_label"]
                            wrapMode: Text.WordWrap
                        }
                        Field {
                            id: birthField
                            width: parent.width
                            label: I18n.s["identity.screen.type.birth_label"]
                            input.objectName: "identityBirthField"
                            input.maximumLength: 10
                            input.onAccepted: if (typedContinue.enabledState) typedContinue.clicked()
                        }
                    }
                }
                KioskButton {
                    id: typedContinue
                    objectName: "identityTypedContinue"
                    visible: frame.keyStage
                    width: parent.width
                    text: I18n.s["common.continue"]
                    enabledState: idField.input.text.length > 0 && birthField.input.text.length > 0
                    onClicked: Identity.submitTyped(idField.input.text, birthField.input.text)
                }
                HintText {
                    width: parent.width
                    visible: frame.keyStage
                    text: I18n.s["identity.screen.type.birth_hint"]
                    wrapMode: Text.WordWrap
                }
                HintText {
                    width: parent.width
                    visible: frame.keyStage
                    text: Identity.hasCamera ? I18n.s["identity.screen.one.or_qr"] : I18n.s["identity.screen.no_camera"]
                    wrapMode: Text.WordWrap
                }
                Row {
                    width: parent.width
                    visible: frame.keyStage && Identity.hasCamera
                    spacing: Theme.gap * 2  // the card's "QR code" label reaches past its edge in large text
                    IdentityCardPicture {
                        id: cardPicture
                        width: 240
                        height: 152
                        highlightQr: true
                    }
                    Column {
                        width: parent.width - cardPicture.width - parent.spacing
                        spacing: Theme.gap / 3
                        HintText {
                            width: parent.width
                            text: I18n.s["identity.screen.show_qr.hint"]
                            wrapMode: Text.WordWrap
                        }
                        BusyText {
                            objectName: "identityLooking"
                            text: I18n.s["identity.screen.show_qr.looking"]
                        }
                    }
                }
            }
        }

        Rectangle {
            id: divider
            anchors { left: left.right; leftMargin: Theme.gap; top: parent.top; bottom: parent.bottom }
            width: 2
            color: Theme.border
        }

        // (2) the card on the reader, read; (3) the details read, and whether they are the
        // citizen's: the buttons stay at the bottom, the details scroll above them if need be
        Flickable {
            id: right
            anchors { left: divider.right; leftMargin: Theme.gap; right: parent.right; top: parent.top
                      bottom: answerRow.visible ? answerRow.top : parent.bottom; bottomMargin: Theme.gap / 2 }
            clip: true
            contentHeight: rightColumn.implicitHeight
            Column {
                id: rightColumn
                width: right.width
                spacing: Theme.gap / 2

                PartHeading {
                    width: parent.width
                    number: 2
                    text: I18n.s["identity.screen.place_card.question"]
                    current: frame.readStage
                    done: frame.confirmStage
                }
                HintText {
                    width: parent.width
                    visible: !frame.confirmStage
                    text: I18n.s["identity.screen.place_card.hint"]
                    wrapMode: Text.WordWrap
                }
                BusyText {
                    objectName: "identityWaitingForCard"
                    visible: Identity.state === "place_card" && Identity.readerNote.length === 0
                    text: I18n.s["identity.screen.place_card.waiting"]
                }
                BusyText {
                    objectName: "identityProgressText"
                    visible: Identity.state === "reading"
                    text: Identity.progressText
                }
                Rectangle {
                    objectName: "identityProgressBar"
                    visible: Identity.state === "reading"
                    width: parent.width
                    height: 28
                    radius: 14
                    color: Theme.surface
                    border.color: Theme.border
                    border.width: 2
                    Accessible.role: Accessible.ProgressBar
                    Accessible.name: Identity.progressText
                    Rectangle {
                        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 3 }
                        width: Math.max(0, (parent.width - 6) * Identity.progressFraction)
                        radius: 11
                        color: Theme.primary
                    }
                }
                KioskButton {
                    objectName: "identityUseFallback"
                    visible: Identity.state === "place_card" && Identity.canUseQrData
                    primary: false
                    width: parent.width
                    text: I18n.s["identity.screen.failed.use_qr"]
                    onClicked: Identity.useFallback()
                }
                Item { width: 1; height: Theme.gap / 2 }
                PartHeading {
                    width: parent.width
                    number: 3
                    text: I18n.s["identity.screen.confirm.question"]
                    current: frame.confirmStage
                }
                HintText {
                    width: parent.width
                    visible: !frame.confirmStage
                    text: I18n.s["identity.screen.one.details_later"]
                    wrapMode: Text.WordWrap
                }
                Row {
                    width: parent.width
                    visible: frame.confirmStage
                    spacing: Theme.gap
                    Rectangle {
                        id: portraitFrame
                        width: Identity.portrait.length > 0 ? 150 : 0
                        height: 200
                        visible: Identity.portrait.length > 0
                        color: Theme.surface
                        border.color: Theme.border
                        border.width: 3
                        Image {
                            objectName: "identityPortrait"
                            anchors { fill: parent; margins: 6 }
                            source: Identity.portrait
                            fillMode: Image.PreserveAspectFit
                            asynchronous: false
                            Accessible.role: Accessible.Graphic
                            Accessible.name: I18n.s["identity.screen.portrait"]
                        }
                    }
                    Column {
                        id: details
                        width: parent.width - portraitFrame.width - parent.spacing
                        spacing: Theme.gap / 4
                        Repeater {
                            model: Identity.identityRows
                            delegate: Row {  // label and value on one line: the buttons stay in view
                                id: entry
                                required property string key
                                required property string label
                                required property string value
                                width: details.width
                                spacing: Theme.gap / 2
                                HintText {
                                    width: parent.width * 0.34
                                    text: entry.label
                                    wrapMode: Text.WordWrap
                                }
                                BodyText {
                                    objectName: "identityValue_" + entry.key
                                    readonly property bool personal: true  // read aloud only when asked
                                    width: parent.width * 0.66 - parent.spacing
                                    text: entry.value
                                    wrapMode: Text.WordWrap
                                    font.bold: true
                                }
                            }
                        }
                    }
                }
                Row {
                    objectName: "identitySource"
                    width: parent.width
                    visible: frame.confirmStage
                    spacing: Theme.gap / 2
                    StatusIcon {
                        id: sourceIcon
                        kind: Identity.verified ? "ok" : "problem"
                        anchors.verticalCenter: parent.verticalCenter
                    }
                    Text {
                        width: parent.width - sourceIcon.width - parent.spacing
                        text: Identity.sourceNote
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.smallSize
                        color: Theme.text
                    }
                }
                ErrorSummary {
                    objectName: "identityMismatch"
                    width: parent.width
                    message: frame.confirmStage ? Identity.mismatchNote : ""
                }
            }
        }
        Row {
            id: answerRow
            anchors { left: divider.right; leftMargin: Theme.gap; right: parent.right; bottom: parent.bottom }
            visible: frame.confirmStage
            spacing: Theme.gap
            KioskButton {
                objectName: "identityConfirm"
                width: (parent.width - parent.spacing) / 2
                text: I18n.s["identity.screen.confirm.yes"]
                onClicked: Identity.confirm()
            }
            KioskButton {
                objectName: "identityNotMe"
                width: (parent.width - parent.spacing) / 2
                primary: false
                text: I18n.s["identity.screen.confirm.no"]
                onClicked: Identity.notMe()
            }
        }
    }
}
