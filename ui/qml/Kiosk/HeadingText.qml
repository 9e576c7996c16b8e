// A heading in the kiosk's own size and colour (the question a screen asks).
import QtQuick
import KioskApp

Text {
    font.pixelSize: Theme.headingSize
    font.bold: true
    color: Theme.text
}
