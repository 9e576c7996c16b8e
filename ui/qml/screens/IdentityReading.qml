// Identity step 2, while the chip is read: what is happening, how far along, keep the card still.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["identity.screen.reading.question"]
    step: Identity.step
    stepTotal: Identity.stepTotal
    showBack: false

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top; topMargin: Theme.gap * 2 }
        spacing: Theme.gap * 2
        BusyText {
            objectName: "identityProgressText"
            Layout.alignment: Qt.AlignHCenter
            text: Identity.progressText
        }
        Rectangle {
            objectName: "identityProgressBar"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 900
            Layout.preferredHeight: 28
            radius: 14
            color: Theme.surface
            border.color: Theme.border
            border.width: 2
            Accessible.role: Accessible.ProgressBar
            Accessible.name: Identity.progressText
            Rectangle {
                anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 3 }
                width: Math.max(0, (parent.width - 6) * Identity.progressFraction)
                radius: 11
                color: Theme.primary
            }
        }
        BodyText {
            Layout.alignment: Qt.AlignHCenter
            text: I18n.s["identity.screen.reading.keep_still"]
            font.bold: true
        }
    }
}
