// A large touch button: ≥ 96 px high, pressed state within one frame, text never cut.
import QtQuick

Rectangle {
    id: button
    property string text: ""
    property bool primary: true
    property bool enabledState: true
    signal clicked()

    implicitWidth: Math.max(label.implicitWidth + 2 * theme.gap + 24, 260)
    implicitHeight: Math.max(theme.touchTarget, label.implicitHeight + 32)
    radius: theme.radius
    opacity: enabledState ? 1.0 : 0.45
    color: area.pressed ? theme.pressed : (primary ? theme.primary : theme.surface)
    border.color: primary ? theme.primary : theme.border
    border.width: 3
    Accessible.role: Accessible.Button
    Accessible.name: text

    Text {
        id: label
        anchors.centerIn: parent
        width: parent.width - 2 * theme.gap
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: button.text
        font.pixelSize: theme.buttonTextSize
        font.bold: true
        color: area.pressed || button.primary ? theme.onPrimary : theme.text
    }
    MouseArea {
        id: area
        anchors.fill: parent
        enabled: button.enabledState
        onClicked: button.clicked()
    }
}
