// Technician mode, speech settings: the voices (and a sample to hear them), speed, volume,
// whether every visit starts speaking, how numbers are read and the short sounds. Each press
// applies at once and is saved; the settings scroll in large text, the notice stays in view.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["technician.speech.title"]
    onBackRequested: Technician.closeSpeech()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: settings.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: settings
                width: parent.width
                spacing: Theme.gap
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    KioskButton {
                        objectName: "speechVoiceVi"
                        primary: false
                        enabledState: Technician.speechVoicesFound
                        text: Technician.speechVoiceVi
                        onClicked: Technician.nextVoice("vi")
                    }
                    KioskButton {
                        objectName: "speechVoiceEn"
                        primary: false
                        enabledState: Technician.speechVoicesFound
                        text: Technician.speechVoiceEn
                        onClicked: Technician.nextVoice("en")
                    }
                    KioskButton {
                        objectName: "speechTry"
                        text: I18n.s["technician.speech.try"]
                        onClicked: Technician.tryVoice()
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    BodyText {
                        objectName: "speechRate"
                        Layout.fillWidth: true
                        text: Technician.speechRate
                        wrapMode: Text.WordWrap
                    }
                    KioskButton {
                        objectName: "speechSlower"
                        primary: false
                        text: I18n.s["technician.speech.slower"]
                        onClicked: Technician.changeSpeech("slower")
                    }
                    KioskButton {
                        objectName: "speechFaster"
                        primary: false
                        text: I18n.s["technician.speech.faster"]
                        onClicked: Technician.changeSpeech("faster")
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    BodyText {
                        objectName: "speechVolume"
                        Layout.fillWidth: true
                        text: Technician.speechVolume
                        wrapMode: Text.WordWrap
                    }
                    KioskButton {
                        objectName: "speechSofter"
                        primary: false
                        text: I18n.s["technician.speech.softer"]
                        onClicked: Technician.changeSpeech("softer")
                    }
                    KioskButton {
                        objectName: "speechLouder"
                        primary: false
                        text: I18n.s["technician.speech.louder"]
                        onClicked: Technician.changeSpeech("louder")
                    }
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    KioskButton {
                        objectName: "speechOnByDefault"
                        primary: false
                        text: Technician.speechOnByDefault
                        onClicked: Technician.changeSpeech("on_by_default")
                    }
                    KioskButton {
                        objectName: "speechNumbers"
                        primary: false
                        text: Technician.speechNumbers
                        onClicked: Technician.changeSpeech("numbers")
                    }
                    KioskButton {
                        objectName: "speechSounds"
                        primary: false
                        text: Technician.speechSounds
                        onClicked: Technician.changeSpeech("sounds")
                    }
                }
            }
        }
        BodyText {
            objectName: "technicianNotice"
            Layout.fillWidth: true
            visible: Technician.notice.length > 0
            text: Technician.notice
            wrapMode: Text.WrapAnywhere
        }
    }
}
