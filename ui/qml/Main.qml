// The kiosk window: one screen at a time (named by shell.screen), the idle warning and any notice
// on top.
import QtQuick
import QtQuick.Window
import Kiosk

Window {
    id: root
    objectName: "kioskWindow"
    width: shell.windowWidth
    height: shell.windowHeight
    visible: true
    title: "Kiosk"
    color: theme.background

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        // screens shrink above the on-screen keyboard rather than hide behind it
        anchors { left: parent.left; right: parent.right; top: parent.top
                  bottom: keyboard.open ? keyboard.top : parent.bottom }
        source: "screens/" + shell.screen + ".qml"
        asynchronous: false
        onStatusChanged: if (status === Loader.Error) shell.screenFailed(shell.screen)
    }

    Rectangle {
        id: noticeBar
        objectName: "notice"
        visible: shell.notice.length > 0
        anchors { left: parent.left; right: parent.right
                  bottom: keyboard.open ? keyboard.top : parent.bottom
                  bottomMargin: keyboard.open ? theme.gap : parent.height * 0.06
                  leftMargin: theme.margin; rightMargin: theme.margin }
        height: noticeText.implicitHeight + 2 * theme.gap
        radius: theme.radius
        color: theme.dangerSurface
        border.color: theme.danger
        border.width: 4
        StatusIcon {
            id: noticeIcon
            kind: "problem"
            anchors { left: parent.left; verticalCenter: parent.verticalCenter; margins: theme.gap }
        }
        Text {
            id: noticeText
            anchors { left: noticeIcon.right; right: closeNotice.left; verticalCenter: parent.verticalCenter
                      margins: theme.gap }
            text: shell.notice
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        KioskButton {
            id: closeNotice
            anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: theme.gap }
            primary: false
            text: "OK"
            onClicked: shell.dismissNotice()
        }
    }

    Keyboard {
        id: keyboard
        objectName: "keyboard"
        controller: keyboardController
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                  bottomMargin: parent.height * 0.05 }
        height: implicitHeight
    }

    IdleWarning { objectName: "idleWarning" }
}
