// Rate the service, step 3: answer the short questionnaire too, or send the rating now.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["rating.more.question"]
    step: rating.step
    stepTotal: rating.stepTotal
    onBackRequested: rating.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap * 2
        Text {
            Layout.fillWidth: true
            text: i18n.s["rating.more.hint"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        RowLayout {
            spacing: theme.gap
            KioskButton {
                objectName: "ratingSend"
                text: i18n.s["rating.more.no"]
                onClicked: rating.tellMore(false)
            }
            KioskButton {
                objectName: "ratingTellMore"
                primary: false
                text: i18n.s["rating.more.yes"]
                onClicked: rating.tellMore(true)
            }
        }
    }
}
