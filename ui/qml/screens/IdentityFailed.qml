// Identity step 2, when the chip could not give an identity: what happened and the ways on —
// try again, go on with what is printed on the card (its QR), or type the details.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["identity.screen.failed.question"]
    step: Identity.step
    stepTotal: Identity.stepTotal
    onBackRequested: Identity.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        ErrorSummary {
            objectName: "identityProblem"
            Layout.fillWidth: true
            message: Identity.problem
        }
        KioskButton {
            objectName: "identityRetry"
            text: I18n.s["common.retry"]
            onClicked: Identity.retry()
        }
        KioskButton {
            objectName: "identityUseFallback"
            visible: Identity.canUseQrData
            primary: false
            text: I18n.s["identity.screen.failed.use_qr"]
            onClicked: Identity.useFallback()
        }
        KioskButton {
            objectName: "identityTypeInstead"
            primary: false
            text: I18n.s["identity.screen.type_instead"]
            onClicked: Identity.typeInstead()
        }
        BodyText {
            Layout.fillWidth: true
            text: I18n.s["common.call_staff"]
            wrapMode: Text.WordWrap
        }
    }
}
