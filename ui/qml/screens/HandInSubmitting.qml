// Hand in a dossier while it is stored and the receipt prints.
import QtQuick
import Kiosk

ScreenFrame {
    title: i18n.s["hand_in.submitting.title"]
    step: handIn.step
    stepTotal: handIn.stepTotal
    showBack: false
    BusyText {
        objectName: "submittingBusy"
        anchors.centerIn: parent
        text: i18n.s["hand_in.submitting.title"]
    }
}
