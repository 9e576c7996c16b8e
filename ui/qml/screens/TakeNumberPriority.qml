// Take a number, step 2: does a priority category apply? "No" is the first, biggest answer.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["ticket.choose_priority"]
    step: TakeNumber.step
    stepTotal: TakeNumber.stepTotal
    onBackRequested: TakeNumber.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        BodyText {
            Layout.fillWidth: true
            text: I18n.s["ticket.priority_hint"]
            wrapMode: Text.WordWrap
        }
        KioskButton {
            objectName: "priority_none"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget * 1.4
            text: I18n.s["ticket.no_priority"]
            onClicked: TakeNumber.choosePriority("")
        }
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: 2
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            Repeater {
                model: TakeNumber.priorities
                KioskButton {
                    id: entry
                    required property string category
                    required property string label
                    objectName: "priority_" + entry.category
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget * 1.4
                    primary: false
                    text: entry.label
                    onClicked: TakeNumber.choosePriority(entry.category)
                }
            }
        }
    }
}
