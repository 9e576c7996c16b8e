// The procedures of one field, or the finder's suggestions with why each applies.
import QtQuick
import KioskApp
import Kiosk

ScreenFrame {
    title: Catalogue.listTitle
    onBackRequested: Catalogue.back()

    CatalogueProcedureList {
        anchors.fill: parent
        items: Catalogue.listItems
        emptyText: I18n.s["catalogue.list.empty"]
        onChosen: (code) => Catalogue.openProcedure(code)
    }
}
