// Body text in the kiosk's own size and colour; set `font.bold` or `color` where it differs.
import QtQuick
import KioskApp

Text {
    font.pixelSize: Theme.bodySize
    color: Theme.text
}
