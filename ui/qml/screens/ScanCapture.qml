// Scanning a paper: the live picture with the page's outline, one plain instruction, the
// auto-capture filling up and flashing, and the pages taken so far (retake, delete).
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    id: screen
    // for a journey's paper: the paper's name, and "I don't have this paper" where the law allows
    title: Scan.paperName ? I18n.s["hand_in.paper.question"] : I18n.s["scanning.screen.title"]
    step: Scan.step
    stepTotal: Scan.stepTotal
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
            // under the camera, not under the pages: the paper's name and what lacking it means
            // take the right column's height in large text
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

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // a share of the screen: the paper's long name (its implicit width) would squeeze
            // the camera's column
            Layout.preferredWidth: screen.width * 0.42
            spacing: Theme.gap

            Flickable {  // the paper's name and what lacking it means: whole, scrolling if long
                id: aboutPaper
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(about.implicitHeight, screen.height * 0.3)
                visible: Scan.paperName.length > 0 || Scan.canLack
                clip: true
                contentHeight: about.implicitHeight
                boundsBehavior: Flickable.StopAtBounds
                Column {
                    id: about
                    width: aboutPaper.width
                    spacing: Theme.gap
                    BodyText {
                        objectName: "paperName"
                        width: parent.width
                        visible: text.length > 0
                        text: Scan.paperName
                        wrapMode: Text.WordWrap
                        font.bold: true
                    }
                    HintText {
                        objectName: "paperLackNote"
                        width: parent.width
                        visible: Scan.canLack
                        text: Scan.lackNote
                        wrapMode: Text.WordWrap
                    }
                }
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
                    // the page's name above its buttons, however large the text
                    height: Math.max(200, pageName.implicitHeight + pageButtons.height + 3 * Theme.gap)
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: entry.retaking ? Theme.focus : Theme.border
                    border.width: entry.retaking ? 6 : 2
                    ScanPreview {
                        id: thumb
                        objectName: "pageThumb" + entry.pageIndex
                        anchors { left: parent.left; top: parent.top; bottom: parent.bottom
                                  margins: 12 }
                        width: 130
                        background: "transparent"
                        image: entry.image
                    }
                    BodyText {
                        id: pageName
                        anchors { left: thumb.right; top: parent.top; margins: Theme.gap }
                        text: entry.label
                        font.bold: true
                    }
                    Row {
                        id: pageButtons
                        anchors { left: thumb.right; bottom: parent.bottom; margins: Theme.gap }
                        spacing: Theme.gap
                        KioskButton {
                            objectName: "retakePage" + entry.pageIndex
                            primary: false
                            minimumWidth: 200  // wider when large text needs it
                            text: I18n.s["scanning.screen.retake"]
                            onClicked: Scan.retake(entry.pageIndex)
                        }
                        KioskButton {
                            objectName: "deletePage" + entry.pageIndex
                            primary: false
                            minimumWidth: 160
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
        }
    }
}
