// Hand in a dossier, step 1: which procedure. Only procedures the kiosk has an e-form for, and
// whose record allows an electronic hand-in, are offered.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["hand_in.procedure.question"]
    step: HandIn.step
    stepTotal: HandIn.stepTotal
    onBackRequested: HandIn.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        BodyText {
            Layout.fillWidth: true
            text: HandIn.procedures.count > 0 ? I18n.s["hand_in.procedure.hint"]
                                               : I18n.s["hand_in.procedure.none"]
            wrapMode: Text.WordWrap
        }
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: 2
            columnSpacing: Theme.gap
            rowSpacing: Theme.gap
            Repeater {
                model: HandIn.procedures
                Tile {
                    id: entry
                    required property string code
                    required property string name
                    required property string hint
                    objectName: "procedure_" + entry.code
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.maximumHeight: 200
                    title: entry.name
                    subtitle: entry.hint
                    onClicked: HandIn.chooseProcedure(entry.code)
                }
            }
        }
    }
}
