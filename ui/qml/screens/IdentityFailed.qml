// Identity step 2, when the chip could not give an identity: what happened and the ways on —
// try again, go on with what is printed on the card (its QR), or type the details.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["identity.screen.failed.question"]
    step: identity.step
    stepTotal: identity.stepTotal
    onBackRequested: identity.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap
        ErrorSummary {
            objectName: "identityProblem"
            Layout.fillWidth: true
            message: identity.problem
        }
        KioskButton {
            objectName: "identityRetry"
            text: i18n.s["common.retry"]
            onClicked: identity.retry()
        }
        KioskButton {
            objectName: "identityUseFallback"
            visible: identity.canUseQrData
            primary: false
            text: i18n.s["identity.screen.failed.use_qr"]
            onClicked: identity.useFallback()
        }
        KioskButton {
            objectName: "identityTypeInstead"
            primary: false
            text: i18n.s["identity.screen.type_instead"]
            onClicked: identity.typeInstead()
        }
        Text {
            Layout.fillWidth: true
            text: i18n.s["common.call_staff"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
    }
}
