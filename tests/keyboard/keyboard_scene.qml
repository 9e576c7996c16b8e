// A stand-in screen for the keyboard tests: three fields of the kinds journeys use, and the
// keyboard docked at the bottom the way the main window docks it.
import QtQuick
import QtQuick.Controls
import Kiosk

Rectangle {
    width: 1920
    height: 1080
    color: theme.background

    Column {
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 64 }
        spacing: 24
        Text { text: "Họ và tên"; font.pixelSize: theme.bodySize; color: theme.text }
        TextField {
            objectName: "nameField"
            property string kioskCapitalization: "words"
            width: 1000; height: 96
            font.pixelSize: theme.bodySize
        }
        TextField {
            objectName: "noteField"
            width: 1000; height: 96
            font.pixelSize: theme.bodySize
        }
        TextField {
            objectName: "idField"
            inputMethodHints: Qt.ImhDigitsOnly
            width: 600; height: 96
            font.pixelSize: theme.bodySize
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
