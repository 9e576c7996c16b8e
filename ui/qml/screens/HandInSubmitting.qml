// Hand in a dossier while it is stored and the receipt prints.
import QtQuick
import KioskApp
import Kiosk

ScreenFrame {
    title: I18n.s["hand_in.submitting.title"]
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    showBack: false
    BusyText {
        objectName: "submittingBusy"
        anchors.centerIn: parent
        text: I18n.s["hand_in.submitting.title"]
    }
}
