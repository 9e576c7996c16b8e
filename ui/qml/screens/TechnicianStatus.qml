// Technician mode, the status: every device's health, a test print, the outbox's "send now" and
// "resend refused items", where the files are.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    showCallStaff: false  // the technician is the staff
    title: I18n.s["technician.status_title"]
    showBack: false

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        // the facts scroll; the buttons below stay on the screen whatever the text size
        Flickable {
            objectName: "technicianFacts"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: facts.implicitHeight
            clip: true
            ColumnLayout {
                id: facts
                width: parent.width
                spacing: Theme.gap
                BusyText {
                    visible: Technician.busy
                    text: I18n.s["technician.checking"]
                }
                Repeater {
                    model: Technician.devices
                    Rectangle {
                        id: entry
                        required property int index
                        required property string name
                        required property bool ok
                        required property string stateText
                        required property string detail
                        objectName: "device_" + entry.index
                        Layout.fillWidth: true
                        implicitHeight: row.implicitHeight + Theme.gap
                        color: Theme.surface
                        border.color: entry.ok ? Theme.border : Theme.danger
                        border.width: entry.ok ? 2 : 4
                        radius: Theme.radius
                        RowLayout {
                            id: row
                            anchors { fill: parent; margins: Theme.gap / 2 }
                            spacing: Theme.gap
                            StatusIcon { kind: entry.ok ? "ok" : "problem" }
                            BodyText {
                                Layout.minimumWidth: 420
                                text: entry.name
                                font.bold: true
                            }
                            BodyText {
                                text: entry.stateText
                                color: entry.ok ? Theme.ok : Theme.danger
                            }
                            HintText {
                                Layout.fillWidth: true
                                text: entry.detail
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }
                BodyText {
                    objectName: "technicianNotice"
                    visible: Technician.notice.length > 0
                    text: Technician.notice
                }
                Repeater {
                    model: Technician.selfTest
                    RowLayout {
                        id: entry2
                        required property bool judged
                        required property bool ok
                        required property string text
                        Layout.fillWidth: true
                        spacing: Theme.gap / 2
                        StatusIcon { visible: entry2.judged; kind: entry2.ok ? "ok" : "problem" }
                        Text {
                            Layout.fillWidth: true
                            text: entry2.text
                            wrapMode: Text.WrapAnywhere
                            font.pixelSize: Theme.smallSize
                            color: Theme.text
                        }
                    }
                }
                Repeater {
                    model: Technician.facts
                    HintText {
                        id: entry3
                        required property string modelData
                        Layout.fillWidth: true
                        text: entry3.modelData
                        wrapMode: Text.WrapAnywhere
                    }
                }
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.gap
            KioskButton {
                objectName: "sendNowButton"
                primary: false
                text: I18n.s["technician.outbox.send_now"]
                onClicked: Technician.sendNow()
            }
            KioskButton {
                objectName: "requeueButton"
                primary: false
                text: I18n.s["technician.outbox.requeue"]
                onClicked: Technician.requeueRefused()
            }
            KioskButton {
                objectName: "recheckButton"
                primary: false
                text: I18n.s["technician.recheck"]
                onClicked: Technician.recheck()
            }
            KioskButton {
                objectName: "testPrintButton"
                primary: false
                text: I18n.s["technician.test_print"]
                onClicked: Technician.testPrint()
            }
            KioskButton {
                objectName: "selfTestCardReader"
                primary: false
                text: I18n.s["technician.selftest.run_card_reader"]
                onClicked: Technician.runSelfTest("card_reader")
            }
            KioskButton {
                objectName: "selfTestCamera"
                primary: false
                text: I18n.s["technician.selftest.run_camera"]
                onClicked: Technician.runSelfTest("camera")
            }
            KioskButton {
                objectName: "openSpeechSettings"
                primary: false
                text: I18n.s["technician.speech.open"]
                onClicked: Technician.openSpeech()
            }
            KioskButton {
                objectName: "leaveTechnician"
                text: I18n.s["technician.exit"]
                onClicked: Technician.leave()
            }
        }
    }
}
