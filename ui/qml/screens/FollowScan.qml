// Follow a dossier, step 1: hold the receipt's QR code under the camera; typing the code is one
// tap away.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["follow.scan.question"]
    step: FollowDossier.step
    stepTotal: FollowDossier.stepTotal
    onBackRequested: FollowDossier.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        width: parent.width
        spacing: Theme.gap
        ErrorSummary {
            objectName: "followProblem"
            Layout.fillWidth: true
            message: FollowDossier.problem
        }
        BodyText {
            Layout.fillWidth: true
            text: FollowDossier.hasCamera ? I18n.s["follow.scan.hint"] : I18n.s["follow.scan.no_camera"]
            wrapMode: Text.WordWrap
        }
        BusyText {
            objectName: "followLooking"
            visible: FollowDossier.hasCamera
            text: I18n.s["follow.scan.looking"]
        }
        KioskButton {
            objectName: "followTypeInstead"
            primary: !FollowDossier.hasCamera
            text: I18n.s["follow.scan.type_instead"]
            onClicked: FollowDossier.typeInstead()
        }
    }
}
