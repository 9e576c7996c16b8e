// Hand in a dossier, the papers: one paper per screen, scanned with the scan step; where the
// law allows it, "I don't have this paper" with what happens then.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["hand_in.paper.question"]
    step: handIn.step
    stepTotal: handIn.stepTotal
    onBackRequested: handIn.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap
        Text {
            text: handIn.paper.counter || ""
            font.pixelSize: theme.smallSize
            color: theme.mutedText
        }
        ErrorSummary {
            objectName: "paperError"
            Layout.fillWidth: true
            message: handIn.error
        }
        Text {
            objectName: "paperName"
            Layout.fillWidth: true
            text: handIn.paper.name || ""
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize * 1.2
            font.bold: true
            color: theme.text
        }
        Text {
            Layout.fillWidth: true
            visible: text.length > 0
            text: handIn.paper.note || ""
            wrapMode: Text.WordWrap
            font.pixelSize: theme.smallSize
            color: theme.text
        }
        Text {
            objectName: "paperLackNote"
            Layout.fillWidth: true
            text: handIn.paper.mayLack ? handIn.paper.lackNote : i18n.s["hand_in.paper.required"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        RowLayout {
            spacing: theme.gap
            KioskButton {
                objectName: "scanPaper"
                Layout.preferredWidth: 480
                text: i18n.s["hand_in.paper.scan"]
                onClicked: handIn.scanPaper()
            }
            KioskButton {
                objectName: "lackPaper"
                visible: handIn.paper.mayLack === true
                primary: false
                Layout.preferredWidth: 480
                text: i18n.s["hand_in.paper.lack"]
                onClicked: handIn.lackPaper()
            }
        }
    }
}
