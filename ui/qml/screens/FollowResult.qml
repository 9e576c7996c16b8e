// Follow a dossier, step 2: the status timeline, oldest first, the current status on top; or,
// when the province cannot say, a plain sentence and what this kiosk itself knows.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["follow.result.question"]
    step: followDossier.step
    stepTotal: followDossier.stepTotal
    onBackRequested: followDossier.back()

    RowLayout {
        anchors.fill: parent
        spacing: theme.gap * 2

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: theme.gap
            Text {
                objectName: "followCode"
                Layout.fillWidth: true
                text: i18n.s["follow.result.code"].replace("{code}", followDossier.code)
                font.pixelSize: theme.bodySize
                color: theme.mutedText
            }
            Text {
                objectName: "followCurrent"
                Layout.fillWidth: true
                visible: text.length > 0
                text: followDossier.current
                wrapMode: Text.WordWrap
                font.pixelSize: theme.headingSize
                font.bold: true
                color: theme.text
            }
            Column {
                Layout.fillWidth: true
                spacing: 4
                Repeater {
                    objectName: "followTimeline"
                    model: followDossier.timeline
                    Row {
                        required property var modelData
                        required property int index
                        spacing: theme.gap
                        Rectangle {  // the timeline's dot: filled for the current status
                            width: 32; height: 32; radius: 16
                            anchors.verticalCenter: parent.verticalCenter
                            color: modelData.current ? theme.primary : theme.surface
                            border.color: theme.primary
                            border.width: 5
                        }
                        Text {
                            objectName: "followStep_" + index
                            width: 420
                            text: modelData.when
                            font.pixelSize: theme.bodySize
                            color: theme.mutedText
                        }
                        Text {
                            objectName: "followStatus_" + index
                            text: modelData.status
                            font.pixelSize: theme.bodySize
                            font.bold: modelData.current
                            color: theme.text
                        }
                    }
                }
            }
            Text {
                objectName: "followMessage"
                Layout.fillWidth: true
                visible: text.length > 0
                text: followDossier.message
                wrapMode: Text.WordWrap
                font.pixelSize: theme.bodySize
                font.bold: true
                color: theme.text
            }
            Rectangle {
                Layout.fillWidth: true
                visible: followDossier.localKnowledge.length > 0
                implicitHeight: knows.implicitHeight + 2 * theme.gap
                color: theme.surface
                border.color: theme.border
                border.width: 3
                radius: theme.radius
                Column {
                    id: knows
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: theme.gap }
                    spacing: theme.gap / 2
                    Text {
                        text: i18n.s["follow.result.kiosk_knows"]
                        font.pixelSize: theme.bodySize
                        font.bold: true
                        color: theme.text
                    }
                    Text {
                        objectName: "followLocal"
                        width: parent.width
                        text: followDossier.localKnowledge
                        wrapMode: Text.WordWrap
                        font.pixelSize: theme.bodySize
                        color: theme.text
                    }
                }
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            spacing: theme.gap
            KioskButton {
                objectName: "followAgain"
                visible: followDossier.outcome !== "found"
                text: i18n.s["follow.result.try_again"]
                onClicked: followDossier.lookUpAgain()
            }
            KioskButton {
                objectName: "followAnother"
                primary: followDossier.outcome === "found"
                text: i18n.s["follow.result.another"]
                onClicked: followDossier.another()
            }
        }
    }
}
