// Start screen: the centre's name, the time, one large tile per journey, language and help.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: HomePage.centreName
    showBack: false
    showHome: false
    onHeadingHeld: Technician.open()

    BodyText {
        id: clock
        objectName: "homeClock"
        anchors { top: parent.top; right: parent.right }
        text: HomePage.clock
        color: Theme.mutedText
    }

    BodyText {
        id: prompt
        anchors { left: parent.left; right: clock.left; top: parent.top; rightMargin: Theme.gap }
        text: I18n.s["home.prompt"]
        wrapMode: Text.WordWrap
    }

    GridLayout {
        id: grid
        anchors { left: parent.left; right: parent.right; top: prompt.bottom; bottom: parent.bottom
                  topMargin: Theme.gap * 2 }
        columns: HomePage.tiles.count > 4 ? 3 : 2
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap
        Repeater {
            model: HomePage.tiles
            Tile {
                id: entry
                required property string journeyId
                required property string titleKey
                required property string subtitleKey
                required glyph
                objectName: "tile_" + entry.journeyId
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 340
                title: I18n.s[entry.titleKey]
                subtitle: I18n.s[entry.subtitleKey]
                onClicked: HomePage.open(entry.journeyId)
            }
        }
    }
}
