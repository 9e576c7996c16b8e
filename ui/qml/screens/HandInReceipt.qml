// Hand in a dossier, the result: the dossier code large, the appointment, where to collect, and
// whether the receipt printed (fee and papers are on the paper); if not, the code to note and
// a button to print it again.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["hand_in.receipt.screen_title"]
    step: handIn.step
    stepTotal: handIn.stepTotal
    showBack: false

    component Fact: Column {
        property string label: ""
        property string value: ""
        Layout.fillWidth: true
        Text { text: label; font.pixelSize: theme.smallSize; color: theme.mutedText }
        Text {
            width: parent.width
            text: value
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: theme.gap / 2
        Text {
            text: i18n.s["hand_in.receipt.code_label"]
            font.pixelSize: theme.bodySize
            color: theme.mutedText
        }
        Text {
            objectName: "dossierCode"
            text: handIn.receipt.code || ""
            font.pixelSize: theme.headingSize
            font.bold: true
            color: theme.text
        }
        Fact { label: i18n.s["hand_in.receipt.appointment"]; value: handIn.receipt.appointment || "" ; objectName: "appointment" }
        Fact { label: handIn.receipt.procedure || ""; value: handIn.receipt.applicant || "" }
        Fact { label: i18n.s["hand_in.receipt.collect"].replace("{where}", ""); value: handIn.receipt.collect || "" }
        Row {
            objectName: "receiptPrinted"
            visible: handIn.receipt.printed === true
            spacing: theme.gap / 2
            StatusIcon { kind: "ok"; anchors.verticalCenter: parent.verticalCenter }
            Text {
                text: handIn.receipt.message || ""
                font.pixelSize: theme.bodySize
                font.bold: true
                color: theme.ok
            }
        }
        ErrorSummary {
            objectName: "receiptProblem"
            Layout.fillWidth: true
            message: handIn.receipt.printed === false ? handIn.receipt.message : ""
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: theme.gap
            KioskButton {
                objectName: "reprintReceipt"
                visible: handIn.receipt.printed === false
                enabledState: !handIn.printing
                primary: false
                Layout.preferredWidth: 480
                text: handIn.printing ? i18n.s["hand_in.receipt.printing"] : i18n.s["hand_in.receipt.reprint"]
                onClicked: handIn.reprint()
            }
            KioskButton {
                objectName: "doneButton"
                Layout.preferredWidth: 480
                text: i18n.s["hand_in.receipt.done"]
                onClicked: shell.home()
            }
        }
    }
}
