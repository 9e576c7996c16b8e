// Identity step 2: the key is known; the citizen lays the card on the reader. Reading starts by
// itself as soon as the reader feels the card.
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["identity.screen.place_card.question"]
    step: Identity.step
    stepTotal: Identity.stepTotal
    onBackRequested: Identity.back()

    RowLayout {
        anchors.fill: parent
        spacing: Theme.gap * 2

        IdentityCardPicture {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 520
            Layout.preferredHeight: 420
            onReader: true
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.gap
            ErrorSummary {
                objectName: "identityProblem"
                Layout.fillWidth: true
                message: Identity.problem || Identity.readerNote
            }
            BodyText {
                Layout.fillWidth: true
                text: I18n.s["identity.screen.place_card.hint"]
                wrapMode: Text.WordWrap
            }
            BusyText {
                objectName: "identityWaitingForCard"
                visible: Identity.readerNote.length === 0
                text: I18n.s["identity.screen.place_card.waiting"]
            }
            KioskButton {
                objectName: "identityUseFallback"
                visible: Identity.canUseQrData
                primary: false
                text: I18n.s["identity.screen.failed.use_qr"]
                onClicked: Identity.useFallback()
            }
        }
    }
}
