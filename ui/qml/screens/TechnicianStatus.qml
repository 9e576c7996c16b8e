// Technician mode, the status: every device's health, a test print, where the files are.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["technician.status_title"]
    showBack: false

    ColumnLayout {
        anchors.fill: parent
        spacing: theme.gap
        BusyText {
            visible: technician.busy
            text: i18n.s["technician.checking"]
        }
        Repeater {
            model: technician.devices
            Rectangle {
                objectName: "device_" + index
                Layout.fillWidth: true
                implicitHeight: row.implicitHeight + theme.gap
                color: theme.surface
                border.color: modelData.ok ? theme.border : theme.danger
                border.width: modelData.ok ? 2 : 4
                radius: theme.radius
                RowLayout {
                    id: row
                    anchors { fill: parent; margins: theme.gap / 2 }
                    spacing: theme.gap
                    StatusIcon { kind: modelData.ok ? "ok" : "problem" }
                    Text {
                        Layout.preferredWidth: 420
                        text: modelData.name
                        font.pixelSize: theme.bodySize
                        font.bold: true
                        color: theme.text
                    }
                    Text {
                        Layout.preferredWidth: 240
                        text: modelData.state
                        font.pixelSize: theme.bodySize
                        color: modelData.ok ? theme.ok : theme.danger
                    }
                    Text {
                        Layout.fillWidth: true
                        text: modelData.detail
                        wrapMode: Text.WordWrap
                        font.pixelSize: theme.smallSize
                        color: theme.mutedText
                    }
                }
            }
        }
        Text {
            objectName: "technicianNotice"
            visible: technician.notice.length > 0
            text: technician.notice
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        Repeater {
            model: technician.selfTest
            RowLayout {
                Layout.fillWidth: true
                spacing: theme.gap / 2
                StatusIcon { visible: modelData.ok !== null; kind: modelData.ok ? "ok" : "problem" }
                Text {
                    Layout.fillWidth: true
                    text: modelData.text
                    wrapMode: Text.WrapAnywhere
                    font.pixelSize: theme.smallSize
                    color: theme.text
                }
            }
        }
        Repeater {
            model: technician.facts
            Text {
                Layout.fillWidth: true
                text: modelData
                wrapMode: Text.WrapAnywhere
                font.pixelSize: theme.smallSize
                color: theme.mutedText
            }
        }
        Item { Layout.fillHeight: true }
        RowLayout {
            spacing: theme.gap
            KioskButton {
                objectName: "recheckButton"
                primary: false
                text: i18n.s["technician.recheck"]
                onClicked: technician.recheck()
            }
            KioskButton {
                objectName: "testPrintButton"
                primary: false
                text: i18n.s["technician.test_print"]
                onClicked: technician.testPrint()
            }
            KioskButton {
                objectName: "selfTestCardReader"
                primary: false
                text: i18n.s["technician.selftest.run_card_reader"]
                onClicked: technician.runSelfTest("card_reader")
            }
            KioskButton {
                objectName: "selfTestCamera"
                primary: false
                text: i18n.s["technician.selftest.run_camera"]
                onClicked: technician.runSelfTest("camera")
            }
            KioskButton {
                objectName: "leaveTechnician"
                text: i18n.s["technician.exit"]
                onClicked: technician.leave()
            }
        }
    }
}
