// After Done, when the scan was opened on its own: how many pages were kept.
import QtQuick
import KioskApp
import Kiosk

ScreenFrame {
    title: I18n.s["scanning.screen.done_title"]
    showBack: false
    Column {
        anchors.centerIn: parent
        spacing: Theme.gap * 2
        Text {
            objectName: "scanSavedText"
            anchors.horizontalCenter: parent.horizontalCenter
            text: Scan.savedText
            font.pixelSize: Theme.bodySize + 6
            color: Theme.text
        }
        KioskButton {
            objectName: "scanHome"
            anchors.horizontalCenter: parent.horizontalCenter
            text: I18n.s["common.home"]
            onClicked: Shell.home()
        }
    }
}
