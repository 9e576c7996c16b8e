// Identity step 1: hold the front of the ID card (its QR code) under the camera; typing the
// ID number and birth date is one tap away.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["identity.screen.show_qr.question"]
    step: Identity.step
    stepTotal: Identity.stepTotal
    onBackRequested: Identity.back()

    RowLayout {
        anchors.fill: parent
        spacing: Theme.gap * 2

        IdentityCardPicture {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 520
            Layout.preferredHeight: 330
            highlightQr: true
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.gap
            ErrorSummary {
                objectName: "identityProblem"
                Layout.fillWidth: true
                message: Identity.problem
            }
            BodyText {
                Layout.fillWidth: true
                text: Identity.hasCamera ? I18n.s["identity.screen.show_qr.hint"]
                                         : I18n.s["identity.screen.no_camera"]
                wrapMode: Text.WordWrap
            }
            BusyText {
                objectName: "identityLooking"
                visible: Identity.hasCamera
                text: I18n.s["identity.screen.show_qr.looking"]
            }
            KioskButton {
                objectName: "identityTypeInstead"
                primary: !Identity.hasCamera
                text: I18n.s["identity.screen.type_instead"]
                onClicked: Identity.typeInstead()
            }
        }
    }
}
