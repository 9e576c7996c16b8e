// A home-screen tile: one journey, a big title and one line saying what it is for.
import QtQuick
import KioskApp

Rectangle {
    id: tile
    property string title: ""
    property string subtitle: ""
    property string glyph: ""
    signal clicked()

    radius: Theme.radius
    color: area.pressed ? Theme.pressed : Theme.primary
    border.color: Theme.border
    border.width: Theme.highContrast ? 3 : 0
    Accessible.role: Accessible.Button
    Accessible.name: subtitle.length > 0 ? title + ". " + subtitle : title
    readonly property string spokenText: Accessible.name
    activeFocusOnTab: true
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()
    FocusFrame { target: tile }

    // a tile squeezed by its grid (large text, long English names) shrinks its words to fit
    // rather than spilling them, white, onto the light background
    Column {
        id: column
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.gap
        readonly property real room: tile.height - 2 * Theme.gap
        spacing: 12
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: tile.glyph
            visible: text.length > 0
            font.pixelSize: Theme.headingSize * 1.4
            color: Theme.onPrimary
        }
        HeadingText {
            id: tileTitle
            width: parent.width
            height: Math.min(implicitHeight, column.room * (subtitleText.visible ? 0.62 : 1))
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
            fontSizeMode: Text.Fit
            minimumPixelSize: 16
            text: tile.title
            color: Theme.onPrimary
        }
        Text {
            id: subtitleText
            width: parent.width
            height: Math.min(implicitHeight, column.room * 0.38 - column.spacing)
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
            fontSizeMode: Text.Fit
            minimumPixelSize: 14
            text: tile.subtitle
            visible: text.length > 0 && height >= minimumPixelSize * 1.4  // no room: the title only
            font.pixelSize: Theme.smallSize
            color: Theme.onPrimary
        }
    }
    MouseArea { id: area; anchors.fill: parent; onClicked: tile.clicked() }
}
