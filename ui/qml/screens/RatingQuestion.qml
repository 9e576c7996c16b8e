// Rate the service, step 3 in detail: one index of the questionnaire a screen, three answers and
// "skip this question".
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: Rating.questionText
    step: Rating.step
    stepTotal: Rating.stepTotal
    onBackRequested: Rating.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        BodyText {
            objectName: "ratingQuestionCounter"
            text: Rating.questionCounter
            color: Theme.mutedText
        }
        Repeater {
            model: Rating.answers
            KioskButton {
                id: entry
                required property string answerId
                required property string label
                required property bool chosen
                objectName: "answer_" + entry.answerId
                Layout.preferredWidth: 1100
                primary: entry.chosen
                text: entry.label
                onClicked: Rating.answer(entry.answerId)
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
