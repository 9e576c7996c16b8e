// A stand-in screen for the keyboard tests: fields of every kind journeys may use (plain
// TextInput and TextEdit, as the frozen app ships without Qt Quick Controls, and a Controls
// TextField), and the keyboard docked at the bottom the way the main window docks it.
import QtQuick
import QtQuick.Controls
import Kiosk

Rectangle {
    width: 1920
    height: 1080
    color: theme.background

    component Box: Rectangle {
        width: 1000; height: 96
        color: theme.surface
        border.color: theme.border
        border.width: 2
    }

    Column {
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 64 }
        spacing: 24
        Text { text: "Họ và tên"; font.pixelSize: theme.bodySize; color: theme.text }
        Box {
            TextInput {
                objectName: "nameField"
                property string kioskCapitalization: "words"
                anchors { fill: parent; margins: 16 }
                verticalAlignment: TextInput.AlignVCenter
                font.pixelSize: theme.bodySize
                color: theme.text
            }
        }
        TextField {
            objectName: "noteField"
            width: 1000; height: 96
            font.pixelSize: theme.bodySize
        }
        Row {
            spacing: 24
            Box {
                width: 600
                TextInput {
                    objectName: "idField"
                    inputMethodHints: Qt.ImhDigitsOnly
                    anchors { fill: parent; margins: 16 }
                    verticalAlignment: TextInput.AlignVCenter
                    font.pixelSize: theme.bodySize
                    color: theme.text
                }
            }
            Box {
                width: 1000
                TextEdit {
                    objectName: "addressField"
                    property string kioskCapitalization: "words"
                    anchors { fill: parent; margins: 16 }
                    wrapMode: TextEdit.Wrap
                    font.pixelSize: theme.bodySize
                    color: theme.text
                }
            }
        }
    }

    Keyboard {
        objectName: "keyboard"
        controller: keyboardController
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                  bottomMargin: parent.height * 0.05 }
        height: implicitHeight
    }
}
