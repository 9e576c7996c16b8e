// Follow a dossier, step 1 typed: the dossier code from the receipt, on the kiosk keyboard
// (capitals, no Telex), checked before anything is sent.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["follow.type.question"]
    step: followDossier.step
    stepTotal: followDossier.stepTotal
    onBackRequested: followDossier.back()

    RowLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap * 2
        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 900
            spacing: theme.gap / 2
            Text {
                text: i18n.s["follow.type.label"]
                font.pixelSize: theme.bodySize
                font.bold: true
                color: theme.text
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: theme.touchTarget
                color: theme.surface
                border.color: codeField.activeFocus ? theme.focus : theme.border
                border.width: 4
                radius: theme.radius
                TextInput {
                    id: codeField
                    objectName: "followCodeField"
                    anchors { fill: parent; margins: theme.gap / 2 }
                    verticalAlignment: TextInput.AlignVCenter
                    font.pixelSize: theme.headingSize
                    color: theme.text
                    maximumLength: 40
                    inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhLatinOnly | Qt.ImhNoPredictiveText
                    Accessible.role: Accessible.EditableText
                    Accessible.name: i18n.s["follow.type.label"]
                    Component.onCompleted: { text = followDossier.code; forceActiveFocus() }
                    onAccepted: followDossier.submitTyped(text)
                }
            }
            Text {
                Layout.fillWidth: true
                text: i18n.s["follow.type.example"]
                wrapMode: Text.WordWrap
                font.pixelSize: theme.smallSize
                color: theme.mutedText
            }
        }
        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: theme.bodySize + theme.gap / 2
            Layout.fillWidth: true
            spacing: theme.gap
            ErrorSummary {
                objectName: "followProblem"
                Layout.fillWidth: true
                message: followDossier.problem
            }
            RowLayout {
                spacing: theme.gap
                KioskButton {
                    objectName: "followLookUp"
                    text: i18n.s["follow.type.look_up"]
                    enabledState: codeField.text.length > 0
                    onClicked: followDossier.submitTyped(codeField.text)
                }
                KioskButton {
                    objectName: "followScanInstead"
                    visible: followDossier.hasCamera
                    primary: false
                    text: i18n.s["follow.type.scan_instead"]
                    onClicked: followDossier.scanInstead()
                }
            }
        }
    }
}
