// Take a number, step 3 while the number is taken and printed.
import QtQuick
import Kiosk

ScreenFrame {
    title: i18n.s["ticket.your_number"]
    step: takeNumber.step
    stepTotal: takeNumber.stepTotal
    showBack: false
    BusyText {
        objectName: "issuingBusy"
        anchors.centerIn: parent
        text: i18n.s["ticket.issuing"]
    }
}
