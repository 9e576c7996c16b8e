// A spinner with words ("Đang in vé…") for anything that takes over a second.
import QtQuick
import KioskApp

Row {
    property string text: ""
    spacing: Theme.gap
    Rectangle {
        width: 56; height: 56; radius: 28
        color: "transparent"
        border.color: Theme.primary
        border.width: 8
        Rectangle { width: 16; height: 16; radius: 8; color: Theme.primary; x: 20; y: -4 }
        RotationAnimation on rotation { from: 0; to: 360; duration: 1200; loops: Animation.Infinite }
    }
    BodyText {
        anchors.verticalCenter: parent.verticalCenter
        text: parent.text
    }
}
