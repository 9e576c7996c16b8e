// Hand in a dossier, the form: one question per screen, typed on the kiosk's keyboard (which
// docks below when the field has the focus), or one of a few choices as buttons.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    id: frame
    title: handIn.question.label || ""
    step: handIn.step
    stepTotal: handIn.stepTotal
    onBackRequested: handIn.back()

    readonly property bool isChoice: handIn.question.kind === "choice"

    Connections {
        target: handIn
        function onQuestionChanged() {
            answerField.text = handIn.question.value || ""
            if (!frame.isChoice) answerField.forceActiveFocus()
        }
    }

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap / 2
        Text {
            objectName: "questionSection"
            text: (handIn.question.section || "") + " · " + (handIn.question.counter || "")
            font.pixelSize: theme.smallSize
            color: theme.mutedText
        }
        ErrorSummary {
            objectName: "questionError"
            Layout.fillWidth: true
            message: handIn.error
        }
        Text {
            Layout.fillWidth: true
            text: handIn.question.hint + (handIn.question.required ? "" : " " + i18n.s["hand_in.form.optional"])
            wrapMode: Text.WordWrap
            font.pixelSize: theme.smallSize
            color: theme.text
        }
        RowLayout {
            visible: !frame.isChoice
            Layout.fillWidth: true
            spacing: theme.gap
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: theme.touchTarget
                radius: theme.radius
                color: theme.surface
                border.color: answerField.activeFocus ? theme.focus : theme.border
                border.width: 4
                TextInput {
                    id: answerField
                    objectName: "answerField"
                    anchors { fill: parent; margins: theme.gap / 2 }
                    verticalAlignment: TextInput.AlignVCenter
                    font.pixelSize: theme.bodySize
                    color: theme.text
                    clip: true
                    inputMethodHints: handIn.question.kind === "text" ? Qt.ImhNone : Qt.ImhDigitsOnly
                    property string kioskCapitalization: handIn.question.kind !== "text" ? "none"
                        : ((handIn.question.id || "").indexOf("name") >= 0 ? "words" : "sentences")
                    Accessible.role: Accessible.EditableText
                    Accessible.name: handIn.question.label || ""
                    Component.onCompleted: {
                        text = handIn.question.value || ""
                        if (!frame.isChoice) forceActiveFocus()
                    }
                    onAccepted: handIn.answer(text)
                }
            }
            KioskButton {
                objectName: "answerNext"
                Layout.preferredWidth: 320
                text: i18n.s["hand_in.form.next"]
                onClicked: handIn.answer(answerField.text)
            }
        }
        Flow {
            visible: frame.isChoice
            Layout.fillWidth: true
            spacing: theme.gap
            Repeater {
                model: handIn.question.choices || []
                KioskButton {
                    required property var modelData
                    objectName: "choice_" + modelData.value
                    width: 360
                    primary: handIn.question.value === modelData.value
                    text: modelData.label
                    onClicked: handIn.answer(modelData.value)
                }
            }
        }
    }
}
