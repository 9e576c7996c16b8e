// The idle warning: a countdown and one big button to continue, over everything else.
import QtQuick

Rectangle {
    id: overlay
    anchors.fill: parent
    color: "#CC000000"
    visible: shell.idleWarning
    MouseArea { anchors.fill: parent }  // the screen behind must not take taps

    Rectangle {
        anchors.centerIn: parent
        width: parent.width * 0.6
        height: box.implicitHeight + 2 * theme.margin
        radius: theme.radius
        color: theme.surface
        border.color: theme.border
        border.width: 3
        Column {
            id: box
            anchors.centerIn: parent
            width: parent.width - 2 * theme.margin
            spacing: theme.gap * 2
            Text {
                width: parent.width
                text: i18n.s["idle.title"]
                wrapMode: Text.WordWrap
                font.pixelSize: theme.headingSize
                font.bold: true
                color: theme.text
            }
            Text {
                objectName: "idleCountdown"
                width: parent.width
                text: i18n.s["idle.body"].replace("{seconds}", shell.idleSecondsLeft)
                wrapMode: Text.WordWrap
                font.pixelSize: theme.bodySize
                color: theme.text
            }
            KioskButton {
                objectName: "stillHereButton"
                width: parent.width
                text: i18n.s["idle.stay"]
                onClicked: shell.stillHere()
            }
        }
    }
}
