// What went wrong and what to do, in everyday words; an icon and words, never colour alone.
import QtQuick
import KioskApp

Rectangle {
    property string message: ""
    // the error sound, each time a problem is shown
    onMessageChanged: if (message.length > 0) Speech.errorShown()
    Component.onCompleted: if (message.length > 0) Speech.errorShown()
    visible: message.length > 0
    implicitHeight: visible ? text.implicitHeight + 2 * Theme.gap : 0
    color: Theme.dangerSurface
    border.color: Theme.danger
    border.width: 4
    radius: Theme.radius
    StatusIcon {
        id: icon
        kind: "problem"
        anchors { left: parent.left; top: parent.top; margins: Theme.gap }
    }
    BodyText {
        id: text
        anchors { left: icon.right; right: parent.right; top: parent.top; margins: Theme.gap }
        text: parent.message
        wrapMode: Text.WordWrap
        font.bold: true
    }
}
