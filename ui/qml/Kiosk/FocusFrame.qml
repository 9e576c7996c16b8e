// The keypad's focus: a thick frame in the focus colour with a line of text colour inside it, so
// the control that Enter would choose stands out in both display modes. Put it inside a control.
import QtQuick
import KioskApp

Rectangle {
    required property Item target
    anchors { fill: parent; margins: -12 }
    visible: target.activeFocus
    z: 100
    color: "transparent"
    radius: Theme.radius + 12
    border.color: Theme.focus
    border.width: 10
    Rectangle {
        anchors { fill: parent; margins: 10 }
        color: "transparent"
        radius: Theme.radius + 2
        border.color: Theme.text
        border.width: 3
    }
}
