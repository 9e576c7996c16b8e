"""`ScanPainter` paints the camera's latest picture and the page outline found in it, inside the
QML item `ScanPreview` (ui/qml/Kiosk/ScanPreview.qml). A plain painted item, so frames need
neither an image provider nor QtMultimedia: the view-model hands it a QImage and it repaints.

QML does not create the painter itself: PySide6 (6.11) keeps one reference to every Python
object QML instantiates and never drops it, so each scan screen left one dead wrapper behind
for the kiosk's life (one a hand-in journey in the soak). `ScanPainters.paintIn` makes it in
Python as a child of the QML item instead; Qt deletes it with the item and the wrapper goes."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, QPointF, QRectF, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtQuick import QQuickItem, QQuickPaintedItem

_OK = QColor("#22C55E")
_NOT_YET = QColor("#F59E0B")


class ScanPainter(QQuickPaintedItem):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._outline: list[float] = []
        self._ok = False
        self._background = QColor("#111111")

    def _get_image(self) -> QImage:
        return self._image

    def _set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def _get_outline(self) -> list[float]:
        return self._outline

    def _set_outline(self, outline: list[float]) -> None:
        self._outline = list(outline)
        self.update()

    def _get_ok(self) -> bool:
        return self._ok

    def _set_ok(self, ok: bool) -> None:
        self._ok = ok
        self.update()

    def _get_background(self) -> QColor:
        return self._background

    def _set_background(self, colour: QColor) -> None:
        self._background = QColor(colour)
        self.update()

    image = Property(QImage, _get_image, _set_image, notify=changed)
    background = Property(QColor, _get_background, _set_background, notify=changed)
    # x0, y0, x1, y1, … as fractions of the picture's width and height
    outline = Property(list, _get_outline, _set_outline, notify=changed)
    ok = Property(bool, _get_ok, _set_ok, notify=changed)

    def _picture_rect(self) -> QRectF:
        """Where the picture sits in the item: as large as fits, centred, never stretched."""
        width, height = self.width(), self.height()
        if self._image.isNull() or width <= 0 or height <= 0:
            return QRectF(0, 0, width, height)
        scale = min(width / self._image.width(), height / self._image.height())
        shown_w, shown_h = self._image.width() * scale, self._image.height() * scale
        return QRectF((width - shown_w) / 2, (height - shown_h) / 2, shown_w, shown_h)

    def paint(self, painter: QPainter) -> None:
        painter.fillRect(QRectF(0, 0, self.width(), self.height()), self._background)
        if self._image.isNull():
            return
        target = self._picture_rect()
        painter.drawImage(target, self._image)
        if len(self._outline) != 8:
            return
        from PySide6.QtCore import Qt  # its namespace of enums: not before the first frame

        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = _OK if self._ok else _NOT_YET
        points = [
            QPointF(target.x() + x * target.width(), target.y() + y * target.height())
            for x, y in zip(self._outline[0::2], self._outline[1::2], strict=True)
        ]
        fill = QColor(colour)
        fill.setAlpha(50)
        painter.setBrush(fill)
        painter.setPen(
            QPen(
                colour, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
            )
        )
        painter.drawPolygon(QPolygonF(points))


class ScanPainters(QObject):
    """QML's `ScanPainters` (`import KioskApp`): makes the painter of a `ScanPreview` item."""

    @Slot(QQuickItem, result=QQuickItem)
    def paintIn(self, host: QQuickItem) -> ScanPainter:
        """A painter drawn in `host` and owned by it: deleted with it, its wrapper freed then.
        QML binds its size and what it shows (no Python connection that could outlive it)."""
        painter = ScanPainter(host)
        painter.setParentItem(host)
        return painter
