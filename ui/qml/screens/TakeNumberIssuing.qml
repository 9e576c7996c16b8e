// Take a number, step 3 while the number is taken and printed.
import QtQuick
import KioskApp
import Kiosk

ScreenFrame {
    title: I18n.s["ticket.your_number"]
    step: TakeNumber.step
    stepTotal: TakeNumber.stepTotal
    showBack: false
    BusyText {
        objectName: "issuingBusy"
        anchors.centerIn: parent
        text: I18n.s["ticket.issuing"]
    }
}
