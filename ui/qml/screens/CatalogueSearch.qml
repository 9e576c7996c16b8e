// Search by name: a large box typed into with the kiosk's own keyboard, pinned here beside the
// results (the box never takes the focus, so the docked keyboard stays closed) — results follow
// each letter typed, with a hint when the words describe a life event ("bố tôi vừa mất").
import QtQuick
import Kiosk

ScreenFrame {
    id: frame
    title: i18n.s["catalogue.search.question"]
    onBackRequested: catalogue.back()

    Rectangle {
        id: box
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: theme.touchTarget
        radius: theme.radius
        color: theme.surface
        border.color: theme.focus
        border.width: 4
        TextInput {
            id: searchField
            objectName: "searchField"
            property string kioskCapitalization: "none"
            anchors { left: parent.left; right: clearButton.left; verticalCenter: parent.verticalCenter
                      leftMargin: theme.gap; rightMargin: theme.gap }
            activeFocusOnPress: false
            cursorVisible: true
            font.pixelSize: theme.bodySize
            color: theme.text
            text: catalogue.query
            onTextChanged: catalogue.typeQuery(text)
            Accessible.role: Accessible.EditableText
            Accessible.name: i18n.s["catalogue.search.question"]
            Text {
                anchors.verticalCenter: parent.verticalCenter
                visible: searchField.text.length === 0
                text: i18n.s["catalogue.search.placeholder"]
                font.pixelSize: theme.bodySize
                color: theme.mutedText
            }
        }
        KioskButton {
            id: clearButton
            objectName: "searchClear"
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            height: parent.height
            primary: false
            visible: searchField.text.length > 0
            text: i18n.s["catalogue.search.clear"]
            onClicked: searchField.text = ""
        }
    }

    Keyboard {
        id: keyboard
        objectName: "catalogueKeyboard"
        controller: keyboardController
        followFocus: false
        target: searchField
        anchors { left: parent.left; bottom: parent.bottom }
        width: parent.width * 0.62
        keyHeight: 84
        maxKeyWidth: 140
    }

    Column {
        id: side
        anchors { left: keyboard.right; right: parent.right; top: box.bottom
                  leftMargin: theme.gap; topMargin: theme.gap }
        spacing: theme.gap / 2
        Repeater {
            model: catalogue.eventChips
            KioskButton {
                required property var modelData
                objectName: "eventChip_" + modelData.id
                width: side.width
                primary: true
                text: modelData.text
                onClicked: catalogue.chooseEvent(modelData.id)
            }
        }
        Text {
            width: side.width
            visible: text.length > 0
            text: catalogue.searchMessage
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
    }

    CatalogueProcedureList {
        anchors { left: keyboard.right; right: parent.right; top: side.bottom; bottom: parent.bottom
                  leftMargin: theme.gap; topMargin: side.height > 0 ? theme.gap / 2 : 0 }
        namePrefix: "result_"
        items: catalogue.results
        onChosen: (code) => catalogue.openProcedure(code)
    }
}
