// One question of the finder, its answers as large buttons.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import Kiosk

ScreenFrame {
    title: Catalogue.questionText
    onBackRequested: Catalogue.back()

    Column {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        Repeater {
            model: Catalogue.options
            KioskButton {
                id: entry
                required property string optionId
                required property string label
                objectName: "answer_" + entry.optionId
                width: Math.min(parent.width, 1200)
                primary: false
                text: entry.label
                onClicked: Catalogue.answer(Catalogue.questionId, entry.optionId)
            }
        }
    }
}
