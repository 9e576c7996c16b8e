// The high-contrast toggle's icon: a circle half dark, half light.
import QtQuick

Item {
    implicitWidth: 40
    implicitHeight: 40
    Rectangle {
        anchors.fill: parent
        radius: width / 2
        color: "#FFFFFF"
        border.color: "#000000"
        border.width: 3
    }
    Item {
        width: parent.width / 2
        height: parent.height
        clip: true
        Rectangle { width: parent.height; height: parent.height; radius: width / 2; color: "#000000" }
    }
}
