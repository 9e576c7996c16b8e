// Identity step 2, while the chip is read: what is happening, how far along, keep the card still.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["identity.screen.reading.question"]
    step: identity.step
    stepTotal: identity.stepTotal
    showBack: false

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top; topMargin: theme.gap * 2 }
        spacing: theme.gap * 2
        BusyText {
            objectName: "identityProgressText"
            Layout.alignment: Qt.AlignHCenter
            text: identity.progressText
        }
        Rectangle {
            objectName: "identityProgressBar"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 900
            Layout.preferredHeight: 28
            radius: 14
            color: theme.surface
            border.color: theme.border
            border.width: 2
            Accessible.role: Accessible.ProgressBar
            Accessible.name: identity.progressText
            Rectangle {
                anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 3 }
                width: Math.max(0, (parent.width - 6) * identity.progressFraction)
                radius: 11
                color: theme.primary
            }
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: i18n.s["identity.screen.reading.keep_still"]
            font.pixelSize: theme.bodySize
            font.bold: true
            color: theme.text
        }
    }
}
