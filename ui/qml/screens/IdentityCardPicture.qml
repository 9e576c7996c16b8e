// A drawing of the ID card's front showing where its QR code is (top right), or the card lying
// on the reader. Shapes and words, no photograph of a real card.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import Kiosk

Item {
    id: picture
    property bool highlightQr: false
    property bool onReader: false
    Accessible.role: Accessible.Graphic
    Accessible.name: I18n.s["identity.screen.picture"]

    Rectangle {  // the reader, under the card
        visible: picture.onReader
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom }
        width: parent.width
        height: parent.height * 0.35
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: 3
        HintText {
            anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter; bottomMargin: 8 }
            text: I18n.s["identity.screen.reader"]
        }
    }

    Rectangle {  // the card, 85.6 × 54 mm
        id: card
        width: parent.width * (picture.onReader ? 0.8 : 1.0)
        height: width * 54 / 85.6
        anchors.horizontalCenter: parent.horizontalCenter
        y: picture.onReader ? parent.height * 0.08 : 0
        radius: 18
        color: "#F3EAD0"
        border.color: "#5A4A1E"
        border.width: 3

        Rectangle {  // portrait area
            x: card.width * 0.06; y: card.height * 0.30
            width: card.width * 0.22; height: card.height * 0.45
            color: "#D8CFB4"; border.color: "#8A7A4E"; border.width: 2
        }
        Column {
            x: card.width * 0.32; y: card.height * 0.32
            spacing: card.height * 0.05
            Repeater {
                model: 4
                Rectangle { width: card.width * 0.40; height: card.height * 0.05; color: "#B5A77A" }
            }
        }
        Rectangle {  // the QR code, top right
            id: qr
            x: card.width * 0.74; y: card.height * 0.08
            width: card.width * 0.20; height: width
            color: "white"
            border.color: picture.highlightQr ? Theme.primary : "#333333"
            border.width: picture.highlightQr ? 8 : 2
            Grid {
                anchors.centerIn: parent
                columns: 5
                spacing: 2
                Repeater {
                    model: 25
                    Rectangle {
                        id: entry
                        required property int index
                        width: qr.width / 7; height: width
                        color: [0, 1, 2, 5, 7, 10, 12, 14, 16, 18, 20, 21, 22, 24].indexOf(entry.index) >= 0
                               ? "#111111" : "white"
                    }
                }
            }
        }
        Text {
            visible: picture.highlightQr
            anchors { top: qr.bottom; horizontalCenter: qr.horizontalCenter; topMargin: 6 }
            text: I18n.s["identity.screen.qr_label"]
            font.pixelSize: Theme.smallSize
            font.bold: true
            color: "#111111"  // on the card's own cream whatever the theme (white was lost in contrast)
        }
    }
}
