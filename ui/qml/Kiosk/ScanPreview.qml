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

    // handed over as they change, not by Binding: a list delegate's image, set once while the
    // delegate was being made, never reached the painter through one
    function paintAll() {
        if (root.image)
            root.painter.image = root.image
        root.painter.outline = root.outline
        root.painter.ok = root.ok
        root.painter.background = root.background
    }
    onImageChanged: if (root.painter && root.image) root.painter.image = root.image
    onOutlineChanged: if (root.painter) root.painter.outline = root.outline
    onOkChanged: if (root.painter) root.painter.ok = root.ok
    onBackgroundChanged: if (root.painter) root.painter.background = root.background
    Component.onCompleted: paintAll()

    Binding { target: root.painter; property: "width"; value: root.width }
    Binding { target: root.painter; property: "height"; value: root.height }
}
