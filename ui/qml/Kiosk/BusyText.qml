// A spinner with words ("Đang in vé…") for anything that takes over a second.
import QtQuick

Row {
    property string text: ""
    spacing: theme.gap
    Rectangle {
        width: 56; height: 56; radius: 28
        color: "transparent"
        border.color: theme.primary
        border.width: 8
        Rectangle { width: 16; height: 16; radius: 8; color: theme.primary; x: 20; y: -4 }
        RotationAnimation on rotation { from: 0; to: 360; duration: 1200; loops: Animation.Infinite }
    }
    Text {
        anchors.verticalCenter: parent.verticalCenter
        text: parent.text
        font.pixelSize: theme.bodySize
        color: theme.text
    }
}
