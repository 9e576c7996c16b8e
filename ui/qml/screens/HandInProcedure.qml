// Hand in a dossier, step 1: which procedure. Only procedures the kiosk has an e-form for, and
// whose record allows an electronic hand-in, are offered.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["hand_in.procedure.question"]
    step: handIn.step
    stepTotal: handIn.stepTotal
    onBackRequested: handIn.back()

    ColumnLayout {
        anchors.fill: parent
        spacing: theme.gap
        Text {
            Layout.fillWidth: true
            text: handIn.procedures.length > 0 ? i18n.s["hand_in.procedure.hint"]
                                               : i18n.s["hand_in.procedure.none"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: theme.text
        }
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: 2
            columnSpacing: theme.gap
            rowSpacing: theme.gap
            Repeater {
                model: handIn.procedures
                Tile {
                    objectName: "procedure_" + modelData.code
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.maximumHeight: 200
                    title: modelData.name
                    subtitle: modelData.hint
                    onClicked: handIn.chooseProcedure(modelData.code)
                }
            }
        }
    }
}
