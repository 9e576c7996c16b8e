// Technician mode, the PIN. The field asks for digits, so the on-screen keyboard is a digit pad.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["technician.pin_title"]
    onBackRequested: shell.home()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap
        Text {
            text: i18n.s["technician.pin_hint"]
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        ErrorSummary {
            objectName: "pinError"
            Layout.fillWidth: true
            message: technician.error
        }
        Rectangle {
            Layout.preferredWidth: 520
            Layout.preferredHeight: theme.touchTarget
            color: theme.surface
            border.color: pinField.activeFocus ? theme.focus : theme.border
            border.width: 4
            radius: theme.radius
            TextInput {
                id: pinField
                objectName: "pinField"
                anchors { fill: parent; margins: theme.gap / 2 }
                verticalAlignment: TextInput.AlignVCenter
                font.pixelSize: theme.headingSize
                color: theme.text
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                maximumLength: 12
                focus: true
                Component.onCompleted: forceActiveFocus()
                onAccepted: technician.submitPin(text)
            }
        }
        KioskButton {
            objectName: "pinEnter"
            text: i18n.s["technician.enter"]
            enabledState: !technician.busy && pinField.text.length > 0
            onClicked: technician.submitPin(pinField.text)
        }
        BusyText {
            visible: technician.busy
            text: i18n.s["common.please_wait"]
        }
    }
}
