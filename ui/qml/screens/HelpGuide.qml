// Help: one how-to guide as numbered steps in plain words.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: Help.guideTitle
    onBackRequested: Help.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        Repeater {
            model: Help.guideSteps
            RowLayout {
                id: guideStep
                required property string modelData
                required property int index
                Layout.fillWidth: true
                spacing: Theme.gap
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    implicitWidth: 64; implicitHeight: 64; radius: 32
                    color: Theme.primary
                    BodyText {
                        anchors.centerIn: parent
                        text: guideStep.index + 1
                        font.bold: true
                        color: Theme.onPrimary
                    }
                }
                BodyText {
                    objectName: "guideStep_" + guideStep.index
                    Layout.fillWidth: true
                    text: guideStep.modelData
                    wrapMode: Text.WordWrap
                }
            }
        }
        KioskButton {
            objectName: "guideBack"
            text: I18n.s["help.guide_back"]
            onClicked: Help.back()
        }
    }
}
