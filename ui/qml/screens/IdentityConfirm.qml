// Identity step 3: the portrait from the chip and the main details; the citizen says whether
// this is them. Where the data came from (chip with signature, QR, typed) is said plainly.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["identity.screen.confirm.question"]
    step: Identity.step
    stepTotal: Identity.stepTotal
    onBackRequested: Identity.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap * 2

            Rectangle {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 300
                Layout.preferredHeight: 400
                visible: Identity.portrait.length > 0
                color: Theme.surface
                border.color: Theme.border
                border.width: 3
                Image {
                    objectName: "identityPortrait"
                    anchors { fill: parent; margins: 6 }
                    source: Identity.portrait
                    fillMode: Image.PreserveAspectFit
                    asynchronous: false
                    Accessible.role: Accessible.Graphic
                    Accessible.name: I18n.s["identity.screen.portrait"]
                }
            }

            GridLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                columns: 2
                columnSpacing: Theme.gap
                rowSpacing: Theme.gap / 2
                Repeater {
                    model: Identity.identityRows
                    delegate: BodyText {
                        id: entry
                        required property string label
                        required property int index
                        Layout.row: entry.index
                        Layout.column: 0
                        text: entry.label
                        color: Theme.mutedText
                    }
                }
                Repeater {
                    model: Identity.identityRows
                    delegate: BodyText {
                        id: entry2
                        required property string key
                        required property string value
                        required property int index
                        objectName: "identityValue_" + entry2.key
                        readonly property bool personal: true  // read aloud only when asked
                        Layout.row: entry2.index
                        Layout.column: 1
                        Layout.fillWidth: true
                        text: entry2.value
                        wrapMode: Text.WordWrap
                        font.bold: true
                    }
                }
            }
        }

        Row {
            objectName: "identitySource"
            Layout.fillWidth: true
            spacing: Theme.gap / 2
            StatusIcon { kind: Identity.verified ? "ok" : "problem"; anchors.verticalCenter: parent.verticalCenter }
            Text {
                width: parent.width - 80
                text: Identity.sourceNote
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallSize
                color: Theme.text
            }
        }
        ErrorSummary {
            objectName: "identityMismatch"
            Layout.fillWidth: true
            message: Identity.mismatchNote
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            spacing: Theme.gap
            KioskButton {
                objectName: "identityConfirm"
                text: I18n.s["identity.screen.confirm.yes"]
                onClicked: Identity.confirm()
            }
            KioskButton {
                objectName: "identityNotMe"
                primary: false
                text: I18n.s["identity.screen.confirm.no"]
                onClicked: Identity.notMe()
            }
        }
    }
}
