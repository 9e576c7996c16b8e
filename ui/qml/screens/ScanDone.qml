// After Done, when the scan was opened on its own: how many pages were kept.
import QtQuick
import Kiosk

ScreenFrame {
    title: i18n.s["scanning.screen.done_title"]
    showBack: false
    Column {
        anchors.centerIn: parent
        spacing: theme.gap * 2
        Text {
            objectName: "scanSavedText"
            anchors.horizontalCenter: parent.horizontalCenter
            text: scan.savedText
            font.pixelSize: theme.bodySize + 6
            color: theme.text
        }
        KioskButton {
            objectName: "scanHome"
            anchors.horizontalCenter: parent.horizontalCenter
            text: i18n.s["common.home"]
            onClicked: shell.home()
        }
    }
}
