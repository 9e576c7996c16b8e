// Rate the service, step 4: saving (a moment), then thank you — or what went wrong and "try
// again", the rating kept.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: rating.state === "failed" ? i18n.s["rating.failed.question"]
         : rating.state === "saved" ? i18n.s["rating.thanks.question"] : ""
    step: rating.step
    stepTotal: rating.stepTotal
    showBack: false

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap * 2
        BusyText {
            objectName: "ratingSaving"
            visible: rating.state === "saving"
            text: i18n.s["rating.saving.busy"]
        }
        ErrorSummary {
            objectName: "ratingProblem"
            Layout.fillWidth: true
            message: rating.state === "failed" ? rating.problem : ""
        }
        Text {
            objectName: "ratingThanks"
            Layout.fillWidth: true
            visible: rating.state === "saved"
            text: i18n.s["rating.thanks.body"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        RowLayout {
            spacing: theme.gap
            KioskButton {
                objectName: "ratingRetry"
                visible: rating.state === "failed"
                text: i18n.s["common.retry"]
                onClicked: rating.retry()
            }
            KioskButton {
                objectName: "ratingDone"
                visible: rating.state !== "saving"
                primary: rating.state === "saved"
                text: i18n.s["rating.thanks.done"]
                onClicked: shell.home()
            }
        }
    }
}
