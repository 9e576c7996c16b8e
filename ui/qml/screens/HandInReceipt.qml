// Hand in a dossier, the result: the dossier code large, the appointment, where to collect, and
// whether the receipt printed (fee and papers are on the paper); if not, the code to note and
// a button to print it again.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    id: receiptScreen
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
        // the printer's problem, with the dossier code it asks to note, across the screen above
        // what scrolls: in large text, in the facts' column, it was cut mid-sentence
        ErrorSummary {
            objectName: "receiptProblem"
            Layout.fillWidth: true
            message: HandIn.receipt.printed === false ? HandIn.receipt.message : ""
        }
        // what was handed in on the left, how to pay the fee on the right; each scrolls when
        // large text or a long printer problem makes it taller than the screen, so the foot
        // ("Done", "Print again", the countdown) always stays in view
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap * 2
            Flickable {
                id: factsView
                objectName: "receiptFacts"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                contentHeight: facts.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: facts
                    width: factsView.width
                    spacing: Theme.gap / 2
                    BodyText {
                        text: I18n.s["hand_in.receipt.code_label"]
                        color: Theme.mutedText
                    }
                    HeadingText {
                        objectName: "dossierCode"
                        text: HandIn.receipt.code || ""
                    }
                    RowLayout {  // printed; or sent but unconfirmed, a longer message that wraps
                        objectName: "receiptPrinted"
                        visible: HandIn.receipt.printed === true
                        Layout.fillWidth: true
                        spacing: Theme.gap / 2
                        StatusIcon {
                            objectName: "receiptPrintedIcon"
                            kind: HandIn.receipt.unconfirmed ? "caution" : "ok"
                            Layout.alignment: Qt.AlignVCenter
                        }
                        BodyText {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 0  // the column's width, not the text's
                            text: HandIn.receipt.message || ""
                            wrapMode: Text.WordWrap
                            font.bold: true
                            color: HandIn.receipt.unconfirmed ? Theme.caution : Theme.ok
                        }
                    }
                    Fact { label: I18n.s["hand_in.receipt.appointment"]; value: HandIn.receipt.appointment || "" ; objectName: "appointment" }
                    Fact { label: HandIn.receipt.procedure || ""; value: HandIn.receipt.applicant || "" }
                    Fact { label: I18n.s["hand_in.receipt.collect"].replace("{where}", ""); value: HandIn.receipt.collect || "" }
                }
            }
            Flickable {  // the fee, its VietQR and how else to pay (the counter, always)
                id: feeView
                objectName: "receiptFee"
                visible: (HandIn.receipt.payHow || []).length > 0 || (HandIn.receipt.fees || "") !== ""
                // a share of the screen, not of the row: the row's width depends on this column
                Layout.preferredWidth: receiptScreen.width * 0.38
                Layout.maximumWidth: receiptScreen.width * 0.38
                Layout.fillHeight: true
                clip: true
                contentHeight: fee.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: fee
                    width: feeView.width
                    spacing: Theme.gap / 2
                    Fact { label: I18n.s["hand_in.receipt.fee"]; value: HandIn.receipt.fees || ""; objectName: "receiptFees" }
                    Rectangle {  // white behind the code whatever the theme: phones need it
                        visible: (HandIn.receipt.payQr || "") !== ""
                        Layout.preferredWidth: 280; Layout.preferredHeight: 280
                        color: "white"
                        Image {
                            objectName: "payQr"
                            anchors.fill: parent
                            anchors.margins: 16
                            source: HandIn.receipt.payQr || ""
                            fillMode: Image.PreserveAspectFit
                            smooth: false
                            Accessible.name: I18n.s["payments.due.scan"]
                        }
                    }
                    BodyText {
                        objectName: "payHow"
                        Layout.fillWidth: true
                        text: (HandIn.receipt.payHow || []).join("\n")
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
        // the foot: what to take back, then the buttons; in large text the reminder has a line
        // of its own (beside the buttons it was squeezed to a few words a line)
        GridLayout {
            Layout.fillWidth: true
            columns: 3
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap / 2
            LeavingReminder {
                Layout.row: 0
                Layout.column: 0
                Layout.columnSpan: Theme.largeText ? 3 : 1
                Layout.fillWidth: true
                message: I18n.s["common.leaving.receipt"]
            }
            Item {  // pushes the buttons to the right on their own line
                visible: Theme.largeText
                Layout.row: 1
                Layout.column: 0
                Layout.fillWidth: true
            }
            KioskButton {
                objectName: "reprintReceipt"
                Layout.row: Theme.largeText ? 1 : 0
                Layout.column: 1
                // not printed, or the printer could not say whether it did (the citizen sees)
                visible: HandIn.receipt.printed === false || HandIn.receipt.unconfirmed === true
                enabledState: !HandIn.printing
                primary: false
                Layout.preferredWidth: Math.max(400, implicitWidth)  // its words on one line
                text: HandIn.printing ? I18n.s["hand_in.receipt.printing"] : I18n.s["hand_in.receipt.reprint"]
                onClicked: HandIn.reprint()
            }
            KioskButton {
                objectName: "doneButton"
                Layout.row: Theme.largeText ? 1 : 0
                Layout.column: 2
                Layout.preferredWidth: Math.max(400, implicitWidth)
                text: I18n.s["hand_in.receipt.done"]
                onClicked: Shell.endSession()
            }
        }
    }
}
