// Scanning a paper: the live picture with the page's outline, one plain instruction, the
// auto-capture filling up and flashing, and the pages taken so far (retake, delete).
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk
import KioskScan

ScreenFrame {
    id: screen
    // for a journey's paper: the paper's name, and "I don't have this paper" where the law allows
    title: Scan.paperName ? I18n.s["hand_in.paper.question"] : I18n.s["scanning.screen.title"]
    onBackRequested: Scan.back()

    RowLayout {
        anchors.fill: parent
        spacing: Theme.gap * 2

        ColumnLayout {
            Layout.fillHeight: true
            Layout.preferredWidth: parent.width * 0.58
            spacing: Theme.gap

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                ScanPreview {
                    id: preview
                    objectName: "scanPreview"
                    anchors.fill: parent
                    image: Scan.frame
                    outline: Scan.outline
                    ok: Scan.pageOk
                }
                Rectangle {
                    id: flash
                    objectName: "captureFlash"
                    anchors.fill: parent
                    color: "white"
                    opacity: 0
                    NumberAnimation on opacity {
                        id: flashAnimation
                        running: false
                        from: 0.9; to: 0; duration: 450; easing.type: Easing.OutQuad
                    }
                }
                Connections {
                    target: Scan
                    function onCaptured(number) { flashAnimation.restart() }
                }
                Rectangle {
                    visible: !Scan.cameraOk
                    anchors.centerIn: parent
                    width: parent.width * 0.8
                    height: problemText.implicitHeight + 2 * Theme.gap
                    radius: Theme.radius
                    color: Theme.dangerSurface
                    BodyText {
                        id: problemText
                        anchors.centerIn: parent
                        width: parent.width - 2 * Theme.gap
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignHCenter
                        text: I18n.s["scanning.guidance.camera_problem"]
                        color: Theme.danger
                    }
                }
            }
            Rectangle {
                objectName: "steadyBar"
                Layout.fillWidth: true
                Layout.preferredHeight: 16
                radius: 8
                color: Theme.surface
                border.color: Theme.border
                Rectangle {
                    width: parent.width * Scan.steady
                    height: parent.height
                    radius: 8
                    color: Theme.ok
                }
            }
            Text {
                objectName: "scanGuidance"
                Layout.fillWidth: true
                text: Scan.guidance
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.bodySize + 6
                font.bold: true
                color: Theme.text
            }
            HintText {
                Layout.fillWidth: true
                text: I18n.s["scanning.screen.auto_hint"]
                wrapMode: Text.WordWrap
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap

            BodyText {
                objectName: "paperName"
                Layout.fillWidth: true
                visible: text.length > 0
                text: Scan.paperName
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                elide: Text.ElideRight
                font.bold: true
            }
            HintText {
                objectName: "paperLackNote"
                Layout.fillWidth: true
                visible: Scan.canLack
                text: Scan.lackNote
                wrapMode: Text.WordWrap
                maximumLineCount: 4
                elide: Text.ElideRight
            }
            BodyText {
                text: I18n.s["scanning.screen.pages_heading"]
                font.bold: true
            }
            BodyText {
                visible: Scan.pageCount === 0
                text: I18n.s["scanning.screen.no_pages"]
                color: Theme.mutedText
            }
            ListView {
                id: pageList
                objectName: "scanPages"
                // the keypad's arrows move between the controls (Speech), not the list's rows
                keyNavigationEnabled: false
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.gap
                model: Scan.pages
                delegate: Rectangle {
                    id: entry
                    required property int pageIndex
                    required property string label
                    required property var image  // a QImage: QML has no type to name it by
                    required property bool retaking
                    width: pageList.width
                    height: 200
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: entry.retaking ? Theme.focus : Theme.border
                    border.width: entry.retaking ? 6 : 2
                    ScanPreview {
                        id: thumb
                        anchors { left: parent.left; top: parent.top; bottom: parent.bottom
                                  margins: 12 }
                        width: 130
                        background: "transparent"
                        image: entry.image
                    }
                    BodyText {
                        anchors { left: thumb.right; top: parent.top; margins: Theme.gap }
                        text: entry.label
                        font.bold: true
                    }
                    Row {
                        anchors { left: thumb.right; bottom: parent.bottom; margins: Theme.gap }
                        spacing: Theme.gap
                        KioskButton {
                            objectName: "retakePage" + entry.pageIndex
                            primary: false
                            implicitWidth: 200
                            text: I18n.s["scanning.screen.retake"]
                            onClicked: Scan.retake(entry.pageIndex)
                        }
                        KioskButton {
                            objectName: "deletePage" + entry.pageIndex
                            primary: false
                            implicitWidth: 160
                            text: I18n.s["scanning.screen.delete"]
                            onClicked: Scan.deletePage(entry.pageIndex)
                        }
                    }
                }
            }
            BusyText {
                visible: Scan.saving
                text: I18n.s["scanning.screen.saving"]
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                KioskButton {
                    objectName: "captureNow"
                    Layout.fillWidth: true
                    primary: false
                    enabledState: Scan.cameraOk && !Scan.saving
                    text: I18n.s["scanning.screen.capture_now"]
                    onClicked: Scan.captureNow()
                }
                KioskButton {
                    objectName: "scanDone"
                    Layout.fillWidth: true
                    enabledState: Scan.pageCount > 0 && !Scan.saving
                    text: I18n.s["scanning.screen.done"]
                    onClicked: Scan.finish()
                }
            }
            KioskButton {
                objectName: "lackPaper"
                Layout.fillWidth: true
                visible: Scan.canLack
                primary: false
                enabledState: !Scan.saving
                text: I18n.s["hand_in.paper.lack"]
                onClicked: Scan.lackPaper()
            }
        }
    }
}
