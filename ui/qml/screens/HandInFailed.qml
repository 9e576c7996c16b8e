// Hand in a dossier: it could not be stored (disk full, …). Nothing is lost: try again or go
// back to the answers.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["hand_in.failed.title"]
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    onBackRequested: HandIn.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        ErrorSummary {
            objectName: "submitProblem"
            Layout.fillWidth: true
            message: HandIn.error
        }
        BodyText {
            Layout.fillWidth: true
            text: I18n.s["hand_in.failed.kept"] + " " + I18n.s["common.call_staff"]
            wrapMode: Text.WordWrap
        }
        RowLayout {
            spacing: Theme.gap
            KioskButton {
                objectName: "retrySubmit"
                Layout.preferredWidth: 420
                text: I18n.s["hand_in.failed.retry"]
                onClicked: HandIn.submit()
            }
            KioskButton {
                objectName: "backToCheck"
                Layout.preferredWidth: 420
                primary: false
                text: I18n.s["hand_in.failed.check"]
                onClicked: HandIn.back()
            }
        }
    }
}
