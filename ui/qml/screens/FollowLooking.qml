// Follow a dossier, step 2 while the province is asked (the kiosk's own outbox too).
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["follow.looking.question"]
    step: followDossier.step
    stepTotal: followDossier.stepTotal
    onBackRequested: followDossier.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap
        Text {
            text: followDossier.code
            font.pixelSize: theme.headingSize
            color: theme.text
        }
        BusyText {
            objectName: "followBusy"
            text: i18n.s["common.please_wait"]
        }
    }
}
