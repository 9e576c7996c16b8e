// Follow a dossier, step 1: hold the receipt's QR code under the camera; typing the code is one
// tap away.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["follow.scan.question"]
    step: followDossier.step
    stepTotal: followDossier.stepTotal
    onBackRequested: followDossier.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        width: parent.width
        spacing: theme.gap
        ErrorSummary {
            objectName: "followProblem"
            Layout.fillWidth: true
            message: followDossier.problem
        }
        Text {
            Layout.fillWidth: true
            text: followDossier.hasCamera ? i18n.s["follow.scan.hint"] : i18n.s["follow.scan.no_camera"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        BusyText {
            objectName: "followLooking"
            visible: followDossier.hasCamera
            text: i18n.s["follow.scan.looking"]
        }
        KioskButton {
            objectName: "followTypeInstead"
            primary: !followDossier.hasCamera
            text: i18n.s["follow.scan.type_instead"]
            onClicked: followDossier.typeInstead()
        }
    }
}
