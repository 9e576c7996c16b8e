// The foot of a final screen (ticket, receipt, thank-you): what to take back, then home after a
// visible countdown, with a button to stay. The space is kept while inactive so nothing moves.
import QtQuick
import QtQuick.Layouts
import KioskApp

Rectangle {
    id: reminder
    property string message: ""
    property bool active: true  // a final screen that is not final yet (saving) says false
    objectName: "leavingReminder"
    implicitHeight: column.implicitHeight + 2 * Theme.gap
    color: Theme.surface
    border.color: Theme.border
    border.width: 3
    radius: Theme.radius
    opacity: active ? 1 : 0

    function follow(): void {
        if (reminder.active)
            Shell.beginLeaving()
        else
            Shell.stayHere()
    }
    onActiveChanged: follow()
    Component.onCompleted: follow()

    RowLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
        spacing: Theme.gap
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.gap / 4
            BodyText {
                objectName: "leavingTake"
                Layout.fillWidth: true
                text: reminder.message
                wrapMode: Text.WordWrap
                font.bold: true
            }
            BodyText {
                objectName: "leavingCountdown"
                Layout.fillWidth: true
                text: Shell.leaveSecondsLeft >= 0
                      ? I18n.s["common.leaving.countdown"].replace("{seconds}", Shell.leaveSecondsLeft)
                      : I18n.s["common.leaving.stayed"]
                wrapMode: Text.WordWrap
            }
        }
        KioskButton {
            objectName: "stayButton"
            visible: Shell.leaveSecondsLeft >= 0
            primary: false
            text: I18n.s["common.leaving.stay"]
            onClicked: Shell.stayHere()
        }
    }
}
