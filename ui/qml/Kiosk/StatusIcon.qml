// An icon drawn with shapes (the bundled font has no symbol glyphs): "ok" is a tick in a
// circle, "problem" an exclamation mark in a circle, "caution" the same mark in the caution colour
// (done, but not known to have worked). Always shown next to words, never alone.
import QtQuick
import KioskApp

Canvas {
    id: icon
    property string kind: "problem"
    property color colour: kind === "ok" ? Theme.ok : kind === "caution" ? Theme.caution : Theme.danger
    implicitWidth: Theme.bodySize * 1.3
    implicitHeight: implicitWidth
    onColourChanged: requestPaint()
    onKindChanged: requestPaint()
    onPaint: {
        var ctx = getContext("2d")
        var s = width
        ctx.reset()
        ctx.fillStyle = colour
        ctx.beginPath()
        ctx.arc(s / 2, s / 2, s / 2, 0, 2 * Math.PI)
        ctx.fill()
        ctx.strokeStyle = Theme.highContrast ? "#000000" : "#FFFFFF"
        ctx.fillStyle = ctx.strokeStyle
        ctx.lineWidth = s * 0.12
        ctx.lineCap = "round"
        ctx.beginPath()
        if (kind === "ok") {
            ctx.moveTo(s * 0.27, s * 0.52)
            ctx.lineTo(s * 0.44, s * 0.69)
            ctx.lineTo(s * 0.74, s * 0.34)
            ctx.stroke()
        } else {
            ctx.moveTo(s / 2, s * 0.24)
            ctx.lineTo(s / 2, s * 0.58)
            ctx.stroke()
            ctx.beginPath()
            ctx.arc(s / 2, s * 0.76, s * 0.07, 0, 2 * Math.PI)
            ctx.fill()
        }
    }
}
