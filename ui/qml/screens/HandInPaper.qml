// Hand in a dossier, the papers: one paper per screen, scanned with the scan step; where the
// law allows it, "I don't have this paper" with what happens then.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["hand_in.paper.question"]
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    onBackRequested: HandIn.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        ErrorSummary {
            objectName: "paperError"
            Layout.fillWidth: true
            message: HandIn.error
        }
        Text {
            objectName: "paperName"
            Layout.fillWidth: true
            text: HandIn.paper.name || ""
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.bodySize * 1.2
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            visible: text.length > 0
            text: HandIn.paper.note || ""
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.smallSize
            color: Theme.text
        }
        BodyText {
            objectName: "paperLackNote"
            Layout.fillWidth: true
            text: HandIn.paper.mayLack ? HandIn.paper.lackNote : I18n.s["hand_in.paper.required"]
            wrapMode: Text.WordWrap
        }
        RowLayout {
            spacing: Theme.gap
            KioskButton {
                objectName: "scanPaper"
                Layout.preferredWidth: 480
                text: I18n.s["hand_in.paper.scan"]
                onClicked: HandIn.scanPaper()
            }
            KioskButton {
                objectName: "lackPaper"
                visible: HandIn.paper.mayLack === true
                primary: false
                Layout.preferredWidth: 480
                text: I18n.s["hand_in.paper.lack"]
                onClicked: HandIn.lackPaper()
            }
        }
    }
}
