// Hand in a dossier: it could not be stored (disk full, …). Nothing is lost: try again or go
// back to the answers.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["hand_in.failed.title"]
    step: handIn.step
    stepTotal: handIn.stepTotal
    onBackRequested: handIn.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap
        ErrorSummary {
            objectName: "submitProblem"
            Layout.fillWidth: true
            message: handIn.error
        }
        Text {
            Layout.fillWidth: true
            text: i18n.s["hand_in.failed.kept"] + " " + i18n.s["common.call_staff"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        RowLayout {
            spacing: theme.gap
            KioskButton {
                objectName: "retrySubmit"
                Layout.preferredWidth: 420
                text: i18n.s["hand_in.failed.retry"]
                onClicked: handIn.submit()
            }
            KioskButton {
                objectName: "backToCheck"
                Layout.preferredWidth: 420
                primary: false
                text: i18n.s["hand_in.failed.check"]
                onClicked: handIn.back()
            }
        }
    }
}
