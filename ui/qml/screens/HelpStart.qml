// Help: the hotline in large print, QR codes of the centre's Zalo and Facebook pages to scan with
// a phone, and the short how-to guides.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["help.question"]
    onBackRequested: help.back()

    RowLayout {
        anchors.fill: parent
        spacing: theme.gap * 2

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: parent.width * 0.45
            spacing: theme.gap
            Text {
                objectName: "helpHotline"
                Layout.fillWidth: true
                text: help.hotline
                wrapMode: Text.WordWrap
                font.pixelSize: theme.headingSize
                font.bold: true
                color: theme.text
            }
            RowLayout {
                spacing: theme.gap * 2
                Repeater {
                    model: help.pages
                    Column {
                        required property var modelData
                        Layout.alignment: Qt.AlignTop
                        spacing: theme.gap / 2
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
                            font.pixelSize: theme.bodySize
                            font.bold: true
                            color: theme.text
                        }
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                visible: help.pages.length > 0
                text: i18n.s["help.scan_with_phone"]
                font.pixelSize: theme.smallSize
                color: theme.mutedText
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            spacing: theme.gap
            Text {
                text: i18n.s["help.guides"]
                font.pixelSize: theme.bodySize
                font.bold: true
                color: theme.text
            }
            Repeater {
                model: help.guides
                KioskButton {
                    required property var modelData
                    objectName: "guide_" + modelData.id
                    Layout.fillWidth: true
                    primary: false
                    text: modelData.title
                    onClicked: help.openGuide(modelData.id)
                }
            }
        }
    }
}
