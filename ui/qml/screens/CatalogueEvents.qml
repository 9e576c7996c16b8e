// "What is happening in your life?": one tile per life event.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["catalogue.events.question"]
    onBackRequested: Catalogue.back()

    GridLayout {
        anchors.fill: parent
        columns: 3
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap
        Repeater {
            model: Catalogue.events
            Tile {
                objectName: "event_" + modelData.id
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 300
                title: modelData.title
                onClicked: Catalogue.chooseEvent(modelData.id)
            }
        }
    }
}
