// What went wrong and what to do, in everyday words; an icon and words, never colour alone.
import QtQuick

Rectangle {
    property string message: ""
    visible: message.length > 0
    implicitHeight: visible ? text.implicitHeight + 2 * theme.gap : 0
    color: theme.dangerSurface
    border.color: theme.danger
    border.width: 4
    radius: theme.radius
    StatusIcon {
        id: icon
        kind: "problem"
        anchors { left: parent.left; top: parent.top; margins: theme.gap }
    }
    Text {
        id: text
        anchors { left: icon.right; right: parent.right; top: parent.top; margins: theme.gap }
        text: parent.message
        wrapMode: Text.WordWrap
        font.pixelSize: theme.bodySize
        font.bold: true
        color: theme.text
    }
}
