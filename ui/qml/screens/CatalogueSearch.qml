// Search by name: a large box typed into with the kiosk's own keyboard, pinned here beside the
// results (the box never takes the focus, so the docked keyboard stays closed) — results follow
// each letter typed, with a hint when the words describe a life event ("bố tôi vừa mất").
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import Kiosk

ScreenFrame {
    id: frame
    title: I18n.s["catalogue.search.question"]
    keyboardDock: keyboard
    onBackRequested: Catalogue.back()

    Rectangle {
        id: box
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Theme.touchTarget
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.focus
        border.width: 4
        TextInput {
            id: searchField
            objectName: "searchField"
            property string kioskCapitalization: "none"
            readonly property bool kioskOwnKeyboard: true  // the docked one stays closed
            anchors { left: parent.left; right: clearButton.left; verticalCenter: parent.verticalCenter
                      leftMargin: Theme.gap; rightMargin: Theme.gap }
            activeFocusOnPress: false
            cursorVisible: true
            font.pixelSize: Theme.bodySize
            color: Theme.text
            text: Catalogue.query
            onTextChanged: Catalogue.typeQuery(text)
            Accessible.role: Accessible.EditableText
            Accessible.name: I18n.s["catalogue.search.question"]
            // the keypad: reached with the arrows, said with the word for a field
            readonly property string spokenText: Accessible.name + ". " + I18n.s["speech.field"]
            activeFocusOnTab: true
            FocusFrame { target: searchField }
            BodyText {
                anchors.verticalCenter: parent.verticalCenter
                visible: searchField.text.length === 0
                text: I18n.s["catalogue.search.placeholder"]
                color: Theme.mutedText
            }
        }
        KioskButton {
            id: clearButton
            objectName: "searchClear"
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            height: parent.height
            primary: false
            visible: searchField.text.length > 0
            text: I18n.s["catalogue.search.clear"]
            onClicked: searchField.text = ""
        }
    }

    KeyboardDock {  // the window's pinned keyboard, typing into the box
        id: keyboard
        objectName: "catalogueKeyboard"
        field: searchField
        anchors { left: parent.left; bottom: parent.bottom }
        width: parent.width * 0.62
        keyHeight: 84
        maxKeyWidth: 140
    }

    Column {
        id: side
        anchors { left: keyboard.right; right: parent.right; top: box.bottom
                  leftMargin: Theme.gap; topMargin: Theme.gap }
        spacing: Theme.gap / 2
        Repeater {
            model: Catalogue.eventChips
            KioskButton {
                id: entry
                required property string eventId
                required property string title
                objectName: "eventChip_" + entry.eventId
                width: side.width
                primary: true
                text: entry.title
                onClicked: Catalogue.chooseEvent(entry.eventId)
            }
        }
        BodyText {
            width: side.width
            visible: text.length > 0
            text: Catalogue.searchMessage
            wrapMode: Text.WordWrap
        }
    }

    CatalogueProcedureList {
        anchors { left: keyboard.right; right: parent.right; top: side.bottom; bottom: parent.bottom
                  leftMargin: Theme.gap; topMargin: side.height > 0 ? Theme.gap / 2 : 0 }
        namePrefix: "result_"
        items: Catalogue.results
        onChosen: (code) => Catalogue.openProcedure(code)
    }
}
