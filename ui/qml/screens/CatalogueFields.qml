// Browse by field: at most eight fields a page, each with how many procedures it holds.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["catalogue.fields.question"]
    onBackRequested: catalogue.back()

    GridLayout {
        id: grid
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: pager.top
                  bottomMargin: theme.gap }
        columns: 2
        columnSpacing: theme.gap
        rowSpacing: theme.gap
        Repeater {
            model: catalogue.fieldTiles
            Tile {
                objectName: "field_" + modelData.id
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.maximumHeight: 160
                title: modelData.name
                subtitle: modelData.count
                onClicked: catalogue.chooseField(modelData.id)
            }
        }
    }

    Item {
        id: pager
        visible: catalogue.fieldPages > 1
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: visible ? theme.touchTarget : 0
        KioskButton {
            objectName: "fieldsPrevious"
            anchors.left: parent.left
            primary: false
            enabledState: catalogue.fieldPage > 0
            text: i18n.s["catalogue.fields.previous"]
            onClicked: catalogue.turnFieldPage(-1)
        }
        Text {
            anchors.centerIn: parent
            text: catalogue.fieldPageText
            font.pixelSize: theme.bodySize
            color: theme.mutedText
        }
        KioskButton {
            objectName: "fieldsNext"
            anchors.right: parent.right
            primary: false
            enabledState: catalogue.fieldPage < catalogue.fieldPages - 1
            text: i18n.s["catalogue.fields.next"]
            onClicked: catalogue.turnFieldPage(1)
        }
    }
}
