// Help: the hotline in large print, QR codes of the centre's Zalo and Facebook pages to scan with
// a phone, and the short how-to guides.
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
            Text {
                objectName: "helpHotline"
                Layout.fillWidth: true
                text: Help.hotline
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
            }
            RowLayout {
                spacing: Theme.gap * 2
                Repeater {
                    model: Help.pages
                    Column {
                        required property var modelData
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.gap / 2
                        Rectangle {  // white behind the code whatever the theme: phones need it
                            width: 300; height: 300
                            color: "white"
                            Image {
                                objectName: "helpQr_" + modelData.id
                                anchors.fill: parent
                                source: modelData.image
                                fillMode: Image.PreserveAspectFit
                                smooth: false
                                Accessible.name: modelData.label
                            }
                        }
                        Text {
                            width: 300
                            text: modelData.label
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.bodySize
                            font.bold: true
                            color: Theme.text
                        }
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                visible: Help.pages.length > 0
                text: I18n.s["help.scan_with_phone"]
                font.pixelSize: Theme.smallSize
                color: Theme.mutedText
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            spacing: Theme.gap
            Text {
                text: I18n.s["help.guides"]
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: Theme.text
            }
            Repeater {
                model: Help.guides
                KioskButton {
                    required property var modelData
                    objectName: "guide_" + modelData.id
                    Layout.fillWidth: true
                    primary: false
                    text: modelData.title
                    onClicked: Help.openGuide(modelData.id)
                }
            }
        }
    }
}
