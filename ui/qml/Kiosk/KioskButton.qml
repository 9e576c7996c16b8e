// A large touch button: ≥ 96 px high, pressed state within one frame, text never cut.
import QtQuick
import KioskApp

Rectangle {
    id: button
    property string text: ""
    property bool primary: true
    property bool enabledState: true
    property int minimumWidth: 260  // the top bar's buttons go narrower to share one line
    property int textSize: Theme.buttonTextSize  // the top bar's stay the same in large text
    signal clicked()

    implicitWidth: Math.max(label.implicitWidth + 2 * Theme.gap + 24, minimumWidth)
    implicitHeight: Math.max(Theme.touchTarget, label.implicitHeight + 32)
    radius: Theme.radius
    opacity: enabledState ? 1.0 : 0.45
    color: area.pressed ? Theme.pressed : (primary ? Theme.primary : Theme.surface)
    border.color: primary ? Theme.primary : Theme.border
    border.width: 3
    Accessible.role: Accessible.Button
    Accessible.name: text
    // the keypad: reachable with Tab and the arrows, chosen with Enter, read aloud on focus
    readonly property string spokenText: Accessible.name
    activeFocusOnTab: enabledState
    Keys.onReturnPressed: if (enabledState) clicked()
    Keys.onEnterPressed: if (enabledState) clicked()
    FocusFrame { target: button }

    Text {
        id: label
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.gap
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: button.text
        font.pixelSize: button.textSize
        font.bold: true
        color: area.pressed || button.primary ? Theme.onPrimary : Theme.text
    }
    MouseArea {
        id: area
        anchors.fill: parent
        enabled: button.enabledState
        onClicked: button.clicked()
    }
}
