// Identity step 1, typed instead of scanned: the 12-digit ID number and the date of birth, on
// the kiosk's digit pad.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["identity.screen.type.question"]
    step: Identity.step
    stepTotal: Identity.stepTotal
    onBackRequested: Identity.back()

    component Field: Rectangle {
        property alias input: input
        property string label: ""
        Layout.preferredWidth: 620
        Layout.preferredHeight: Theme.touchTarget
        color: Theme.surface
        border.color: input.activeFocus ? Theme.focus : Theme.border
        border.width: 4
        radius: Theme.radius
        Accessible.name: label
        TextInput {
            id: input
            anchors { fill: parent; margins: Theme.gap / 2 }
            verticalAlignment: TextInput.AlignVCenter
            font.pixelSize: Theme.headingSize
            color: Theme.text
            inputMethodHints: Qt.ImhDigitsOnly
            Accessible.role: Accessible.EditableText
            Accessible.name: parent.label
            // the keypad: reached with the arrows, said with the word for a field
            readonly property string spokenText: Accessible.name + ". " + I18n.s["speech.field"]
            activeFocusOnTab: true
            FocusFrame { target: input }
        }
    }

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap / 2
        // fields on the left, message and buttons on the right: all stay above the digit pad
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap * 2
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                spacing: Theme.gap / 2
                BodyText {
                    text: I18n.s["identity.screen.type.id_label"]
                    font.bold: true
                }
                Field {
                    id: idField
                    label: I18n.s["identity.screen.type.id_label"]
                    input.objectName: "identityIdField"
                    input.maximumLength: 12
                    input.focus: true
                    Component.onCompleted: input.forceActiveFocus()
                }
                BodyText {
                    text: I18n.s["identity.screen.type.birth_label"]
                    font.bold: true
                }
                Field {
                    id: birthField
                    label: I18n.s["identity.screen.type.birth_label"]
                    input.objectName: "identityBirthField"
                    input.maximumLength: 10
                }
            }
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: Theme.bodySize + Theme.gap / 2
                spacing: Theme.gap
                ErrorSummary {
                    objectName: "identityProblem"
                    Layout.preferredWidth: 760
                    message: Identity.problem
                }
                KioskButton {
                    objectName: "identityTypedContinue"
                    text: I18n.s["common.continue"]
                    enabledState: idField.input.text.length > 0 && birthField.input.text.length > 0
                    onClicked: Identity.submitTyped(idField.input.text, birthField.input.text)
                }
                KioskButton {
                    objectName: "identityScanInstead"
                    visible: Identity.hasCamera
                    primary: false
                    text: I18n.s["identity.screen.scan_instead"]
                    onClicked: Identity.scanInstead()
                }
                BodyText {
                    Layout.preferredWidth: 760
                    visible: Identity.problem.length === 0
                    text: I18n.s["identity.screen.type.birth_hint"]
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
