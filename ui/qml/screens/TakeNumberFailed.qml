// Take a number, when no number can be given (the day's numbers are used up).
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["ticket.your_number"]
    step: TakeNumber.step
    stepTotal: TakeNumber.stepTotal
    onBackRequested: TakeNumber.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap * 2
        ErrorSummary {
            objectName: "failureMessage"
            Layout.fillWidth: true
            message: TakeNumber.failure
        }
        BodyText {
            Layout.fillWidth: true
            text: I18n.s["common.call_staff"]
            wrapMode: Text.WordWrap
        }
        Item { Layout.fillHeight: true }
    }
}
