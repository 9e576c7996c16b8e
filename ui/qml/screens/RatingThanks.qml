// Rate the service, step 4: saving (a moment), then thank you — or what went wrong and "try
// again", the rating kept.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: Rating.state === "failed" ? I18n.s["rating.failed.question"]
         : Rating.state === "saved" ? I18n.s["rating.thanks.question"] : ""
    step: Rating.step
    stepTotal: Rating.stepTotal
    showBack: false

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap * 2
        BusyText {
            objectName: "ratingSaving"
            visible: Rating.state === "saving"
            text: I18n.s["rating.saving.busy"]
        }
        ErrorSummary {
            objectName: "ratingProblem"
            Layout.fillWidth: true
            message: Rating.state === "failed" ? Rating.problem : ""
        }
        BodyText {
            objectName: "ratingThanks"
            Layout.fillWidth: true
            visible: Rating.state === "saved"
            text: I18n.s["rating.thanks.body"]
            wrapMode: Text.WordWrap
        }
        LeavingReminder {
            Layout.fillWidth: true
            active: Rating.state === "saved"
            message: I18n.s["common.leaving.thanks"]
        }
        RowLayout {
            spacing: Theme.gap
            KioskButton {
                objectName: "ratingRetry"
                visible: Rating.state === "failed"
                text: I18n.s["common.retry"]
                onClicked: Rating.retry()
            }
            KioskButton {
                objectName: "ratingDone"
                visible: Rating.state !== "saving"
                primary: Rating.state === "saved"
                text: I18n.s["rating.thanks.done"]
                onClicked: Shell.endSession()
            }
        }
    }
}
