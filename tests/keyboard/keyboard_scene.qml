// A stand-in screen for the keyboard tests: fields of every kind journeys may use (plain
// TextInput and TextEdit, as the frozen app ships without Qt Quick Controls, and a Controls
// TextField), and the keyboard docked at the bottom the way the main window docks it.
import QtQuick
import KioskApp
import QtQuick.Controls
import Kiosk

Rectangle {
    width: 1920
    height: 1080
    color: Theme.background

    component Box: Rectangle {
        width: 1000; height: 96
        color: Theme.surface
        border.color: Theme.border
        border.width: 2
    }

    Column {
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 64 }
        spacing: 24
        Text { text: "Họ và tên"; font.pixelSize: Theme.bodySize; color: Theme.text }
        Box {
            TextInput {
                objectName: "nameField"
                property string kioskCapitalization: "words"
                anchors { fill: parent; margins: 16 }
                verticalAlignment: TextInput.AlignVCenter
                font.pixelSize: Theme.bodySize
                color: Theme.text
            }
        }
        TextField {
            objectName: "noteField"
            width: 1000; height: 96
            font.pixelSize: Theme.bodySize
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
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                }
            }
            Box {
                width: 1000
                TextEdit {
                    objectName: "addressField"
                    property string kioskCapitalization: "words"
                    anchors { fill: parent; margins: 16 }
                    wrapMode: TextEdit.Wrap
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                }
            }
        }
    }

    Keyboard {
        objectName: "keyboard"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                  bottomMargin: parent.height * 0.05 }
        height: implicitHeight
    }
}
