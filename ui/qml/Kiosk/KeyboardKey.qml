// One key of the on-screen keyboard: big, pressed state at once, never takes the focus away from
// the field being typed in.
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
    Accessible.name: labelKey ? I18n.s[labelKey] : shown

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
