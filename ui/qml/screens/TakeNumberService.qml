// Take a number, step 1: which service (field) the citizen came for.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["ticket.choose_service"]
    step: takeNumber.step
    stepTotal: takeNumber.stepTotal
    onBackRequested: takeNumber.back()

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: theme.gap
        rowSpacing: theme.gap
        Repeater {
            model: takeNumber.services
            Tile {
                objectName: "service_" + modelData.id
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 220
                title: modelData.name
                subtitle: modelData.counters
                onClicked: takeNumber.chooseService(modelData.id)
            }
        }
    }
}
