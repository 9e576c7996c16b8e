// Browse by field: at most eight fields a page, each with how many procedures it holds.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["catalogue.fields.question"]
    onBackRequested: Catalogue.back()

    GridLayout {
        id: grid
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: pager.top
                  bottomMargin: Theme.gap }
        columns: 2
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap
        Repeater {
            model: Catalogue.fieldTiles
            Tile {
                id: entry
                required property string fieldId
                required property string name
                required property string countText
                objectName: "field_" + entry.fieldId
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 160
                title: entry.name
                subtitle: entry.countText
                onClicked: Catalogue.chooseField(entry.fieldId)
            }
        }
    }

    Item {
        id: pager
        visible: Catalogue.fieldPages > 1
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: visible ? Theme.touchTarget : 0
        KioskButton {
            objectName: "fieldsPrevious"
            anchors.left: parent.left
            primary: false
            enabledState: Catalogue.fieldPage > 0
            text: I18n.s["catalogue.fields.previous"]
            onClicked: Catalogue.turnFieldPage(-1)
        }
        BodyText {
            anchors.centerIn: parent
            text: Catalogue.fieldPageText
            color: Theme.mutedText
        }
        KioskButton {
            objectName: "fieldsNext"
            anchors.right: parent.right
            primary: false
            enabledState: Catalogue.fieldPage < Catalogue.fieldPages - 1
            text: I18n.s["catalogue.fields.next"]
            onClicked: Catalogue.turnFieldPage(1)
        }
    }
}
