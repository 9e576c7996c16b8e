// Take a number, the result: the number large, where to go, and whether the paper came out.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["ticket.your_number"]
    step: takeNumber.step
    stepTotal: takeNumber.stepTotal
    showBack: false

    ColumnLayout {
        anchors.fill: parent
        spacing: theme.gap
        Text {
            objectName: "ticketNumber"
            Layout.alignment: Qt.AlignHCenter
            text: takeNumber.ticket.label || ""
            font.pixelSize: theme.ticketNumberSize
            font.bold: true
            color: theme.text
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: takeNumber.ticket.priority || ""
            visible: text.length > 0
            font.pixelSize: theme.bodySize
            font.bold: true
            color: theme.text
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: (takeNumber.ticket.service || "") + " — " + (takeNumber.ticket.counter || "")
            font.pixelSize: theme.bodySize * 1.2
            color: theme.text
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: takeNumber.ticket.time || ""
            font.pixelSize: theme.smallSize
            color: theme.mutedText
        }
        Row {
            objectName: "ticketPrinted"
            Layout.alignment: Qt.AlignHCenter
            visible: takeNumber.ticket.printed === true
            spacing: theme.gap / 2
            StatusIcon { kind: "ok"; anchors.verticalCenter: parent.verticalCenter }
            Text {
                text: takeNumber.ticket.message || ""
                font.pixelSize: theme.bodySize
                font.bold: true
                color: theme.ok
            }
        }
        ErrorSummary {
            objectName: "ticketProblem"
            Layout.fillWidth: true
            message: takeNumber.ticket.printed === false ? takeNumber.ticket.message : ""
        }
        Item { Layout.fillHeight: true }
        KioskButton {
            objectName: "doneButton"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 480
            text: i18n.s["ticket.done"]
            onClicked: shell.home()
        }
    }
}
