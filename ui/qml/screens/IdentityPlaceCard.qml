// Identity step 2: the key is known; the citizen lays the card on the reader. Reading starts by
// itself as soon as the reader feels the card.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["identity.screen.place_card.question"]
    step: identity.step
    stepTotal: identity.stepTotal
    onBackRequested: identity.back()

    RowLayout {
        anchors.fill: parent
        spacing: theme.gap * 2

        IdentityCardPicture {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 520
            Layout.preferredHeight: 420
            onReader: true
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: theme.gap
            ErrorSummary {
                objectName: "identityProblem"
                Layout.fillWidth: true
                message: identity.problem || identity.readerNote
            }
            Text {
                Layout.fillWidth: true
                text: i18n.s["identity.screen.place_card.hint"]
                wrapMode: Text.WordWrap
                font.pixelSize: theme.bodySize
                color: theme.text
            }
            BusyText {
                objectName: "identityWaitingForCard"
                visible: identity.readerNote.length === 0
                text: i18n.s["identity.screen.place_card.waiting"]
            }
            KioskButton {
                objectName: "identityUseFallback"
                visible: identity.canUseQrData
                primary: false
                text: i18n.s["identity.screen.failed.use_qr"]
                onClicked: identity.useFallback()
            }
        }
    }
}
