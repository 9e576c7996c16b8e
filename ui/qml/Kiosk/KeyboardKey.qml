// One key of the on-screen keyboard: big, pressed state at once, never takes the focus away from
// the field being typed in.
import QtQuick

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
        if (wordKey) return i18n.s[spec.labelKey]
        if (kind === "character" || kind === "mark") return upper ? spec.label.toUpperCase() : spec.label
        return spec.label
    }

    objectName: spec.name || ""
    radius: 10
    border.width: isMarkRow ? 3 : 2
    border.color: isMarkRow || isDone || active ? theme.primary : theme.border
    color: area.pressed ? theme.pressed
         : (isDone || active) ? theme.primary
         : isMarkRow ? theme.surface : theme.background
    Accessible.role: Accessible.Button
    Accessible.name: spec.labelKey ? i18n.s[spec.labelKey] : shown

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
        font.pixelSize: key.wordKey ? theme.bodySize : Math.round(theme.bodySize * 1.25)
        font.bold: key.wordKey || key.isMarkRow
        font.underline: key.locked
        color: area.pressed || key.isDone || key.active ? theme.onPrimary
             : key.isMarkRow ? theme.primary : theme.text
    }
    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: key.tapped()
    }
}
