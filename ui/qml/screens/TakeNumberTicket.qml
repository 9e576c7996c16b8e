// Take a number, the result: the number large, where to go, and whether the paper came out.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["ticket.your_number"]
    step: TakeNumber.step
    stepTotal: TakeNumber.stepTotal
    showBack: false

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap / 2
        // the number beside what it is for: the ticket and the reminder share the screen
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.gap * 2
            Text {
                objectName: "ticketNumber"
                Layout.alignment: Qt.AlignVCenter
                text: TakeNumber.ticket.label || ""
                font.pixelSize: Math.min(Theme.ticketNumberSize, 160)  // large text needs the room
                font.bold: true
                color: Theme.text
            }
            ColumnLayout {
                spacing: Theme.gap / 2
                BodyText {
                    Layout.alignment: Qt.AlignLeft
                    text: TakeNumber.ticket.priority || ""
                    visible: text.length > 0
                    font.bold: true
                }
                Text {
                    Layout.alignment: Qt.AlignLeft
                    text: (TakeNumber.ticket.service || "") + " — " + (TakeNumber.ticket.counter || "")
                    font.pixelSize: Theme.bodySize * 1.2
                    color: Theme.text
                }
                HintText {
                    Layout.alignment: Qt.AlignLeft
                    text: TakeNumber.ticket.time || ""
                }
            }
        }
        RowLayout {  // printed; or sent but unconfirmed, a longer message that wraps
            objectName: "ticketPrinted"
            Layout.fillWidth: true
            visible: TakeNumber.ticket.printed === true
            spacing: Theme.gap / 2
            StatusIcon {
                objectName: "ticketPrintedIcon"
                kind: TakeNumber.ticket.unconfirmed ? "caution" : "ok"
                Layout.alignment: Qt.AlignVCenter
            }
            BodyText {
                Layout.fillWidth: true
                Layout.preferredWidth: 0  // the screen's width, not the text's
                text: TakeNumber.ticket.message || ""
                wrapMode: Text.WordWrap
                font.bold: true
                color: TakeNumber.ticket.unconfirmed ? Theme.caution : Theme.ok
            }
        }
        ErrorSummary {
            objectName: "ticketProblem"
            Layout.fillWidth: true
            message: TakeNumber.ticket.printed === false ? TakeNumber.ticket.message : ""
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            spacing: Theme.gap
            LeavingReminder {
                Layout.fillWidth: true
                message: I18n.s["common.leaving.ticket"]
            }
            KioskButton {
                objectName: "doneButton"
                Layout.preferredWidth: 360
                text: I18n.s["ticket.done"]
                onClicked: Shell.endSession()
            }
        }
    }
}
