// Start screen: the centre's name, the time, one large tile per journey, language and help.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: home.centreName
    showBack: false
    showHome: false
    onHeadingHeld: technician.open()

    Text {
        id: clock
        objectName: "homeClock"
        anchors { top: parent.top; right: parent.right }
        y: -theme.headingSize * 1.8
        text: home.clock
        font.pixelSize: theme.bodySize
        color: theme.mutedText
    }

    Text {
        id: prompt
        anchors { left: parent.left; right: parent.right; top: parent.top }
        text: i18n.s["home.prompt"]
        font.pixelSize: theme.bodySize
        color: theme.text
        wrapMode: Text.WordWrap
    }

    GridLayout {
        id: grid
        anchors { left: parent.left; right: parent.right; top: prompt.bottom; bottom: parent.bottom
                  topMargin: theme.gap * 2 }
        columns: home.tiles.length > 4 ? 3 : 2
        columnSpacing: theme.gap
        rowSpacing: theme.gap
        Repeater {
            model: home.tiles
            Tile {
                objectName: "tile_" + modelData.id
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 340
                glyph: modelData.glyph
                title: i18n.s[modelData.titleKey]
                subtitle: i18n.s[modelData.subtitleKey]
                onClicked: home.open(modelData.id)
            }
        }
    }
}
