// Help: the hotline in large print, QR codes of the centre's Zalo and Facebook pages to scan with
// a phone, and the short how-to guides.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["help.question"]
    onBackRequested: Help.back()

    RowLayout {
        anchors.fill: parent
        spacing: Theme.gap * 2

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: parent.width * 0.45
            spacing: Theme.gap
            HeadingText {
                objectName: "helpHotline"
                Layout.fillWidth: true
                text: Help.hotline
                wrapMode: Text.WordWrap
            }
            RowLayout {
                spacing: Theme.gap * 2
                Repeater {
                    model: Help.pages
                    Column {
                        id: entry
                        required property string pageId
                        required property string label
                        required property string image
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.gap / 2
                        Rectangle {  // white behind the code whatever the theme: phones need it
                            width: 300; height: 300
                            color: "white"
                            Image {
                                objectName: "helpQr_" + entry.pageId
                                anchors.fill: parent
                                source: entry.image
                                fillMode: Image.PreserveAspectFit
                                smooth: false
                                Accessible.name: entry.label
                            }
                        }
                        BodyText {
                            width: 300
                            text: entry.label
                            wrapMode: Text.WordWrap
                            font.bold: true
                        }
                    }
                }
            }
            HintText {
                Layout.fillWidth: true
                visible: Help.pages.count > 0
                text: I18n.s["help.scan_with_phone"]
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            spacing: Theme.gap
            BodyText {
                text: I18n.s["help.guides"]
                font.bold: true
            }
            Repeater {
                model: Help.guides
                KioskButton {
                    id: entry2
                    required property string guideId
                    required property string title
                    objectName: "guide_" + entry2.guideId
                    Layout.fillWidth: true
                    primary: false
                    text: entry2.title
                    onClicked: Help.openGuide(entry2.guideId)
                }
            }
        }
    }
}
