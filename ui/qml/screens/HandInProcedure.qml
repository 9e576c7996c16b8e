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
        // ten procedures in English and large text need more than the window: the list scrolls
        // and each tile keeps its words whole at their full size
        Flickable {
            id: list
            objectName: "procedureList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: grid.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            GridLayout {
                id: grid
                width: list.width
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
                        grows: true
                        Layout.fillWidth: true
                        Layout.fillHeight: true  // as tall as the tallest of its row
                        Layout.preferredHeight: Math.max(implicitHeight, Theme.touchTarget * 1.6)
                        title: entry.name
                        subtitle: entry.hint
                        onClicked: HandIn.chooseProcedure(entry.code)
                        // the keypad's focus brings a tile below the fold into view
                        onActiveFocusChanged: if (activeFocus) {
                            if (entry.y < list.contentY) list.contentY = entry.y
                            else if (entry.y + entry.height > list.contentY + list.height)
                                list.contentY = entry.y + entry.height - list.height
                        }
                    }
                }
            }
        }
    }
}
