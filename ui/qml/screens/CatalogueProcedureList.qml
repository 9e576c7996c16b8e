// A scrolling list of procedures, each a large button: name, time and fee, and (from the
// finder) why it applies. Up/Down buttons for those who do not swipe.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import Kiosk

Item {
    id: list
    property QtObject items  // a model of ProcedureRow
    property string emptyText: ""
    property string namePrefix: "procedure_"
    signal chosen(string code)

    // The keypad walks the rows in the list's order: the focus chain follows the order rows
    // were made in, which scrolling shuffles. Past either end it leaves the list.
    function stepFrom(index: int, forward: bool): void {
        const next = forward ? index + 1 : index - 1
        if (next >= 0 && next < view.count) {
            view.positionViewAtIndex(next, ListView.Contain)
            view.itemAtIndex(next).forceActiveFocus()
        } else {
            const outside = forward ? scroller.nextItemInFocusChain(true) : view.nextItemInFocusChain(false)
            if (outside) outside.forceActiveFocus()
        }
    }

    ListView {
        id: view
        objectName: list.namePrefix + "list"
        anchors { left: parent.left; right: scroller.left; top: parent.top; bottom: parent.bottom
                  rightMargin: Theme.gap }
        clip: true
        spacing: Theme.gap / 2
        model: list.items
        boundsBehavior: Flickable.StopAtBounds
        delegate: Rectangle {
            id: entry
            required property string code
            required property string name
            required property string summary
            required property string why
            required property int index
            objectName: list.namePrefix + entry.code
            width: view.width
            height: Math.max(Theme.touchTarget, column.implicitHeight + 2 * Theme.gap)
            radius: Theme.radius
            color: area.pressed ? Theme.pressed : Theme.surface
            border.color: Theme.border
            border.width: 2
            Accessible.role: Accessible.Button
            Accessible.name: entry.name
            readonly property string spokenText: entry.why.length > 0
                ? entry.name + ". " + entry.why : entry.name
            activeFocusOnTab: true
            Keys.onReturnPressed: list.chosen(entry.code)
            Keys.onEnterPressed: list.chosen(entry.code)
            onActiveFocusChanged: if (activeFocus) view.positionViewAtIndex(entry.index, ListView.Contain)
            Keys.onDownPressed: list.stepFrom(entry.index, true)
            Keys.onRightPressed: list.stepFrom(entry.index, true)
            Keys.onUpPressed: list.stepFrom(entry.index, false)
            Keys.onLeftPressed: list.stepFrom(entry.index, false)
            FocusFrame { target: entry }
            Column {
                id: column
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                          margins: Theme.gap }
                spacing: 6
                BodyText {
                    width: parent.width
                    text: entry.name
                    wrapMode: Text.WordWrap
                    font.bold: true
                    color: area.pressed ? Theme.onPrimary : Theme.text
                }
                Text {
                    width: parent.width
                    visible: entry.why.length > 0
                    text: entry.why
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.smallSize
                    color: area.pressed ? Theme.onPrimary : Theme.text
                }
                Text {
                    width: parent.width
                    text: entry.summary
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.smallSize
                    color: area.pressed ? Theme.onPrimary : Theme.mutedText
                }
            }
            MouseArea { id: area; anchors.fill: parent; onClicked: list.chosen(entry.code) }
        }
    }

    BodyText {
        anchors { left: parent.left; right: scroller.left; top: parent.top }
        visible: view.count === 0 && list.emptyText.length > 0
        text: list.emptyText
        wrapMode: Text.WordWrap
    }

    Column {
        id: scroller
        anchors { right: parent.right; top: parent.top }
        width: visible ? 220 : 0
        visible: view.contentHeight > view.height
        spacing: Theme.gap
        KioskButton {
            objectName: list.namePrefix + "up"
            width: parent.width
            implicitWidth: 220
            primary: false
            enabledState: !view.atYBeginning
            text: I18n.s["catalogue.list.up"]
            onClicked: view.contentY = Math.max(0, view.contentY - view.height * 0.8)
        }
        KioskButton {
            objectName: list.namePrefix + "down"
            width: parent.width
            implicitWidth: 220
            primary: false
            enabledState: !view.atYEnd
            text: I18n.s["catalogue.list.down"]
            onClicked: view.contentY = Math.min(view.contentHeight - view.height,
                                                view.contentY + view.height * 0.8)
        }
    }
}
