// Follow a dossier, step 2 while the province is asked (the kiosk's own outbox too).
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["follow.looking.question"]
    step: FollowDossier.step
    stepTotal: FollowDossier.stepTotal
    onBackRequested: FollowDossier.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        Text {
            text: FollowDossier.code
            font.pixelSize: Theme.headingSize
            color: Theme.text
        }
        BusyText {
            objectName: "followBusy"
            text: I18n.s["common.please_wait"]
        }
    }
}
