// Rate the service, step 3 in detail: one index of the questionnaire a screen, three answers and
// "skip this question".
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: Rating.question.text || ""
    step: Rating.step
    stepTotal: Rating.stepTotal
    onBackRequested: Rating.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        BodyText {
            objectName: "ratingQuestionCounter"
            text: Rating.question.counter || ""
            color: Theme.mutedText
        }
        Repeater {
            model: Rating.question.answers || []
            KioskButton {
                id: entry
                required property var modelData
                objectName: "answer_" + entry.modelData.id
                Layout.preferredWidth: 1100
                primary: entry.modelData.chosen
                text: entry.modelData.label
                onClicked: Rating.answer(entry.modelData.id)
            }
        }
        KioskButton {
            objectName: "answerSkip"
            Layout.preferredWidth: 1100
            primary: false
            text: I18n.s["rating.question.skip"]
            onClicked: Rating.answer("")
        }
    }
}
