// Hand in a dossier, the result: the dossier code large, the appointment, where to collect, and
// whether the receipt printed (fee and papers are on the paper); if not, the code to note and
// a button to print it again.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["hand_in.receipt.screen_title"]
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    showBack: false

    component Fact: Column {
        id: fact
        property string label: ""
        property string value: ""
        Layout.fillWidth: true
        HintText { text: fact.label }
        BodyText {
            width: parent.width
            text: fact.value
            wrapMode: Text.WordWrap
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap / 2
        BodyText {
            text: I18n.s["hand_in.receipt.code_label"]
            color: Theme.mutedText
        }
        HeadingText {
            objectName: "dossierCode"
            text: HandIn.receipt.code || ""
        }
        Fact { label: I18n.s["hand_in.receipt.appointment"]; value: HandIn.receipt.appointment || "" ; objectName: "appointment" }
        Fact { label: HandIn.receipt.procedure || ""; value: HandIn.receipt.applicant || "" }
        Fact { label: I18n.s["hand_in.receipt.collect"].replace("{where}", ""); value: HandIn.receipt.collect || "" }
        Row {
            objectName: "receiptPrinted"
            visible: HandIn.receipt.printed === true
            spacing: Theme.gap / 2
            StatusIcon { kind: "ok"; anchors.verticalCenter: parent.verticalCenter }
            BodyText {
                text: HandIn.receipt.message || ""
                font.bold: true
                color: Theme.ok
            }
        }
        ErrorSummary {
            objectName: "receiptProblem"
            Layout.fillWidth: true
            message: HandIn.receipt.printed === false ? HandIn.receipt.message : ""
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            spacing: Theme.gap
            LeavingReminder {
                Layout.fillWidth: true
                message: I18n.s["common.leaving.receipt"]
            }
            KioskButton {
                objectName: "reprintReceipt"
                visible: HandIn.receipt.printed === false
                enabledState: !HandIn.printing
                primary: false
                Layout.preferredWidth: 400
                text: HandIn.printing ? I18n.s["hand_in.receipt.printing"] : I18n.s["hand_in.receipt.reprint"]
                onClicked: HandIn.reprint()
            }
            KioskButton {
                objectName: "doneButton"
                Layout.preferredWidth: 400
                text: I18n.s["hand_in.receipt.done"]
                onClicked: Shell.home()
            }
        }
    }
}
