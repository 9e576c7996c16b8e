// Identity step 3: the portrait from the chip and the main details; the citizen says whether
// this is them. Where the data came from (chip with signature, QR, typed) is said plainly.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["identity.screen.confirm.question"]
    step: identity.step
    stepTotal: identity.stepTotal
    onBackRequested: identity.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: theme.gap * 2

            Rectangle {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 300
                Layout.preferredHeight: 400
                visible: identity.portrait.length > 0
                color: theme.surface
                border.color: theme.border
                border.width: 3
                Image {
                    objectName: "identityPortrait"
                    anchors { fill: parent; margins: 6 }
                    source: identity.portrait
                    fillMode: Image.PreserveAspectFit
                    asynchronous: false
                    Accessible.role: Accessible.Graphic
                    Accessible.name: i18n.s["identity.screen.portrait"]
                }
            }

            GridLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                columns: 2
                columnSpacing: theme.gap
                rowSpacing: theme.gap / 2
                Repeater {
                    model: identity.identityRows
                    delegate: Text {
                        required property var modelData
                        required property int index
                        Layout.row: index
                        Layout.column: 0
                        text: modelData.label
                        font.pixelSize: theme.bodySize
                        color: theme.mutedText
                    }
                }
                Repeater {
                    model: identity.identityRows
                    delegate: Text {
                        required property var modelData
                        required property int index
                        objectName: "identityValue_" + modelData.key
                        Layout.row: index
                        Layout.column: 1
                        Layout.fillWidth: true
                        text: modelData.value
                        wrapMode: Text.WordWrap
                        font.pixelSize: theme.bodySize
                        font.bold: true
                        color: theme.text
                    }
                }
            }
        }

        Row {
            objectName: "identitySource"
            Layout.fillWidth: true
            spacing: theme.gap / 2
            StatusIcon { kind: identity.verified ? "ok" : "problem"; anchors.verticalCenter: parent.verticalCenter }
            Text {
                width: parent.width - 80
                text: identity.sourceNote
                wrapMode: Text.WordWrap
                font.pixelSize: theme.smallSize
                color: theme.text
            }
        }
        ErrorSummary {
            objectName: "identityMismatch"
            Layout.fillWidth: true
            message: identity.mismatchNote
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            spacing: theme.gap
            KioskButton {
                objectName: "identityConfirm"
                text: i18n.s["identity.screen.confirm.yes"]
                onClicked: identity.confirm()
            }
            KioskButton {
                objectName: "identityNotMe"
                primary: false
                text: i18n.s["identity.screen.confirm.no"]
                onClicked: identity.notMe()
            }
        }
    }
}
