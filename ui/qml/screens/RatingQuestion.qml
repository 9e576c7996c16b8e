// Rate the service, step 3 in detail: one index of the questionnaire a screen, three answers and
// "skip this question".
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: rating.question.text || ""
    step: rating.step
    stepTotal: rating.stepTotal
    onBackRequested: rating.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap
        Text {
            objectName: "ratingQuestionCounter"
            text: rating.question.counter || ""
            font.pixelSize: theme.bodySize
            color: theme.mutedText
        }
        Repeater {
            model: rating.question.answers || []
            KioskButton {
                required property var modelData
                objectName: "answer_" + modelData.id
                Layout.preferredWidth: 1100
                primary: modelData.chosen
                text: modelData.label
                onClicked: rating.answer(modelData.id)
            }
        }
        KioskButton {
            objectName: "answerSkip"
            Layout.preferredWidth: 1100
            primary: false
            text: i18n.s["rating.question.skip"]
            onClicked: rating.answer("")
        }
    }
}
