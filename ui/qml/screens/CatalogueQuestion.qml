// One question of the finder, its answers as large buttons.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import Kiosk

ScreenFrame {
    title: Catalogue.question.text !== undefined ? Catalogue.question.text : ""
    onBackRequested: Catalogue.back()

    Column {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        Repeater {
            model: Catalogue.question.options !== undefined ? Catalogue.question.options : []
            KioskButton {
                id: entry
                required property var modelData
                objectName: "answer_" + entry.modelData.id
                width: Math.min(parent.width, 1200)
                primary: false
                text: entry.modelData.label
                onClicked: Catalogue.answer(Catalogue.question.id, entry.modelData.id)
            }
        }
    }
}
