// One key of the on-screen keyboard: big, pressed state at once; a tap never takes the focus away
// from the field being typed in. The keypad reaches it too (Keyboard.qml moves between keys): it
// is framed, said ("q", "dấu cách", "xoá", "xong") and pressed with Enter.
import QtQuick
import KioskApp

Rectangle {
    id: key
    // one key of a KeyboardController row (KeySpec)
    property string kind
    property string value
    property string label
    property string labelKey
    property string keyName
    property bool upper: false
    property bool active: false      // shift shown as on
    property bool locked: false      // caps lock: on, and underlined
    property int row: 0              // where it stands, for the keypad's arrows
    property int column: 0
    signal tapped()

    readonly property bool wordKey: label === "" && labelKey !== ""
    readonly property bool isDone: kind === "done"
    readonly property bool isMarkRow: kind === "tone" || kind === "mark"
    readonly property string shown: {
        if (wordKey) return I18n.s[labelKey]
        if (kind === "character" || kind === "mark") return upper ? label.toUpperCase() : label
        return label
    }

    objectName: keyName
    radius: 10
    border.width: isMarkRow ? 3 : 2
    border.color: isMarkRow || isDone || active ? Theme.primary : Theme.border
    color: area.pressed ? Theme.pressed
         : (isDone || active) ? Theme.primary
         : isMarkRow ? Theme.surface : Theme.background
    Accessible.role: Accessible.Button
    Accessible.name: labelKey ? I18n.s[labelKey]
                   : symbolNames[label] ? I18n.s["keyboard.symbol." + symbolNames[label]] : shown
    // what a sign is called aloud: espeak-ng says nothing for most of them
    readonly property var symbolNames: ({ "/": "slash", ",": "comma", ".": "period", "-": "hyphen",
                                          "@": "at", "+": "plus" })
    // the keypad: reached with the arrows and Tab, read when framed; shift says whether it is on
    readonly property string spokenText: kind === "shift"
        ? Accessible.name + ": " + I18n.s[locked ? "keyboard.caps_lock" : active ? "shell.on" : "shell.off"]
        : Accessible.name
    activeFocusOnTab: true
    z: activeFocus ? 1 : 0  // its frame drawn over the keys beside it
    FocusFrame { target: key }

    Text {
        anchors.centerIn: parent
        width: parent.width - 8
        height: parent.height - 8
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // word keys ("Bỏ dấu", "Dấu cách") shrink to fit a narrow keyboard instead of being cut
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: 16
        elide: Text.ElideRight
        text: key.shown
        font.pixelSize: key.wordKey ? Theme.bodySize : Math.round(Theme.bodySize * 1.25)
        font.bold: key.wordKey || key.isMarkRow
        font.underline: key.locked
        color: area.pressed || key.isDone || key.active ? Theme.onPrimary
             : key.isMarkRow ? Theme.primary : Theme.text
    }
    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: key.tapped()
    }
}
