// Help: one how-to guide as numbered steps in plain words.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: help.guide.title || ""
    onBackRequested: help.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap
        Repeater {
            model: help.guide.steps || []
            RowLayout {
                required property var modelData
                required property int index
                Layout.fillWidth: true
                spacing: theme.gap
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    width: 64; height: 64; radius: 32
                    color: theme.primary
                    Text {
                        anchors.centerIn: parent
                        text: index + 1
                        font.pixelSize: theme.bodySize
                        font.bold: true
                        color: theme.onPrimary
                    }
                }
                Text {
                    objectName: "guideStep_" + index
                    Layout.fillWidth: true
                    text: modelData
                    wrapMode: Text.WordWrap
                    font.pixelSize: theme.bodySize
                    color: theme.text
                }
            }
        }
        KioskButton {
            objectName: "guideBack"
            text: i18n.s["help.guide_back"]
            onClicked: help.back()
        }
    }
}
