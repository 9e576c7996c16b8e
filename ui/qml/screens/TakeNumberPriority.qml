// Take a number, step 2: does a priority category apply? "No" is the first, biggest answer.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["ticket.choose_priority"]
    step: takeNumber.step
    stepTotal: takeNumber.stepTotal
    onBackRequested: takeNumber.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: theme.gap
        Text {
            Layout.fillWidth: true
            text: i18n.s["ticket.priority_hint"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        KioskButton {
            objectName: "priority_none"
            Layout.fillWidth: true
            Layout.preferredHeight: theme.touchTarget * 1.4
            text: i18n.s["ticket.no_priority"]
            onClicked: takeNumber.choosePriority("")
        }
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: 2
            columnSpacing: theme.gap
            rowSpacing: theme.gap
            Repeater {
                model: takeNumber.priorities
                KioskButton {
                    objectName: "priority_" + modelData.id
                    Layout.fillWidth: true
                    Layout.preferredHeight: theme.touchTarget * 1.4
                    primary: false
                    text: modelData.label
                    onClicked: takeNumber.choosePriority(modelData.id)
                }
            }
        }
    }
}
