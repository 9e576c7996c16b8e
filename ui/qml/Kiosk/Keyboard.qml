// The kiosk's own on-screen keyboard (Vietnamese Telex, tone and shape buttons; plain letters in English; digit pads).
// One instance docked at the bottom of the main window types into whichever text field has the
// active focus: TextInput, TextField, TextEdit or TextArea. Set `target` to pin it to one field
// instead. A field asks for the digit pad, no Telex or capitals through `inputMethodHints`, and
// for capitals on every word (names, addresses) with `property string kioskCapitalization:
// "words"`. "Xong" (Done) takes the focus off the field, which closes the keyboard.
//
// The keypad types on it too: Down in the field (`enter`) frames the first key; Left and Right
// step through the keys, Up and Down change row (Up from the top row returns to the field, Down
// from the bottom row goes on to the control after it); Enter presses the framed key, a digit
// key (or the keypad's point) types itself and Backspace deletes, as in the field itself. "Xong" moves on to the
// control after the field. The field stays the one typed into while a key has the focus.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Window

Rectangle {
    id: keyboard
    property bool followFocus: true
    // a TextInput, TextField, TextEdit or TextArea: they share no type that has insert()
    property var target: followFocus ? followed : null
    readonly property bool open: target !== null && target !== undefined
    readonly property bool onScreenKeyboard: true  // its keys are not the screen's choices
    // the field with the focus, kept while the keypad's focus is on one of the keys
    property Item followed: null
    readonly property Item focused: Window.activeFocusItem
    property bool keysRebuilt: false  // a new layout's keys: the focus is briefly nowhere
    property int keyHeight: 76
    property int spacing: 12
    property int maxKeyWidth: 190
    signal done(Item field)
    signal typedWithKeys(string said)  // a key pressed with Enter: what it typed, to say it

    function editable(item) {
        return item !== null && item !== undefined && item.cursorPosition !== undefined
            && typeof item.insert === "function" && !item.readOnly
            && item.kioskOwnKeyboard !== true  // a field with a keyboard of its own (search)
    }

    function holds(item) {
        for (var parent = item; parent; parent = parent.parent)
            if (parent === keyboard) return true
        return false
    }

    onFocusedChanged: {
        if (editable(focused)) followed = focused
        else if (!keysRebuilt && !holds(focused)) followed = null
    }

    // --- the keypad --------------------------------------------------------------------------
    component KeyRow: Row {
        property Repeater keyRepeater
    }

    // the keys of row `row` of the layout shown (a Repeater)
    function keysOf(row) {
        return (rows.itemAt(row) as KeyRow).keyRepeater
    }

    function keyAt(row, column) {
        return rows !== null && row >= 0 && row < rows.count ? keysOf(row).itemAt(column) : null
    }

    // Down in `field`: the first key framed; false when this keyboard does not type into it
    function enter(field) {
        if (!open || field !== target || !keyAt(0, 0)) return false
        keyAt(0, 0).forceActiveFocus()
        return true
    }

    // the key beside `key` in reading order, round the whole keyboard
    function stepFrom(key, forward) {
        var row = key.row, column = key.column + (forward ? 1 : -1)
        if (column >= keysOf(row).count) { row = (row + 1) % rows.count; column = 0 }
        if (column < 0) { row = (row + rows.count - 1) % rows.count; column = keysOf(row).count - 1 }
        return keyAt(row, column)
    }

    // the key of the row above or below whose middle is nearest `key`'s
    function aboveOrBelow(key, down) {
        var row = key.row + (down ? 1 : -1)
        if (row < 0 || row >= rows.count) return null
        var middle = key.mapToItem(keyboard, key.width / 2, 0).x
        var best = null, bestDistance = 0
        for (var column = 0; column < keysOf(row).count; ++column) {
            var candidate = keyAt(row, column)
            var distance = Math.abs(candidate.mapToItem(keyboard, candidate.width / 2, 0).x - middle)
            if (best === null || distance < bestDistance) { best = candidate; bestDistance = distance }
        }
        return best
    }

    // off the keyboard: back up to the field, or on to the control after it
    function leave(field, down) {
        if (!field) return
        if (!down) { field.forceActiveFocus(); return }
        var next = field.nextItemInFocusChain(true)
        for (var i = 0; i < 500 && next && next !== field && holds(next); ++i)
            next = next.nextItemInFocusChain(true)
        if (next && next !== field) next.forceActiveFocus()
    }

    function keyPressed(key, event) {
        var next = null
        switch (event.key) {
        case Qt.Key_Right: next = stepFrom(key, true); break
        case Qt.Key_Left: next = stepFrom(key, false); break
        case Qt.Key_Down: case Qt.Key_Up:
            next = aboveOrBelow(key, event.key === Qt.Key_Down)
            if (next === null) leave(target, event.key === Qt.Key_Down)
            break
        case Qt.Key_Return: case Qt.Key_Enter: pressWithKeys(key); break
        case Qt.Key_Backspace:
            press("backspace", "")
            typedWithKeys(I18n.s["keyboard.backspace"])
            break
        default:  // a keypad's digit or point types itself, as in the field
            if (event.text.length !== 1 || "0123456789.".indexOf(event.text) < 0) return
            press("character", event.text)
            typedWithKeys(event.text === "." ? I18n.s["keyboard.symbol.period"] : event.text)
        }
        if (next !== null) next.forceActiveFocus()
        event.accepted = true
    }

    function pressWithKeys(key) {
        var field = target, kind = key.kind, said = key.spokenText
        keysRebuilt = kind === "layout" || kind === "done"  // "done" returns to the letters
        press(kind, key.value)
        if (kind === "done") {
            keysRebuilt = false
            leave(field, true)
        } else if (kind === "layout") {
            // the new layout's own switch key, where the old one stood (or its first key)
            var found = keyAt(0, 0)
            for (var row = 0; row < rows.count; ++row)
                for (var column = 0; column < keysOf(row).count; ++column)
                    if (keyAt(row, column).kind === "layout") found = keyAt(row, column)
            keysRebuilt = false
            if (found) found.forceActiveFocus()
        } else if (kind !== "shift") {
            typedWithKeys(said)
        }
    }

    function applyEdit(field, edit) {
        var position = field.cursorPosition
        if (edit.remove > 0) {
            field.remove(position - edit.remove, position)
            position -= edit.remove
        }
        if (edit.insert.length > 0) {
            field.insert(position, edit.insert)
            field.cursorPosition = position + edit.insert.length
        }
    }

    function press(kind, value) {
        var field = target  // a key pressed with the keypad may lose the focus as the keys change
        if (!field) return
        if (field.selectedText.length > 0 && kind !== "shift" && kind !== "layout")
            field.remove(field.selectionStart, field.selectionEnd)
        var before = field.getText(0, field.cursorPosition)
        applyEdit(field, KeyboardController.tap(kind, value, before))
        if (kind === "done") {
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
    implicitHeight: keys.height + 2 * spacing
    color: Theme.surface
    Accessible.role: Accessible.Grouping

    Rectangle {  // a firm edge between the screen and the keyboard
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 3
        color: Theme.border
    }

    // One layout's keys. Each is made the first time its layout is shown and kept (hidden)
    // after: a field asking for digits, a dossier code or the symbols then shows keys already
    // made instead of making ~45 new ones on the tap. The docked keyboard makes the others
    // while the kiosk is idle; a screen's own keyboard makes only those it shows.
    component KeyGrid: Column {
        id: grid
        required property QtObject layoutRows
        required property real layoutWidth
        property bool shown: false
        readonly property Repeater rowRepeater: gridRows
        readonly property real unit: Math.min(
            (keyboard.width - 2 * keyboard.spacing) / grid.layoutWidth,
            keyboard.maxKeyWidth + keyboard.spacing)
        spacing: keyboard.spacing

        Repeater {
            id: gridRows
            model: grid.layoutRows
            KeyRow {
                id: keyRow
                required property QtObject rowKeys
                required property int index
                keyRepeater: rowRepeater
                x: (grid.width - width) / 2
                spacing: keyboard.spacing
                Repeater {
                    id: rowRepeater
                    model: keyRow.rowKeys
                    KeyboardKey {
                        id: part
                        required property int index
                        row: keyRow.index
                        column: part.index
                        required kind
                        required value
                        required label
                        required labelKey
                        required keyName
                        required property real span
                        width: part.span * grid.unit - keyboard.spacing
                        height: keyboard.keyHeight
                        // a hidden layout's letters wait until it is shown
                        upper: grid.shown && KeyboardController.upper
                        active: part.kind === "shift"
                                && (KeyboardController.shift || KeyboardController.capsLock)
                        locked: part.kind === "shift" && KeyboardController.capsLock
                        onTapped: keyboard.press(part.kind, part.value)
                        Keys.onPressed: (event) => keyboard.keyPressed(part, event)
                    }
                }
            }
        }
    }

    // the layout shown, set as its keys are shown; its rows (a Repeater of KeyRow)
    property KeyGrid shownGrid: null
    readonly property Repeater rows: shownGrid !== null ? shownGrid.rowRepeater : null
    property bool makeHiddenLayouts: followFocus  // made while idle, ready for the first switch

    Item {
        id: keys
        anchors { top: parent.top; topMargin: keyboard.spacing; horizontalCenter: parent.horizontalCenter }
        width: keyboard.shownGrid !== null ? keyboard.shownGrid.implicitWidth : 0
        height: keyboard.shownGrid !== null ? keyboard.shownGrid.implicitHeight : 0

        Repeater {
            model: KeyboardController.layouts
            Loader {
                id: layoutLoader
                required property string layoutName
                required property real layoutWidth
                required property QtObject layoutRows
                readonly property bool current: layoutName === KeyboardController.layoutName
                property bool made: false
                anchors.horizontalCenter: parent.horizontalCenter
                active: current || made || keyboard.makeHiddenLayouts
                asynchronous: !current
                visible: current
                sourceComponent: KeyGrid {
                    layoutRows: layoutLoader.layoutRows
                    layoutWidth: layoutLoader.layoutWidth
                    shown: layoutLoader.current
                }
                function showKeys() {
                    if (current && item !== null) keyboard.shownGrid = item as KeyGrid
                }
                onLoaded: { made = true; showKeys() }
                onCurrentChanged: showKeys()
            }
        }
    }
}
