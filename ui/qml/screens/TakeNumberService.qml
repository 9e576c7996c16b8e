// Take a number, step 1: which service (field) the citizen came for.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["ticket.choose_service"]
    step: TakeNumber.step
    stepTotal: TakeNumber.stepTotal
    onBackRequested: TakeNumber.back()

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap
        Repeater {
            model: TakeNumber.services
            Tile {
                id: entry
                required property string serviceId
                required property string name
                required property string counters
                objectName: "service_" + entry.serviceId
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 220
                title: entry.name
                subtitle: entry.counters
                onClicked: TakeNumber.chooseService(entry.serviceId)
            }
        }
    }
}
