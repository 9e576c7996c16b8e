// The answer to "Gọi cán bộ hỗ trợ", under the screen until the citizen closes it: calling,
// staff are coming, the request is kept until the link is back, or go to a counter.
import QtQuick
import KioskApp

Rectangle {
    id: bar
    visible: Assistance.shown
    height: Math.max(assistanceText.implicitHeight, closeAssistance.height) + 2 * Theme.gap
    radius: Theme.radius
    color: Assistance.state === "failed" ? Theme.dangerSurface : Theme.surface
    border.color: Assistance.state === "failed" ? Theme.danger
                : Assistance.state === "coming" ? Theme.ok : Theme.border
    border.width: 4
    StatusIcon {
        id: assistanceIcon
        visible: Assistance.state !== "calling"
        kind: Assistance.state === "coming" ? "ok" : "problem"
        anchors { left: parent.left; verticalCenter: parent.verticalCenter; margins: Theme.gap }
    }
    BodyText {
        id: assistanceText
        objectName: "assistanceMessage"
        anchors { left: assistanceIcon.right; right: closeAssistance.left
                  verticalCenter: parent.verticalCenter; margins: Theme.gap }
        text: Assistance.message
        wrapMode: Text.WordWrap
    }
    KioskButton {
        id: closeAssistance
        objectName: "assistanceDismiss"
        anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.gap }
        primary: false
        minimumWidth: 160
        text: I18n.s["assistance.dismiss"]
        onClicked: Assistance.dismiss()
    }
}
