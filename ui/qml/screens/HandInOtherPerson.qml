// Hand in a dossier that two people declare together (a marriage): after the first person's
// card, the screen names whose card comes next and starts the identity step for them.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["hand_in.other.title"].replace("{who}", HandIn.otherPerson)
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    onBackRequested: HandIn.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        ErrorSummary {
            objectName: "otherPersonError"
            Layout.fillWidth: true
            message: HandIn.error
        }
        BodyText {
            objectName: "otherPersonHow"
            Layout.fillWidth: true
            text: I18n.s["hand_in.other.how"]
            wrapMode: Text.WordWrap
        }
        KioskButton {
            objectName: "otherPersonStart"
            Layout.preferredWidth: 480
            text: I18n.s["hand_in.other.start"]
            onClicked: HandIn.identifyOther()
        }
    }
}
