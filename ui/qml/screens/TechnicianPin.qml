// Technician mode, the PIN. The field asks for digits, so the on-screen keyboard is a digit pad.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    showCallStaff: false  // the technician is the staff
    title: I18n.s["technician.pin_title"]
    onBackRequested: Shell.home()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        BodyText {
            text: I18n.s["technician.pin_hint"]
        }
        ErrorSummary {
            objectName: "pinError"
            Layout.fillWidth: true
            message: Technician.error
        }
        Rectangle {
            Layout.preferredWidth: 520
            Layout.preferredHeight: Theme.touchTarget
            color: Theme.surface
            border.color: pinField.activeFocus ? Theme.focus : Theme.border
            border.width: 4
            radius: Theme.radius
            TextInput {
                id: pinField
                objectName: "pinField"
                anchors { fill: parent; margins: Theme.gap / 2 }
                verticalAlignment: TextInput.AlignVCenter
                font.pixelSize: Theme.headingSize
                color: Theme.text
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                maximumLength: 12
                focus: true
                Accessible.role: Accessible.EditableText
                Accessible.name: I18n.s["technician.pin_title"]
                readonly property string spokenText: Accessible.name + ". " + I18n.s["speech.field"]
                activeFocusOnTab: true
                FocusFrame { target: pinField }
                Component.onCompleted: forceActiveFocus()
                onAccepted: Technician.submitPin(text)
            }
        }
        KioskButton {
            objectName: "pinEnter"
            text: I18n.s["technician.enter"]
            enabledState: !Technician.busy && pinField.text.length > 0
            onClicked: Technician.submitPin(pinField.text)
        }
        BusyText {
            visible: Technician.busy
            text: I18n.s["common.please_wait"]
        }
    }
}
