// Identity step 1: hold the front of the ID card (its QR code) under the camera; typing the
// ID number and birth date is one tap away.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["identity.screen.show_qr.question"]
    step: identity.step
    stepTotal: identity.stepTotal
    onBackRequested: identity.back()

    RowLayout {
        anchors.fill: parent
        spacing: theme.gap * 2

        IdentityCardPicture {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 520
            Layout.preferredHeight: 330
            highlightQr: true
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: theme.gap
            ErrorSummary {
                objectName: "identityProblem"
                Layout.fillWidth: true
                message: identity.problem
            }
            Text {
                Layout.fillWidth: true
                text: identity.hasCamera ? i18n.s["identity.screen.show_qr.hint"]
                                         : i18n.s["identity.screen.no_camera"]
                wrapMode: Text.WordWrap
                font.pixelSize: theme.bodySize
                color: theme.text
            }
            BusyText {
                objectName: "identityLooking"
                visible: identity.hasCamera
                text: i18n.s["identity.screen.show_qr.looking"]
            }
            KioskButton {
                objectName: "identityTypeInstead"
                primary: !identity.hasCamera
                text: i18n.s["identity.screen.type_instead"]
                onClicked: identity.typeInstead()
            }
        }
    }
}
