// The plain screen the launcher falls back to when the kiosk keeps crashing: no devices, no
// province, nothing to touch; the words in both languages at once.
import QtQuick

Rectangle {
    id: root
    required property string titleVi
    required property string bodyVi
    required property string titleEn
    required property string bodyEn
    required property string centreName
    color: "#ffffff"

    Column {
        anchors.centerIn: parent
        width: parent.width * 0.8
        spacing: 48

        Text {
            objectName: "out_of_service_title"
            width: parent.width
            text: root.titleVi
            font.pixelSize: 64
            font.bold: true
            color: "#0b0c0c"
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: root.bodyVi
            font.pixelSize: 40
            color: "#0b0c0c"
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
        Rectangle { width: parent.width; height: 2; color: "#b1b4b6" }
        Text {
            width: parent.width
            text: root.titleEn
            font.pixelSize: 44
            font.bold: true
            color: "#0b0c0c"
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: root.bodyEn
            font.pixelSize: 32
            color: "#0b0c0c"
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            width: parent.width
            text: root.centreName
            font.pixelSize: 30
            color: "#505a5f"
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
