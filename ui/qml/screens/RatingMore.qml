// Rate the service, step 3: answer the short questionnaire too, or send the rating now.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["rating.more.question"]
    step: Rating.step
    stepTotal: Rating.stepTotal
    onBackRequested: Rating.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap * 2
        BodyText {
            Layout.fillWidth: true
            text: I18n.s["rating.more.hint"]
            wrapMode: Text.WordWrap
        }
        RowLayout {
            spacing: Theme.gap
            KioskButton {
                objectName: "ratingSend"
                text: I18n.s["rating.more.no"]
                onClicked: Rating.tellMore(false)
            }
            KioskButton {
                objectName: "ratingTellMore"
                primary: false
                text: I18n.s["rating.more.yes"]
                onClicked: Rating.tellMore(true)
            }
        }
    }
}
