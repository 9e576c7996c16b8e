// One question of the finder, its answers as large buttons.
import QtQuick
import Kiosk

ScreenFrame {
    title: catalogue.question.text !== undefined ? catalogue.question.text : ""
    onBackRequested: catalogue.back()

    Column {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap
        Repeater {
            model: catalogue.question.options !== undefined ? catalogue.question.options : []
            KioskButton {
                required property var modelData
                objectName: "answer_" + modelData.id
                width: Math.min(parent.width, 1200)
                primary: false
                text: modelData.label
                onClicked: catalogue.answer(catalogue.question.id, modelData.id)
            }
        }
    }
}
