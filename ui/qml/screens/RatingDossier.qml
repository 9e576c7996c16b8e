// Rate the service, step 2 by dossier: the dossier code from the receipt, on the kiosk keyboard.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["rating.dossier.question"]
    step: rating.step
    stepTotal: rating.stepTotal
    onBackRequested: rating.back()

    RowLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap * 2
        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 900
            spacing: theme.gap / 2
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: theme.touchTarget
                color: theme.surface
                border.color: codeField.activeFocus ? theme.focus : theme.border
                border.width: 4
                radius: theme.radius
                TextInput {
                    id: codeField
                    objectName: "ratingCodeField"
                    anchors { fill: parent; margins: theme.gap / 2 }
                    verticalAlignment: TextInput.AlignVCenter
                    font.pixelSize: theme.headingSize
                    color: theme.text
                    maximumLength: 40
                    inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhLatinOnly | Qt.ImhNoPredictiveText
                    Accessible.role: Accessible.EditableText
                    Accessible.name: i18n.s["follow.type.label"]
                    Component.onCompleted: forceActiveFocus()
                    onAccepted: rating.submitDossier(text)
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
            Layout.fillWidth: true
            spacing: theme.gap
            ErrorSummary {
                objectName: "ratingProblem"
                Layout.fillWidth: true
                message: rating.problem
            }
            KioskButton {
                objectName: "ratingDossierContinue"
                text: i18n.s["common.continue"]
                enabledState: codeField.text.length > 0
                onClicked: rating.submitDossier(codeField.text)
            }
        }
    }
}
