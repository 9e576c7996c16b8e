// The camera's picture with the page's outline, or a page's thumbnail. The painter is made in
// Python as this item's child (ScanPainters.paintIn, ui/viewmodels/scan_preview.py), not
// declared here: PySide never frees the wrapper of a Python item that QML creates itself.
import QtQuick
import KioskApp

Item {
    id: root
    property var image  // a QImage: QML has no type to name it by
    // x0, y0, x1, y1, … as fractions of the picture's width and height
    property var outline: []
    property bool ok: false
    property color background: "#111111"
    readonly property Item painter: ScanPainters.paintIn(root)

    Binding { target: root.painter; property: "width"; value: root.width }
    Binding { target: root.painter; property: "height"; value: root.height }
    Binding { target: root.painter; property: "image"; value: root.image }
    Binding { target: root.painter; property: "outline"; value: root.outline }
    Binding { target: root.painter; property: "ok"; value: root.ok }
    Binding { target: root.painter; property: "background"; value: root.background }
}
