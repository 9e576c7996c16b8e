// "What is happening in your life?": one tile per life event.
pragma ComponentBehavior: Bound
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
                id: entry
                required property string eventId
                required title
                objectName: "event_" + entry.eventId
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 300
                onClicked: Catalogue.chooseEvent(entry.eventId)
            }
        }
    }
}
