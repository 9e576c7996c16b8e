// Rate the service, step 1: the five official levels as big buttons, each with its words and a
// drawn face (the bundled font has no emoji).
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["rating.level.question"]
    step: Rating.step
    stepTotal: Rating.stepTotal
    onBackRequested: Rating.back()

    component Face: Canvas {
        property int score: 3  // 5 = a broad smile … 1 = a deep frown
        property color ink: Theme.text
        width: 120; height: 120
        onScoreChanged: requestPaint()
        onInkChanged: requestPaint()
        onPaint: {
            var c = getContext("2d")
            c.reset()
            c.lineWidth = 7
            c.strokeStyle = ink
            c.fillStyle = ink
            c.beginPath(); c.arc(60, 60, 54, 0, 2 * Math.PI); c.stroke()
            c.beginPath(); c.arc(42, 46, 7, 0, 2 * Math.PI); c.fill()
            c.beginPath(); c.arc(78, 46, 7, 0, 2 * Math.PI); c.fill()
            var bend = (score - 3) * 11   // mouth curve: up for content, down for unhappy
            c.beginPath()
            c.moveTo(36, 82 - bend / 2)
            c.quadraticCurveTo(60, 82 + bend * 1.5, 84, 82 - bend / 2)
            c.stroke()
        }
    }

    RowLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: Theme.gap
        Repeater {
            model: Rating.levels
            Rectangle {
                id: levelButton
                required property string levelId
                required property string label
                required property int score
                objectName: "level_" + levelButton.levelId
                Layout.fillWidth: true
                Layout.preferredHeight: 340
                radius: Theme.radius
                color: area.pressed ? Theme.pressed : Theme.surface
                border.color: Theme.primary
                border.width: 4
                Accessible.role: Accessible.Button
                Accessible.name: levelButton.label
                readonly property string spokenText: levelButton.label
                activeFocusOnTab: true
                Keys.onReturnPressed: Rating.chooseLevel(levelButton.levelId)
                Keys.onEnterPressed: Rating.chooseLevel(levelButton.levelId)
                FocusFrame { target: levelButton }
                Column {
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.gap
                    spacing: Theme.gap
                    Face {
                        anchors.horizontalCenter: parent.horizontalCenter
                        score: levelButton.score
                        ink: area.pressed ? Theme.onPrimary : Theme.text
                    }
                    Text {
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        text: levelButton.label
                        font.pixelSize: Theme.buttonTextSize
                        font.bold: true
                        color: area.pressed ? Theme.onPrimary : Theme.text
                    }
                }
                MouseArea { id: area; anchors.fill: parent; onClicked: Rating.chooseLevel(levelButton.levelId) }
            }
        }
    }
}
