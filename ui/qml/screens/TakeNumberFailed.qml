// Take a number, when no number can be given (the day's numbers are used up).
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["ticket.your_number"]
    step: takeNumber.step
    stepTotal: takeNumber.stepTotal
    onBackRequested: takeNumber.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: theme.gap * 2
        ErrorSummary {
            objectName: "failureMessage"
            Layout.fillWidth: true
            message: takeNumber.failure
        }
        Text {
            Layout.fillWidth: true
            text: i18n.s["common.call_staff"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        Item { Layout.fillHeight: true }
    }
}
