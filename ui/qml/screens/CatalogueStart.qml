// Find a procedure, first screen: how would you like to look — by name, by field, or by what
// is happening in your life.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["catalogue.way.question"]
    onBackRequested: catalogue.back()

    RowLayout {
        anchors.fill: parent
        anchors.bottomMargin: theme.gap * 4
        spacing: theme.gap * 2
        Repeater {
            model: catalogue.ways
            Tile {
                objectName: "way_" + modelData.id
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 420
                title: modelData.title
                subtitle: modelData.subtitle
                onClicked: catalogue.chooseWay(modelData.id)
            }
        }
    }
}
