// Hand in a dossier, the form: one screen per part of the declaration. Related short answers
// share a screen; names and places are typed on the kiosk's keyboard, dates as day, month and
// year, everything enumerable is a choice (a long list has a search field, no diacritics
// needed). A refused answer stays as typed, with what is wrong beside it.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    id: frame
    title: HandIn.question.label || ""
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    onBackRequested: HandIn.back()

    readonly property var fields: HandIn.question.fields || []
    // one short choice alone on its screen: a tap answers it
    readonly property bool tapAnswers: fields.length === 1 && fields[0].kind === "choice" && !fields[0].long

    // field id → what is typed or chosen on this screen, kept by each field as it changes
    property var answers: ({})
    readonly property string firstError: {
        for (var i = 0; i < fields.length; ++i) if (fields[i].error) return fields[i].id
        return ""
    }
    function reveal(y) {
        flick.contentY = Math.max(0, Math.min(y, flick.contentHeight - flick.height))
    }

    function collect() {
        HandIn.answerPage(frame.answers)
    }
    // the next screen of questions starts at its top, not where the last one was scrolled to
    Connections {
        target: HandIn
        function onQuestionChanged() { flick.contentY = 0 }
    }

    // a search field above the places it finds
    component SearchBox: Rectangle {
        property alias input: input
        property alias capitalization: input.kioskCapitalization
        property string label: ""
        height: Theme.touchTarget
        radius: Theme.radius
        color: Theme.surface
        border.color: input.activeFocus ? Theme.focus : Theme.border
        border.width: 4
        TextInput {
            id: input
            anchors { fill: parent; margins: Theme.gap / 2 }
            verticalAlignment: TextInput.AlignVCenter
            font.pixelSize: Theme.bodySize
            color: Theme.text
            clip: true
            property string kioskCapitalization: "none"
            Accessible.role: Accessible.EditableText
            Accessible.name: parent.label
        }
    }

    // An address: the province, then its commune or ward, picked (searched without diacritics),
    // and one typed line before them (house and street, a hospital). Only the line is typed.
    component AddressPicker: Column {
        id: picker
        required property var field
        property var province: picker.field.province || ({})
        property var commune: picker.field.commune || ({})
        readonly property bool canPick: picker.field.picker === true
        readonly property string lineLabel: picker.lineLabel || ""
        readonly property string value: [lineBox.input.text.trim(), picker.commune.name || "",
                                         picker.province.name || ""].filter(function (part) {
                                             return part.length > 0 }).join(", ")
        spacing: Theme.gap / 3

        HintText {
            width: parent.width
            visible: picker.canPick
            text: I18n.s["hand_in.form.address.province"]
            font.bold: true
        }
        SearchBox {
            id: provinceSearch
            width: parent.width
            visible: picker.canPick
            label: I18n.s["hand_in.form.address.province"]
            input.objectName: "provinceSearch_" + picker.field.id
        }
        Flow {
            width: parent.width
            visible: picker.canPick
            spacing: Theme.gap / 2
            Repeater {
                model: picker.visible ? HandIn.provinceChoices(provinceSearch.input.text, picker.province.code || "") : []
                KioskButton {
                    id: provinceChoice
                    required property var modelData
                    objectName: "province_" + picker.field.id + "_" + provinceChoice.modelData.code
                    width: Math.min(implicitWidth + Theme.gap * 2, picker.width)
                    primary: picker.province.code === provinceChoice.modelData.code
                    text: provinceChoice.modelData.name
                    onClicked: {
                        frame.forceActiveFocus()  // the keyboard closes for a choice
                        provinceSearch.input.text = ""
                        if (picker.province.code === provinceChoice.modelData.code) {
                            picker.province = ({})  // tapped again: choose another
                        } else {
                            picker.province = provinceChoice.modelData
                        }
                        picker.commune = ({})
                    }
                }
            }
        }
        HintText {
            width: parent.width
            visible: picker.canPick && picker.province.code !== undefined
            text: I18n.s["hand_in.form.address.commune"]
            font.bold: true
        }
        SearchBox {
            id: communeSearch
            width: parent.width
            visible: picker.canPick && picker.province.code !== undefined
            label: I18n.s["hand_in.form.address.commune"]
            input.objectName: "communeSearch_" + picker.field.id
        }
        Flow {
            width: parent.width
            visible: picker.canPick && picker.province.code !== undefined
            spacing: Theme.gap / 2
            Repeater {
                model: picker.visible ? HandIn.communeChoices(picker.province.code || "", communeSearch.input.text,
                                                              picker.commune.code || "") : []
                KioskButton {
                    id: communeChoice
                    required property var modelData
                    objectName: "commune_" + picker.field.id + "_" + communeChoice.modelData.code
                    width: Math.min(implicitWidth + Theme.gap * 2, picker.width)
                    primary: picker.commune.code === communeChoice.modelData.code
                    text: communeChoice.modelData.name
                    onClicked: {
                        frame.forceActiveFocus()
                        communeSearch.input.text = ""
                        picker.commune = picker.commune.code === communeChoice.modelData.code
                            ? ({}) : communeChoice.modelData
                    }
                }
            }
        }
        HintText {
            width: parent.width
            text: picker.lineLabel
            wrapMode: Text.WordWrap
            font.bold: true
        }
        SearchBox {
            id: lineBox
            width: parent.width
            label: picker.lineLabel
            capitalization: "sentences"
            input.objectName: "field_" + picker.field.id
            input.text: picker.field.line || ""
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap / 2
        ErrorSummary {
            objectName: "questionError"
            Layout.fillWidth: true
            message: HandIn.error
        }
        RowLayout {  // another person's details: their card (or its QR) instead of typing
            Layout.fillWidth: true
            visible: HandIn.question.otherCard === true
            spacing: Theme.gap
            KioskButton {
                objectName: "readOtherCard"
                primary: false
                text: I18n.s["hand_in.form.other_card"]
                onClicked: HandIn.readOtherCard()
            }
            HintText {
                Layout.fillWidth: true
                text: I18n.s["hand_in.form.other_card_hint"]
                wrapMode: Text.WordWrap
            }
        }
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: column.implicitHeight
            Column {
                id: column
                width: flick.width
                spacing: Theme.gap
                Repeater {
                    id: repeater
                    model: frame.fields
                    Column {
                        id: entry
                        required property var modelData
                        required property int index
                        readonly property string fieldId: entry.modelData.id
                        readonly property bool address: entry.modelData.kind === "address"
                        readonly property bool typed: entry.modelData.kind !== "choice" && !entry.address
                        property string current: entry.modelData.value
                        onCurrentChanged: frame.answers[entry.fieldId] = entry.current
                        Component.onCompleted: frame.answers[entry.fieldId] = entry.current
                        // the first wrong answer is scrolled into view, wherever the column puts it
                        onYChanged: if (entry.fieldId === frame.firstError) frame.reveal(entry.y)
                        property string search: ""
                        width: column.width
                        spacing: Theme.gap / 3
                        BodyText {
                            width: parent.width
                            visible: frame.fields.length > 1
                            text: entry.modelData.label
                            font.bold: true
                            wrapMode: Text.WordWrap
                        }
                        HintText {
                            width: parent.width
                            text: entry.modelData.hint + (entry.modelData.required ? "" : " " + I18n.s["hand_in.form.optional"])
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            objectName: "error_" + entry.fieldId
                            width: parent.width
                            visible: text.length > 0
                            text: entry.modelData.error
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.smallSize
                            font.bold: true
                            color: Theme.danger
                        }
                        AddressPicker {
                            id: addressPicker
                            visible: entry.address
                            width: parent.width
                            field: entry.modelData
                            onValueChanged: if (entry.address) entry.current = value
                        }
                        Rectangle {  // a typed answer, or the search of a long list
                            visible: entry.typed || entry.modelData.long
                            width: parent.width
                            height: Theme.touchTarget
                            radius: Theme.radius
                            color: Theme.surface
                            border.color: input.activeFocus ? Theme.focus : Theme.border
                            border.width: 4
                            TextInput {
                                id: input
                                objectName: (entry.typed ? "field_" : "search_") + entry.fieldId
                                anchors { fill: parent; margins: Theme.gap / 2 }
                                verticalAlignment: TextInput.AlignVCenter
                                font.pixelSize: Theme.bodySize
                                color: Theme.text
                                clip: true
                                text: entry.typed ? entry.modelData.value : ""
                                inputMethodHints: entry.modelData.kind === "date" || entry.modelData.kind === "year"
                                    ? Qt.ImhDigitsOnly : Qt.ImhNone
                                property string kioskCapitalization: !entry.typed || entry.modelData.kind !== "text" ? "none"
                                    : (entry.fieldId.indexOf("name") >= 0 ? "words" : "sentences")
                                Accessible.role: Accessible.EditableText
                                Accessible.name: entry.modelData.label
                                // the keypad: reached with the arrows, said with the word for a field
                                readonly property string spokenText: Accessible.name + ". " + I18n.s["speech.field"]
                                activeFocusOnTab: true
                                FocusFrame { target: input }
                                onTextChanged: {
                                    if (entry.typed) entry.current = text
                                    else entry.search = HandIn.fold(text)
                                }
                                onAccepted: frame.collect()
                                // the keyboard opens by itself only for a screen of one typed question:
                                // docked, it would leave no room to see the others
                                Component.onCompleted: if (entry.typed && frame.fields.length === 1) forceActiveFocus()
                            }
                        }
                        Flow {
                            visible: !entry.typed && !entry.address
                            width: parent.width
                            spacing: Theme.gap / 2
                            Repeater {
                                model: entry.typed ? [] : entry.modelData.choices
                                KioskButton {
                                    id: choice
                                    required property var modelData
                                    required property int index
                                    objectName: "choice_" + entry.fieldId + "_" + choice.modelData.value
                                    // a long list shows what the search finds, the chosen one and the first few
                                    visible: !entry.modelData.long
                                        || (entry.search.length > 0 ? choice.modelData.key.indexOf(entry.search) >= 0
                                                                    : (choice.index < 6 || entry.current === choice.modelData.value))
                                    width: Math.min(implicitWidth + Theme.gap * 2, entry.width)
                                    primary: entry.current === choice.modelData.value
                                    text: choice.modelData.label
                                    onClicked: {
                                        frame.forceActiveFocus()  // the keyboard closes for a choice
                                        entry.current = choice.modelData.value
                                        if (frame.tapAnswers) frame.collect()
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        KioskButton {
            objectName: "answerNext"
            visible: !frame.tapAnswers
            Layout.alignment: Qt.AlignRight
            Layout.preferredWidth: 360
            text: I18n.s["hand_in.form.next"]
            onClicked: frame.collect()
        }
    }
}
