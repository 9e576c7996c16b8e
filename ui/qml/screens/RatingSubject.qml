// Rate the service, step 2: which counter served you — or the centre as a whole, or a dossier.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["rating.subject.question"]
    step: Rating.step
    stepTotal: Rating.stepTotal
    onBackRequested: Rating.back()

    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        GridLayout {
            Layout.fillWidth: true
            columns: 4
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            Repeater {
                model: Rating.counters
                KioskButton {
                    id: entry
                    required property string counter
                    required property string label
                    required property string services
                    objectName: "counter_" + entry.counter
                    Layout.fillWidth: true
                    primary: false
                    text: entry.label + "\n" + entry.services
                    onClicked: Rating.chooseCounter(entry.counter)
                }
            }
        }
        RowLayout {
            spacing: Theme.gap
            KioskButton {
                objectName: "ratingWholeCentre"
                text: I18n.s["rating.subject.whole_centre"]
                onClicked: Rating.chooseCounter("")
            }
            KioskButton {
                objectName: "ratingByDossier"
                primary: false
                text: I18n.s["rating.subject.by_dossier"]
                onClicked: Rating.rateADossier()
            }
        }
    }
}
