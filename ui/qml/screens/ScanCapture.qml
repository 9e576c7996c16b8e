// Scanning a paper: the live picture with the page's outline, one plain instruction, the
// auto-capture filling up and flashing, and the pages taken so far (retake, delete).
import QtQuick
import QtQuick.Layouts
import Kiosk
import KioskScan

ScreenFrame {
    id: screen
    title: i18n.s["scanning.screen.title"]
    onBackRequested: shell.back()

    RowLayout {
        anchors.fill: parent
        spacing: theme.gap * 2

        ColumnLayout {
            Layout.fillHeight: true
            Layout.preferredWidth: parent.width * 0.58
            spacing: theme.gap

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                ScanPreview {
                    id: preview
                    objectName: "scanPreview"
                    anchors.fill: parent
                    image: scan.frame
                    outline: scan.outline
                    ok: scan.pageOk
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
                    target: scan
                    function onCaptured(number) { flashAnimation.restart() }
                }
                Rectangle {
                    visible: !scan.cameraOk
                    anchors.centerIn: parent
                    width: parent.width * 0.8
                    height: problemText.implicitHeight + 2 * theme.gap
                    radius: theme.radius
                    color: theme.dangerSurface
                    Text {
                        id: problemText
                        anchors.centerIn: parent
                        width: parent.width - 2 * theme.gap
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignHCenter
                        text: i18n.s["scanning.guidance.camera_problem"]
                        font.pixelSize: theme.bodySize
                        color: theme.danger
                    }
                }
            }
            Rectangle {
                objectName: "steadyBar"
                Layout.fillWidth: true
                Layout.preferredHeight: 16
                radius: 8
                color: theme.surface
                border.color: theme.border
                Rectangle {
                    width: parent.width * scan.steady
                    height: parent.height
                    radius: 8
                    color: theme.ok
                }
            }
            Text {
                objectName: "scanGuidance"
                Layout.fillWidth: true
                text: scan.guidance
                wrapMode: Text.WordWrap
                font.pixelSize: theme.bodySize + 6
                font.bold: true
                color: theme.text
            }
            Text {
                Layout.fillWidth: true
                text: i18n.s["scanning.screen.auto_hint"]
                wrapMode: Text.WordWrap
                font.pixelSize: theme.smallSize
                color: theme.mutedText
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: theme.gap

            Text {
                text: i18n.s["scanning.screen.pages_heading"]
                font.pixelSize: theme.bodySize
                font.bold: true
                color: theme.text
            }
            Text {
                visible: scan.pageCount === 0
                text: i18n.s["scanning.screen.no_pages"]
                font.pixelSize: theme.bodySize
                color: theme.mutedText
            }
            ListView {
                id: pageList
                objectName: "scanPages"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: theme.gap
                model: scan.pages
                delegate: Rectangle {
                    width: pageList.width
                    height: 200
                    radius: theme.radius
                    color: theme.surface
                    border.color: modelData.retaking ? theme.focus : theme.border
                    border.width: modelData.retaking ? 6 : 2
                    ScanPreview {
                        id: thumb
                        anchors { left: parent.left; top: parent.top; bottom: parent.bottom
                                  margins: 12 }
                        width: 130
                        background: "transparent"
                        image: modelData.image
                    }
                    Text {
                        anchors { left: thumb.right; top: parent.top; margins: theme.gap }
                        text: modelData.label
                        font.pixelSize: theme.bodySize
                        font.bold: true
                        color: theme.text
                    }
                    Row {
                        anchors { left: thumb.right; bottom: parent.bottom; margins: theme.gap }
                        spacing: theme.gap
                        KioskButton {
                            objectName: "retakePage" + modelData.index
                            primary: false
                            implicitWidth: 200
                            text: i18n.s["scanning.screen.retake"]
                            onClicked: scan.retake(modelData.index)
                        }
                        KioskButton {
                            objectName: "deletePage" + modelData.index
                            primary: false
                            implicitWidth: 160
                            text: i18n.s["scanning.screen.delete"]
                            onClicked: scan.deletePage(modelData.index)
                        }
                    }
                }
            }
            BusyText {
                visible: scan.saving
                text: i18n.s["scanning.screen.saving"]
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: theme.gap
                KioskButton {
                    objectName: "captureNow"
                    Layout.fillWidth: true
                    primary: false
                    enabledState: scan.cameraOk && !scan.saving
                    text: i18n.s["scanning.screen.capture_now"]
                    onClicked: scan.captureNow()
                }
                KioskButton {
                    objectName: "scanDone"
                    Layout.fillWidth: true
                    enabledState: scan.pageCount > 0 && !scan.saving
                    text: i18n.s["scanning.screen.done"]
                    onClicked: scan.finish()
                }
            }
        }
    }
}
