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
    title: HandIn.questionTitle
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    onBackRequested: HandIn.back()

    // one short choice alone on its screen: a tap answers it
    readonly property bool tapAnswers: HandIn.tapAnswers
    readonly property int fieldCount: HandIn.questionFields.count

    // field id → what is typed or chosen on this screen, kept by each field as it changes
    property var answers: ({})
    readonly property string firstError: HandIn.firstError
    // where the first wrong answer sits, kept in view while the column grows around it (its
    // error line appears) until the citizen scrolls themselves; -1: nothing to keep in view
    property real firstErrorY: -1
    onFirstErrorChanged: if (!frame.firstError) frame.firstErrorY = -1
    function reveal(y: real) {
        frame.firstErrorY = y
        flick.contentY = Math.max(0, Math.min(y, flick.contentHeight - flick.height))
    }

    function collect() {
        HandIn.answerPage(frame.answers)
    }
    // the next screen of questions starts at its top, not where the last one was scrolled to
    Connections {
        target: HandIn
        function onQuestionChanged() { frame.firstErrorY = -1; flick.contentY = 0 }
    }

    // a search field above the places it finds
    component SearchBox: Rectangle {
        property alias input: input
        property alias capitalization: input.kioskCapitalization
        property alias filtersList: input.filtersList
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
            // searches the places below it: the keypad starts on a place, not here (Speech)
            property bool filtersList: true
            Accessible.role: Accessible.EditableText
            Accessible.name: parent.label
        }
    }

    // An address: the province, then its commune or ward, picked (searched without diacritics),
    // and one typed line before them (house and street, a hospital). Only the line is typed.
    component AddressPicker: Column {
        id: picker
        required property string fieldId
        required property bool canPick
        required property string lineLabel
        required property string line
        required property QtObject provinces  // rows: code, name (HandIn.findProvinces)
        required property QtObject communes
        property string provinceCode: ""
        property string provinceName: ""
        property string communeCode: ""
        property string communeName: ""
        readonly property string value: [lineBox.input.text.trim(), picker.communeName,
                                         picker.provinceName].filter(function (part) {
                                             return part.length > 0 }).join(", ")
        spacing: Theme.gap / 3

        function findProvinces() {
            if (picker.visible) HandIn.findProvinces(picker.fieldId, provinceSearch.input.text, picker.provinceCode)
        }
        function findCommunes() {
            if (picker.visible)
                HandIn.findCommunes(picker.fieldId, picker.provinceCode, communeSearch.input.text, picker.communeCode)
        }
        onVisibleChanged: { picker.findProvinces(); picker.findCommunes() }
        onProvinceCodeChanged: picker.findProvinces()
        onCommuneCodeChanged: picker.findCommunes()
        Component.onCompleted: { picker.findProvinces(); picker.findCommunes() }
        Connections {
            target: provinceSearch.input
            function onTextChanged() { picker.findProvinces() }
        }
        Connections {
            target: communeSearch.input
            function onTextChanged() { picker.findCommunes() }
        }

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
            input.objectName: "provinceSearch_" + picker.fieldId
        }
        Flow {
            width: parent.width
            visible: picker.canPick
            spacing: Theme.gap / 2
            Repeater {
                model: picker.provinces
                KioskButton {
                    id: provinceChoice
                    required property string code
                    required property string name
                    objectName: "province_" + picker.fieldId + "_" + provinceChoice.code
                    width: Math.min(implicitWidth + Theme.gap * 2, picker.width)
                    primary: picker.provinceCode === provinceChoice.code
                    text: provinceChoice.name
                    onClicked: {
                        frame.forceActiveFocus()  // the keyboard closes for a choice
                        const again = picker.provinceCode === provinceChoice.code  // choose another
                        const code = again ? "" : provinceChoice.code
                        picker.provinceName = again ? "" : provinceChoice.name
                        picker.communeCode = ""
                        picker.communeName = ""
                        picker.provinceCode = code
                        provinceSearch.input.text = ""
                    }
                }
            }
        }
        HintText {
            width: parent.width
            visible: picker.canPick && picker.provinceCode !== ""
            text: I18n.s["hand_in.form.address.commune"]
            font.bold: true
        }
        SearchBox {
            id: communeSearch
            width: parent.width
            visible: picker.canPick && picker.provinceCode !== ""
            label: I18n.s["hand_in.form.address.commune"]
            input.objectName: "communeSearch_" + picker.fieldId
        }
        Flow {
            width: parent.width
            visible: picker.canPick && picker.provinceCode !== ""
            spacing: Theme.gap / 2
            Repeater {
                model: picker.communes
                KioskButton {
                    id: communeChoice
                    required property string code
                    required property string name
                    objectName: "commune_" + picker.fieldId + "_" + communeChoice.code
                    width: Math.min(implicitWidth + Theme.gap * 2, picker.width)
                    primary: picker.communeCode === communeChoice.code
                    text: communeChoice.name
                    onClicked: {
                        frame.forceActiveFocus()
                        const again = picker.communeCode === communeChoice.code
                        picker.communeName = again ? "" : communeChoice.name
                        picker.communeCode = again ? "" : communeChoice.code
                        communeSearch.input.text = ""
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
            input.objectName: "field_" + picker.fieldId
            filtersList: false  // the answer's own line
            input.text: picker.line
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
            visible: HandIn.otherCard
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
            onContentHeightChanged: if (frame.firstErrorY >= 0) frame.reveal(frame.firstErrorY)
            onHeightChanged: if (frame.firstErrorY >= 0) frame.reveal(frame.firstErrorY)
            onMovementStarted: frame.firstErrorY = -1
            Column {
                id: column
                width: flick.width
                spacing: Theme.gap
                Repeater {
                    id: repeater
                    model: HandIn.questionFields
                    Column {
                        id: entry
                        required property string fieldId
                        required property string label
                        required property string kind
                        required property bool mandatory
                        required property string value
                        required property string error
                        required property string hint
                        required property bool longList
                        required property QtObject choices
                        required property string line
                        required property string lineLabel
                        required property bool canPick
                        required property string provinceCode
                        required property string provinceName
                        required property string communeCode
                        required property string communeName
                        required property QtObject provinces
                        required property QtObject communes
                        required property string otherCard
                        readonly property bool address: entry.kind === "address"
                        readonly property bool typed: entry.kind !== "choice" && !entry.address
                        property string current: entry.value
                        onCurrentChanged: frame.answers[entry.fieldId] = entry.current
                        Component.onCompleted: frame.answers[entry.fieldId] = entry.current
                        // the first wrong answer is scrolled into view, wherever the column puts it
                        readonly property bool firstWrong: entry.fieldId === frame.firstError
                        onYChanged: if (entry.firstWrong) frame.reveal(entry.y)
                        onFirstWrongChanged: if (entry.firstWrong) frame.reveal(entry.y)
                        property string search: ""
                        width: column.width
                        spacing: Theme.gap / 3
                        BodyText {
                            width: parent.width
                            visible: frame.fieldCount > 1
                            text: entry.label
                            font.bold: true
                            wrapMode: Text.WordWrap
                        }
                        HintText {
                            width: parent.width
                            text: entry.hint + (entry.mandatory ? "" : " " + I18n.s["hand_in.form.optional"])
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            objectName: "error_" + entry.fieldId
                            width: parent.width
                            visible: text.length > 0
                            text: entry.error
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.smallSize
                            font.bold: true
                            color: Theme.danger
                        }
                        Loader {  // made for an address only: a page of other questions built
                                  // a hidden picker, its fields and lists, for every question
                            active: entry.address
                            visible: entry.address
                            width: parent.width
                            sourceComponent: AddressPicker {
                                fieldId: entry.fieldId
                                canPick: entry.canPick
                                lineLabel: entry.lineLabel
                                line: entry.line
                                provinces: entry.provinces
                                communes: entry.communes
                                provinceCode: entry.provinceCode
                                provinceName: entry.provinceName
                                communeCode: entry.communeCode
                                communeName: entry.communeName
                                onValueChanged: entry.current = value
                            }
                        }
                        Rectangle {  // a typed answer, or the search of a long list
                            visible: entry.typed || entry.longList
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
                                // a long list's search: the keypad starts on a choice, not here
                                // (Speech), so the keyboard opens only when the citizen comes here
                                readonly property bool filtersList: !entry.typed
                                text: entry.typed ? entry.value : ""
                                inputMethodHints: entry.kind === "date" || entry.kind === "year"
                                    ? Qt.ImhDigitsOnly : Qt.ImhNone
                                property string kioskCapitalization: !entry.typed || entry.kind !== "text" ? "none"
                                    : (entry.fieldId.indexOf("name") >= 0 ? "words" : "sentences")
                                Accessible.role: Accessible.EditableText
                                Accessible.name: entry.label
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
                                Component.onCompleted: if (entry.typed && frame.fieldCount === 1) forceActiveFocus()
                            }
                        }
                        Flow {
                            visible: !entry.typed && !entry.address
                            width: parent.width
                            spacing: Theme.gap / 2
                            Repeater {
                                model: entry.typed ? null : entry.choices
                                // a long list shows what the search finds, the chosen one and the
                                // first few; a button is made only for what is shown (the hidden
                                // hundreds of a nationality list made each of its pages slow)
                                Loader {
                                    id: choice
                                    required property string value
                                    required property string label
                                    required property string key
                                    required property int index
                                    objectName: "choice_" + entry.fieldId + "_" + choice.value
                                    readonly property bool shown: !entry.longList
                                        || (entry.search.length > 0 ? choice.key.indexOf(entry.search) >= 0
                                                                    : (choice.index < 6 || entry.current === choice.value))
                                    visible: shown
                                    active: shown
                                    sourceComponent: KioskButton {
                                        width: Math.min(implicitWidth + Theme.gap * 2, entry.width)
                                        primary: entry.current === choice.value
                                        text: choice.label
                                        onClicked: {
                                            frame.forceActiveFocus()  // the keyboard closes for a choice
                                            entry.current = choice.value
                                            if (frame.tapAnswers) frame.collect()
                                        }
                                    }
                                }
                            }
                        }
                        // whether the father's details will be given: "yes, read his card" at once,
                        // his card in place of the screen of his details
                        KioskButton {
                            objectName: "otherCardNow_" + entry.fieldId
                            visible: entry.otherCard !== ""
                            width: Math.min(implicitWidth, entry.width)
                            primary: false
                            text: entry.otherCard
                            onClicked: {
                                frame.forceActiveFocus()
                                HandIn.readOtherCardNow(frame.answers)
                            }
                        }
                        HintText {
                            visible: entry.otherCard !== ""
                            width: parent.width
                            text: I18n.s["hand_in.form.other_card_hint"]
                            wrapMode: Text.WordWrap
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
