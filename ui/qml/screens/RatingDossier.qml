// Rate the service, step 2 by dossier: the dossier code from the receipt, on the kiosk keyboard.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["rating.dossier.question"]
    step: Rating.step
    stepTotal: Rating.stepTotal
    onBackRequested: Rating.back()

    // the field and Continue on one line, the problem below them: a message never moves either
    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap / 2
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(Theme.touchTarget, codeField.implicitHeight + Theme.gap)  // large text too
                color: Theme.surface
                border.color: codeField.activeFocus ? Theme.focus : Theme.border
                border.width: 4
                radius: Theme.radius
                TextInput {
                    id: codeField
                    objectName: "ratingCodeField"
                    anchors { fill: parent; margins: Theme.gap / 2 }
                    verticalAlignment: TextInput.AlignVCenter
                    font.pixelSize: Theme.headingSize
                    color: Theme.text
                    maximumLength: 40
                    inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhLatinOnly | Qt.ImhNoPredictiveText
                    Accessible.role: Accessible.EditableText
                    Accessible.name: I18n.s["follow.type.label"]
                    // the keypad: reached with the arrows, said with the word for a field and,
                    // a code being nothing personal, what is typed so far (to check it by ear)
                    readonly property string spokenText: Accessible.name + ". " + I18n.s["speech.field"]
                        + (text.length > 0 ? ". " + I18n.s["speech.typed"] + " " + text : "")
                    activeFocusOnTab: true
                    FocusFrame { target: codeField }
                    Component.onCompleted: forceActiveFocus()
                    onAccepted: Rating.submitDossier(text)
                }
            }
            KioskButton {
                objectName: "ratingDossierContinue"
                text: I18n.s["common.continue"]
                enabledState: codeField.text.length > 0
                onClicked: Rating.submitDossier(codeField.text)
            }
        }
        HintText {
            Layout.fillWidth: true
            // the problem says what to check instead: it shows above the keyboard in large text
            visible: Rating.problem === ""
            text: I18n.s["follow.type.example"]
            wrapMode: Text.WordWrap
        }
        ErrorSummary {
            objectName: "ratingProblem"
            Layout.fillWidth: true
            message: Rating.problem
        }
    }
}
