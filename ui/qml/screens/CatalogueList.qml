// The procedures of one field, or the finder's suggestions with why each applies.
import QtQuick
import Kiosk

ScreenFrame {
    title: catalogue.listTitle
    onBackRequested: catalogue.back()

    CatalogueProcedureList {
        anchors.fill: parent
        items: catalogue.listItems
        emptyText: i18n.s["catalogue.list.empty"]
        onChosen: (code) => catalogue.openProcedure(code)
    }
}
