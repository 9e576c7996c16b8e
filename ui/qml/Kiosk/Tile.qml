// A home-screen tile: one journey, a big title and one line saying what it is for.
import QtQuick

Rectangle {
    id: tile
    property string title: ""
    property string subtitle: ""
    property string glyph: ""
    signal clicked()

    radius: theme.radius
    color: area.pressed ? theme.pressed : theme.primary
    border.color: theme.border
    border.width: theme.highContrast ? 3 : 0
    Accessible.role: Accessible.Button
    Accessible.name: title

    Column {
        anchors.centerIn: parent
        width: parent.width - 2 * theme.gap
        spacing: 12
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: tile.glyph
            visible: text.length > 0
            font.pixelSize: theme.headingSize * 1.4
            color: theme.onPrimary
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: tile.title
            font.pixelSize: theme.headingSize
            font.bold: true
            color: theme.onPrimary
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: tile.subtitle
            font.pixelSize: theme.smallSize
            color: theme.onPrimary
        }
    }
    MouseArea { id: area; anchors.fill: parent; onClicked: tile.clicked() }
}
