// Find a procedure, first screen: how would you like to look — by name, by field, or by what
// is happening in your life.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["catalogue.way.question"]
    onBackRequested: Catalogue.back()

    RowLayout {
        anchors.fill: parent
        anchors.bottomMargin: Theme.gap * 4
        spacing: Theme.gap * 2
        Repeater {
            model: Catalogue.ways
            Tile {
                id: entry
                required property string wayId
                required title
                required subtitle
                objectName: "way_" + entry.wayId
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 420
                onClicked: Catalogue.chooseWay(entry.wayId)
            }
        }
    }
}
