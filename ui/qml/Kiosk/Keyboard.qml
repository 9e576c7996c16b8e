// The kiosk's own on-screen keyboard (Vietnamese Telex, tone and shape buttons; plain letters in English; digit pads).
// One instance docked at the bottom of the main window types into whichever text field has the
// active focus: TextInput, TextField, TextEdit or TextArea. Set `target` to pin it to one field
// instead. A field asks for the digit pad, no Telex or capitals through `inputMethodHints`, and
// for capitals on every word (names, addresses) with `property string kioskCapitalization:
// "words"`. "Xong" (Done) takes the focus off the field, which closes the keyboard.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Window

Rectangle {
    id: keyboard
    property bool followFocus: true
    // a TextInput, TextField, TextEdit or TextArea: they share no type that has insert()
    property var target: followFocus && editable(Window.activeFocusItem) ? Window.activeFocusItem : null
    readonly property bool open: target !== null
    property int keyHeight: 76
    property int spacing: 12
    property int maxKeyWidth: 190
    signal done(Item field)

    function editable(item) {
        return item !== null && item !== undefined && item.cursorPosition !== undefined
            && typeof item.insert === "function" && !item.readOnly
    }

    function applyEdit(edit) {
        var position = target.cursorPosition
        if (edit.remove > 0) {
            target.remove(position - edit.remove, position)
            position -= edit.remove
        }
        if (edit.insert.length > 0) {
            target.insert(position, edit.insert)
            target.cursorPosition = position + edit.insert.length
        }
    }

    function press(kind, value) {
        if (!target) return
        if (target.selectedText.length > 0 && kind !== "shift" && kind !== "layout")
            target.remove(target.selectionStart, target.selectionEnd)
        var before = target.getText(0, target.cursorPosition)
        applyEdit(KeyboardController.tap(kind, value, before))
        if (kind === "done") {
            var field = target
            field.focus = false
            keyboard.done(field)
        }
    }

    onTargetChanged: {
        if (target) {
            var capitals = target.kioskCapitalization !== undefined ? target.kioskCapitalization : ""
            KeyboardController.attach(target.inputMethodHints, capitals,
                              target.getText(0, target.cursorPosition))
        }
    }

    Connections {
        target: keyboard.target
        function onCursorPositionChanged() {
            KeyboardController.cursorMoved(keyboard.target.getText(0, keyboard.target.cursorPosition))
        }
    }

    visible: open
    implicitHeight: keys.implicitHeight + 2 * spacing
    color: Theme.surface
    Accessible.role: Accessible.Grouping

    Rectangle {  // a firm edge between the screen and the keyboard
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 3
        color: Theme.border
    }

    Column {
        id: keys
        readonly property real unit: Math.min(
            (keyboard.width - 2 * keyboard.spacing) / KeyboardController.layoutWidth,
            keyboard.maxKeyWidth + keyboard.spacing)
        anchors { top: parent.top; topMargin: keyboard.spacing; horizontalCenter: parent.horizontalCenter }
        spacing: keyboard.spacing

        Repeater {
            model: KeyboardController.rows
            Row {
                id: keyRow
                required property QtObject rowKeys
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: keyboard.spacing
                Repeater {
                    model: keyRow.rowKeys
                    KeyboardKey {
                        id: part
                        required kind
                        required value
                        required label
                        required labelKey
                        required keyName
                        required property real span
                        width: part.span * keys.unit - keyboard.spacing
                        height: keyboard.keyHeight
                        upper: KeyboardController.upper
                        active: part.kind === "shift"
                                && (KeyboardController.shift || KeyboardController.capsLock)
                        locked: part.kind === "shift" && KeyboardController.capsLock
                        onTapped: keyboard.press(part.kind, part.value)
                    }
                }
            }
        }
    }
}
