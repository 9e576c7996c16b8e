// One key of the on-screen keyboard: big, pressed state at once, never takes the focus away from
// the field being typed in.
import QtQuick
import KioskApp

Rectangle {
    id: key
    property var spec: ({})          // one entry of KeyboardController.rows
    property bool upper: false
    property bool active: false      // shift shown as on
    property bool locked: false      // caps lock: on, and underlined
    signal tapped()

    readonly property string kind: spec.kind || ""
    readonly property bool wordKey: spec.label === "" && spec.labelKey !== ""
    readonly property bool isDone: kind === "done"
    readonly property bool isMarkRow: kind === "tone" || kind === "mark"
    readonly property string shown: {
        if (wordKey) return I18n.s[spec.labelKey]
        if (kind === "character" || kind === "mark") return upper ? spec.label.toUpperCase() : spec.label
        return spec.label
    }

    objectName: spec.name || ""
    radius: 10
    border.width: isMarkRow ? 3 : 2
    border.color: isMarkRow || isDone || active ? Theme.primary : Theme.border
    color: area.pressed ? Theme.pressed
         : (isDone || active) ? Theme.primary
         : isMarkRow ? Theme.surface : Theme.background
    Accessible.role: Accessible.Button
    Accessible.name: spec.labelKey ? I18n.s[spec.labelKey] : shown

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
