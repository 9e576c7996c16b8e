// A home-screen tile: one journey, a big title and one line saying what it is for.
import QtQuick
import KioskApp

Rectangle {
    id: tile
    property string title: ""
    property string subtitle: ""
    property string glyph: ""
    // in a list that scrolls: the tile is as tall as its words at their full size, nothing
    // shrinks or hides (but a word wider than the tile); else it takes the height its grid
    // gives and shrinks its words into it
    property bool grows: false
    signal clicked()

    implicitHeight: grows ? column.implicitHeight + 2 * Theme.gap : 0

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
    // rather than spilling them, white, onto the light background. Fitting lays the words out
    // at size after size, so only words that overflow at full size (taller than their room, or
    // one word wider than the tile) are fitted; a Fit text's implicit size stays its full-size
    // one, so the choice cannot loop.
    function widestWord(text: string, metrics: FontMetrics): real {
        let widest = 0
        for (const word of text.split(/\s+/))
            widest = Math.max(widest, metrics.advanceWidth(word))
        return widest
    }

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
            readonly property real room: column.room * (subtitleText.visible ? 0.62 : 1)
            height: tile.grows ? implicitHeight : Math.min(implicitHeight, room)
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
            readonly property bool wordTooWide: tile.widestWord(text, titleMetrics) > width
            readonly property bool overflows: width > 0 && (wordTooWide
                                              || (!tile.grows && room > 0 && implicitHeight > room))
            fontSizeMode: overflows ? Text.Fit : Text.FixedSize
            minimumPixelSize: 16
            text: tile.title
            color: Theme.onPrimary
        }
        Text {
            id: subtitleText
            width: parent.width
            readonly property real room: column.room * 0.38 - column.spacing
            height: tile.grows ? implicitHeight : Math.min(implicitHeight, room)
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
            readonly property bool wordTooWide: tile.widestWord(text, subtitleMetrics) > width
            readonly property bool overflows: width > 0 && (wordTooWide
                                              || (!tile.grows && room > 0 && implicitHeight > room))
            fontSizeMode: overflows ? Text.Fit : Text.FixedSize
            minimumPixelSize: 14
            text: tile.subtitle
            // no room: the title only
            visible: text.length > 0 && (tile.grows || height >= minimumPixelSize * 1.4)
            font.pixelSize: Theme.smallSize
            color: Theme.onPrimary
        }
    }
    FontMetrics { id: titleMetrics; font: tileTitle.font }
    FontMetrics { id: subtitleMetrics; font: subtitleText.font }
    MouseArea { id: area; anchors.fill: parent; onClicked: tile.clicked() }
}
