// Hand in a dossier: check your answers, "Sửa" beside each, then hand in.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: i18n.s["hand_in.check.question"]
    step: handIn.step
    stepTotal: handIn.stepTotal
    onBackRequested: handIn.back()

    component Row_: Rectangle {
        property string label: ""
        property string value: ""
        property string source: ""
        property string changeName: ""
        signal change()
        width: list.width
        height: Math.max(theme.touchTarget, column.implicitHeight + theme.gap)
        color: "transparent"
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 2; color: theme.border }
        Column {
            id: column
            anchors { left: parent.left; right: changeButton.left; verticalCenter: parent.verticalCenter
                      rightMargin: theme.gap }
            Text {
                width: parent.width
                text: label
                wrapMode: Text.WordWrap
                font.pixelSize: theme.smallSize
                color: theme.mutedText
            }
            Text {
                width: parent.width
                text: value + (source ? "  ·  " + source : "")
                wrapMode: Text.WordWrap
                font.pixelSize: theme.bodySize
                color: theme.text
            }
        }
        KioskButton {
            id: changeButton
            objectName: changeName
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            width: 200
            primary: false
            text: i18n.s["hand_in.check.change"]
            onClicked: parent.change()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: theme.gap / 2
        Text {
            text: handIn.procedureName
            font.pixelSize: theme.bodySize
            font.bold: true
            color: theme.text
        }
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: list.height
            Column {
                id: list
                width: flick.width
                Text {
                    text: i18n.s["hand_in.check.answers"]
                    font.pixelSize: theme.bodySize
                    font.bold: true
                    color: theme.text
                }
                Repeater {
                    model: handIn.answers
                    Row_ {
                        required property var modelData
                        label: modelData.label
                        value: modelData.value
                        source: modelData.source
                        changeName: "change_" + modelData.id
                        onChange: handIn.editAnswer(modelData.id)
                    }
                }
                Item { width: 1; height: theme.gap }
                Text {
                    visible: handIn.papers.length > 0
                    text: i18n.s["hand_in.check.papers"]
                    font.pixelSize: theme.bodySize
                    font.bold: true
                    color: theme.text
                }
                Repeater {
                    model: handIn.papers
                    Row_ {
                        required property var modelData
                        label: modelData.name
                        value: modelData.status
                        changeName: "changePaper_" + modelData.index
                        onChange: handIn.editPaper(modelData.index)
                    }
                }
            }
        }
        Text {
            Layout.fillWidth: true
            text: i18n.s["hand_in.check.note"]
            wrapMode: Text.WordWrap
            font.pixelSize: theme.smallSize
            color: theme.text
        }
        KioskButton {
            objectName: "submitDossier"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 480
            text: i18n.s["hand_in.check.submit"]
            onClicked: handIn.submit()
        }
    }
}
