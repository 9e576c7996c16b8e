// A hint or a label above a value: smaller and muted, still ≥ 7:1 contrast.
import QtQuick
import KioskApp

Text {
    readonly property bool hint: true  // read aloud with the whole screen only
    font.pixelSize: Theme.smallSize
    color: Theme.mutedText
}
