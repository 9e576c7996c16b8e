// A hint or a label above a value: smaller and muted, still ≥ 7:1 contrast.
import QtQuick
import KioskApp

Text {
    font.pixelSize: Theme.smallSize
    color: Theme.mutedText
}
