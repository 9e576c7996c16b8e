// Rate the service, step 2: which counter served you — or the centre as a whole, or a dossier.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["rating.subject.question"]
    step: rating.step
    stepTotal: rating.stepTotal
    onBackRequested: rating.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: theme.gap
        GridLayout {
            Layout.fillWidth: true
            columns: 4
            columnSpacing: theme.gap
            rowSpacing: theme.gap
            Repeater {
                model: rating.counters
                KioskButton {
                    required property var modelData
                    objectName: "counter_" + modelData.id
                    Layout.fillWidth: true
                    primary: false
                    text: modelData.label + "\n" + modelData.services
                    onClicked: rating.chooseCounter(modelData.id)
                }
            }
        }
        RowLayout {
            spacing: theme.gap
            KioskButton {
                objectName: "ratingWholeCentre"
                text: i18n.s["rating.subject.whole_centre"]
                onClicked: rating.chooseCounter("")
            }
            KioskButton {
                objectName: "ratingByDossier"
                primary: false
                text: i18n.s["rating.subject.by_dossier"]
                onClicked: rating.rateADossier()
            }
        }
    }
}
