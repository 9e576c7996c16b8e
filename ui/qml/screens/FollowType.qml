// Follow a dossier, step 1 typed: the dossier code from the receipt, on the kiosk keyboard
// (capitals, no Telex), checked before anything is sent.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["follow.type.question"]
    step: FollowDossier.step
    stepTotal: FollowDossier.stepTotal
    onBackRequested: FollowDossier.back()

    // the field and its buttons on one line, the problem below them: a message moves neither
    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap / 2
        BodyText {
            text: I18n.s["follow.type.label"]
            font.bold: true
        }
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
                    objectName: "followCodeField"
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
                    Component.onCompleted: { text = FollowDossier.code; forceActiveFocus() }
                    onAccepted: FollowDossier.submitTyped(text)
                }
            }
            KioskButton {
                objectName: "followLookUp"
                text: I18n.s["follow.type.look_up"]
                enabledState: codeField.text.length > 0
                onClicked: FollowDossier.submitTyped(codeField.text)
            }
            KioskButton {
                objectName: "followScanInstead"
                visible: FollowDossier.hasCamera
                primary: false
                text: I18n.s["follow.type.scan_instead"]
                onClicked: FollowDossier.scanInstead()
            }
        }
        HintText {
            Layout.fillWidth: true
            visible: FollowDossier.problem === ""  // the problem says what to check instead
            text: I18n.s["follow.type.example"]
            wrapMode: Text.WordWrap
        }
        ErrorSummary {
            objectName: "followProblem"
            Layout.fillWidth: true
            message: FollowDossier.problem
        }
    }
}
