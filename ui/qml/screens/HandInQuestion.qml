// Hand in a dossier, the form: one question per screen, typed on the kiosk's keyboard (which
// docks below when the field has the focus), or one of a few choices as buttons.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    id: frame
    title: HandIn.question.label || ""
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    onBackRequested: HandIn.back()

    readonly property bool isChoice: HandIn.question.kind === "choice"

    Connections {
        target: HandIn
        function onQuestionChanged() {
            answerField.text = HandIn.question.value || ""
            if (!frame.isChoice) answerField.forceActiveFocus()
        }
    }

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap / 2
        HintText {
            objectName: "questionSection"
            text: (HandIn.question.section || "") + " · " + (HandIn.question.counter || "")
        }
        ErrorSummary {
            objectName: "questionError"
            Layout.fillWidth: true
            message: HandIn.error
        }
        Text {
            Layout.fillWidth: true
            text: HandIn.question.hint + (HandIn.question.required ? "" : " " + I18n.s["hand_in.form.optional"])
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.smallSize
            color: Theme.text
        }
        RowLayout {
            visible: !frame.isChoice
            Layout.fillWidth: true
            spacing: Theme.gap
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                radius: Theme.radius
                color: Theme.surface
                border.color: answerField.activeFocus ? Theme.focus : Theme.border
                border.width: 4
                TextInput {
                    id: answerField
                    objectName: "answerField"
                    anchors { fill: parent; margins: Theme.gap / 2 }
                    verticalAlignment: TextInput.AlignVCenter
                    font.pixelSize: Theme.bodySize
                    color: Theme.text
                    clip: true
                    inputMethodHints: HandIn.question.kind === "text" ? Qt.ImhNone : Qt.ImhDigitsOnly
                    property string kioskCapitalization: HandIn.question.kind !== "text" ? "none"
                        : ((HandIn.question.id || "").indexOf("name") >= 0 ? "words" : "sentences")
                    Accessible.role: Accessible.EditableText
                    Accessible.name: HandIn.question.label || ""
                    Component.onCompleted: {
                        text = HandIn.question.value || ""
                        if (!frame.isChoice) forceActiveFocus()
                    }
                    onAccepted: HandIn.answer(text)
                }
            }
            KioskButton {
                objectName: "answerNext"
                Layout.preferredWidth: 320
                text: I18n.s["hand_in.form.next"]
                onClicked: HandIn.answer(answerField.text)
            }
        }
        Flow {
            visible: frame.isChoice
            Layout.fillWidth: true
            spacing: Theme.gap
            Repeater {
                model: HandIn.question.choices || []
                KioskButton {
                    id: entry
                    required property var modelData
                    objectName: "choice_" + entry.modelData.value
                    width: 360
                    primary: HandIn.question.value === entry.modelData.value
                    text: entry.modelData.label
                    onClicked: HandIn.answer(entry.modelData.value)
                }
            }
        }
    }
}
