// The idle warning: a countdown and one big button to continue, over everything else.
import QtQuick
import KioskApp

Rectangle {
    id: overlay
    anchors.fill: parent
    color: "#CC000000"
    visible: Shell.idleWarning
    MouseArea { anchors.fill: parent }  // the screen behind must not take taps

    Rectangle {
        anchors.centerIn: parent
        width: parent.width * 0.6
        height: box.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: 3
        Column {
            id: box
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            spacing: Theme.gap * 2
            HeadingText {
                width: parent.width
                text: I18n.s["idle.title"]
                wrapMode: Text.WordWrap
            }
            BodyText {
                objectName: "idleCountdown"
                width: parent.width
                text: I18n.s["idle.body"].replace("{seconds}", Shell.idleSecondsLeft)
                wrapMode: Text.WordWrap
            }
            KioskButton {
                objectName: "stillHereButton"
                width: parent.width
                text: I18n.s["idle.stay"]
                onClicked: Shell.stillHere()
            }
        }
    }
}
