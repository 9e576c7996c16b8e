// The keypad's focus: a thick frame in the focus colour with a line of text colour inside it, so
// the control that Enter would choose stands out in both display modes. Put it inside a control.
// The frame is made when its control takes the focus: every button, tile, field and key has one,
// and made up front they were a good share of what building a screen cost.
import QtQuick
import KioskApp

Loader {
    required property Item target
    anchors { fill: parent; margins: -12 }
    z: 100
    active: target.activeFocus
    sourceComponent: Rectangle {
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
}
