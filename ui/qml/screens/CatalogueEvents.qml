// "What is happening in your life?": one tile per life event.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["catalogue.events.question"]
    onBackRequested: catalogue.back()

    GridLayout {
        anchors.fill: parent
        columns: 3
        columnSpacing: theme.gap
        rowSpacing: theme.gap
        Repeater {
            model: catalogue.events
            Tile {
                objectName: "event_" + modelData.id
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 300
                title: modelData.title
                onClicked: catalogue.chooseEvent(modelData.id)
            }
        }
    }
}
