// Identity step 1, typed instead of scanned: the 12-digit ID number and the date of birth, on
// the kiosk's digit pad.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["identity.screen.type.question"]
    step: identity.step
    stepTotal: identity.stepTotal
    onBackRequested: identity.back()

    component Field: Rectangle {
        property alias input: input
        property string label: ""
        Layout.preferredWidth: 620
        Layout.preferredHeight: theme.touchTarget
        color: theme.surface
        border.color: input.activeFocus ? theme.focus : theme.border
        border.width: 4
        radius: theme.radius
        Accessible.name: label
        TextInput {
            id: input
            anchors { fill: parent; margins: theme.gap / 2 }
            verticalAlignment: TextInput.AlignVCenter
            font.pixelSize: theme.headingSize
            color: theme.text
            inputMethodHints: Qt.ImhDigitsOnly
            Accessible.role: Accessible.EditableText
            Accessible.name: parent.label
        }
    }

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap / 2
        // fields on the left, message and buttons on the right: all stay above the digit pad
        RowLayout {
            Layout.fillWidth: true
            spacing: theme.gap * 2
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                spacing: theme.gap / 2
                Text {
                    text: i18n.s["identity.screen.type.id_label"]
                    font.pixelSize: theme.bodySize
                    font.bold: true
                    color: theme.text
                }
                Field {
                    id: idField
                    label: i18n.s["identity.screen.type.id_label"]
                    input.objectName: "identityIdField"
                    input.maximumLength: 12
                    input.focus: true
                    Component.onCompleted: input.forceActiveFocus()
                }
                Text {
                    text: i18n.s["identity.screen.type.birth_label"]
                    font.pixelSize: theme.bodySize
                    font.bold: true
                    color: theme.text
                }
                Field {
                    id: birthField
                    label: i18n.s["identity.screen.type.birth_label"]
                    input.objectName: "identityBirthField"
                    input.maximumLength: 10
                }
            }
            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: theme.bodySize + theme.gap / 2
                spacing: theme.gap
                ErrorSummary {
                    objectName: "identityProblem"
                    Layout.preferredWidth: 760
                    message: identity.problem
                }
                KioskButton {
                    objectName: "identityTypedContinue"
                    text: i18n.s["common.continue"]
                    enabledState: idField.input.text.length > 0 && birthField.input.text.length > 0
                    onClicked: identity.submitTyped(idField.input.text, birthField.input.text)
                }
                KioskButton {
                    objectName: "identityScanInstead"
                    visible: identity.hasCamera
                    primary: false
                    text: i18n.s["identity.screen.scan_instead"]
                    onClicked: identity.scanInstead()
                }
                Text {
                    Layout.preferredWidth: 760
                    visible: identity.problem.length === 0
                    text: i18n.s["identity.screen.type.birth_hint"]
                    wrapMode: Text.WordWrap
                    font.pixelSize: theme.bodySize
                    color: theme.text
                }
            }
        }
    }
}
