// Hand in a dossier: check your answers, "Sửa" beside each, then hand in.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["hand_in.check.question"]
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    showBack: !HandIn.submitting
    onBackRequested: HandIn.back()

    component Row_: Rectangle {
        id: answerRow
        property string label: ""
        property string value: ""
        property string source: ""
        property string changeName: ""
        signal change()
        width: list.width
        height: Math.max(Theme.touchTarget, column.implicitHeight + Theme.gap)
        color: "transparent"
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 2; color: Theme.border }
        Column {
            id: column
            anchors { left: parent.left; right: changeButton.left; verticalCenter: parent.verticalCenter
                      rightMargin: Theme.gap }
            HintText {
                width: parent.width
                text: answerRow.label
                wrapMode: Text.WordWrap
            }
            BodyText {
                width: parent.width
                text: answerRow.value + (answerRow.source ? "  ·  " + answerRow.source : "")
                wrapMode: Text.WordWrap
            }
        }
        KioskButton {
            id: changeButton
            objectName: answerRow.changeName
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            minimumWidth: 200  // wider when large English text needs it ("Change")
            primary: false
            enabledState: !HandIn.submitting
            text: I18n.s["hand_in.check.change"]
            onClicked: answerRow.change()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap / 2
        BodyText {
            text: HandIn.procedureName
            font.bold: true
        }
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: list.height
            Column {
                id: list
                width: flick.width
                BodyText {
                    text: I18n.s["hand_in.check.answers"]
                    font.bold: true
                }
                Repeater {
                    model: HandIn.answers
                    Row_ {
                        id: entry
                        required property string fieldId
                        required label
                        required value
                        required source
                        changeName: "change_" + entry.fieldId
                        onChange: HandIn.editAnswer(entry.fieldId)
                    }
                }
                Item { width: 1; height: Theme.gap }
                BodyText {
                    visible: HandIn.papers.count > 0
                    text: I18n.s["hand_in.check.papers"]
                    font.bold: true
                }
                Repeater {
                    model: HandIn.papers
                    Row_ {
                        id: entry2
                        required property int paperIndex
                        required property string name
                        required property string status
                        label: entry2.name
                        value: entry2.status
                        changeName: "changePaper_" + entry2.paperIndex
                        onChange: HandIn.editPaper(entry2.paperIndex)
                    }
                }
                Item { width: 1; height: Theme.gap; visible: checkFees.visible }
                BodyText {  // worked out from the answers: what handing in will cost
                    visible: checkFees.visible
                    text: I18n.s["hand_in.check.fees"]
                    font.bold: true
                }
                BodyText {
                    id: checkFees
                    objectName: "checkFees"
                    width: list.width
                    visible: text.length > 0
                    text: HandIn.fees
                    wrapMode: Text.WordWrap
                }
            }
        }
        Text {
            Layout.fillWidth: true
            text: I18n.s["hand_in.check.note"]
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.smallSize
            color: Theme.text
        }
        Item {  // the button, or in its place while the dossier is kept and the receipt prints
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            KioskButton {
                objectName: "submitDossier"
                anchors.centerIn: parent
                width: 480
                visible: !HandIn.submitting
                text: I18n.s["hand_in.check.submit"]
                onClicked: HandIn.submit()
            }
            BusyText {
                objectName: "submittingBusy"
                anchors.centerIn: parent
                visible: HandIn.submitting
                text: I18n.s["hand_in.submitting.title"]
            }
        }
    }
}
