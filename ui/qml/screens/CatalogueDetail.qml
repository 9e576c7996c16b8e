// One procedure: the papers to bring (with how many originals and copies), how long, how much,
// where and how to apply; print it as a slip, or take a queue number for it.
import QtQuick
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    id: frame
    title: catalogue.detail.name !== undefined ? catalogue.detail.name : ""
    onBackRequested: catalogue.back()

    component Fact: Column {
        property string label: ""
        property var lines: []
        width: parent.width
        spacing: 4
        Text {
            width: parent.width
            text: parent.label
            font.pixelSize: theme.smallSize
            font.bold: true
            color: theme.mutedText
        }
        Repeater {
            model: parent.lines
            Text {
                required property var modelData
                width: parent.width
                visible: modelData.length > 0
                text: modelData
                wrapMode: Text.WordWrap
                font.pixelSize: theme.bodySize
                color: theme.text
            }
        }
    }

    component PanelSection: Column {
        property string title: ""
        property var lines: []
        width: paperColumn.width
        spacing: 4
        visible: lines.length > 0
        Text {
            width: parent.width
            text: parent.title
            font.pixelSize: theme.bodySize
            font.bold: true
            color: theme.text
        }
        Repeater {
            model: parent.lines
            Text {
                required property var modelData
                width: paperColumn.width
                text: modelData
                wrapMode: Text.WordWrap
                font.pixelSize: theme.smallSize
                color: theme.text
            }
        }
    }

    Flickable {
        id: facts
        objectName: "detailFacts"
        anchors { left: parent.left; top: parent.top; bottom: actions.top; bottomMargin: theme.gap }
        width: parent.width * 0.38
        contentHeight: factColumn.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: factColumn
            width: facts.width
            spacing: theme.gap
            Text {
                width: parent.width
                text: catalogue.detail.codeLine !== undefined ? catalogue.detail.codeLine : ""
                wrapMode: Text.WordWrap
                font.pixelSize: theme.smallSize
                color: theme.mutedText
            }
            Fact {
                objectName: "factTime"
                label: i18n.s["catalogue.detail.time"]
                lines: [catalogue.detail.time || ""]
            }
            Fact {
                objectName: "factFees"
                label: i18n.s["catalogue.detail.fees"]
                lines: [catalogue.detail.feeSummary || ""]
            }
            Fact {
                objectName: "factWhere"
                label: i18n.s["catalogue.detail.where"]
                lines: [catalogue.detail.where || "", catalogue.detail.counters || ""]
            }
            Fact {
                objectName: "factOnline"
                label: i18n.s["catalogue.detail.online"]
                lines: [catalogue.detail.online || ""]
            }
        }
    }

    Rectangle {
        id: paperPanel
        anchors { left: facts.right; right: parent.right; top: parent.top; bottom: actions.top
                  leftMargin: theme.gap * 2; bottomMargin: theme.gap }
        radius: theme.radius
        color: theme.surface
        border.color: theme.border
        border.width: 2

        Text {
            id: paperHeading
            anchors { left: parent.left; right: paperScroll.left; top: parent.top; margins: theme.gap }
            text: i18n.s["catalogue.detail.papers"]
            font.pixelSize: theme.bodySize
            font.bold: true
            color: theme.text
        }
        Flickable {
            id: papers
            objectName: "detailPapers"
            anchors { left: parent.left; right: paperScroll.left; top: paperHeading.bottom
                      bottom: parent.bottom; margins: theme.gap }
            contentHeight: paperColumn.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Column {
                id: paperColumn
                width: papers.width
                spacing: theme.gap * 0.75
                Text {
                    width: parent.width
                    visible: text.length > 0
                    text: [catalogue.detail.noPapers || "", catalogue.detail.papersNote || ""].join(" ").trim()
                    wrapMode: Text.WordWrap
                    font.pixelSize: theme.smallSize
                    color: theme.mutedText
                }
                Repeater {
                    model: catalogue.detail.papers || []
                    Column {
                        required property var modelData
                        width: paperColumn.width
                        spacing: theme.gap / 2
                        Text {
                            width: parent.width
                            visible: modelData.when.length > 0
                            text: modelData.when
                            wrapMode: Text.WordWrap
                            font.pixelSize: theme.bodySize
                            font.bold: true
                            color: theme.text
                        }
                        Repeater {
                            model: modelData.items
                            Column {
                                required property var modelData
                                width: paperColumn.width
                                spacing: 2
                                Text {
                                    width: parent.width
                                    text: "• " + modelData.name
                                    wrapMode: Text.WordWrap
                                    font.pixelSize: theme.bodySize
                                    color: theme.text
                                }
                                Text {
                                    x: 36
                                    width: parent.width - 36
                                    text: modelData.counts
                                    wrapMode: Text.WordWrap
                                    font.pixelSize: theme.smallSize
                                    font.bold: true
                                    color: theme.text
                                }
                                Text {
                                    x: 36
                                    width: parent.width - 36
                                    visible: modelData.note.length > 0
                                    text: modelData.note
                                    wrapMode: Text.WordWrap
                                    font.pixelSize: theme.smallSize
                                    color: theme.text
                                }
                            }
                        }
                    }
                }
                PanelSection {
                    title: i18n.s["catalogue.detail.result"]
                    lines: [catalogue.detail.results || ""]
                }
                PanelSection {
                    title: i18n.s["catalogue.detail.fee_details"]
                    lines: catalogue.detail.fees || []
                }
                PanelSection {
                    title: i18n.s["catalogue.detail.time_details"]
                    lines: catalogue.detail.timeDetails ? [catalogue.detail.timeDetails] : []
                }
                PanelSection {
                    title: i18n.s["catalogue.detail.notes"]
                    lines: catalogue.detail.notes || []
                }
                Text {
                    width: parent.width
                    text: catalogue.detail.source || ""
                    wrapMode: Text.WordWrap
                    font.pixelSize: theme.smallSize
                    color: theme.mutedText
                }
            }
        }
        Column {
            id: paperScroll
            anchors { right: parent.right; top: parent.top; margins: theme.gap }
            width: visible ? 200 : 0
            visible: papers.contentHeight > papers.height
            spacing: theme.gap
            KioskButton {
                objectName: "papersUp"
                width: parent.width
                implicitWidth: 200
                primary: false
                enabledState: !papers.atYBeginning
                text: i18n.s["catalogue.list.up"]
                onClicked: papers.contentY = Math.max(0, papers.contentY - papers.height * 0.8)
            }
            KioskButton {
                objectName: "papersDown"
                width: parent.width
                implicitWidth: 200
                primary: false
                enabledState: !papers.atYEnd
                text: i18n.s["catalogue.list.down"]
                onClicked: papers.contentY = Math.min(papers.contentHeight - papers.height,
                                                      papers.contentY + papers.height * 0.8)
            }
        }
    }

    RowLayout {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: theme.gap
        KioskButton {
            objectName: "printGuidance"
            primary: false
            enabledState: !catalogue.printing
            text: i18n.s["catalogue.detail.print"]
            onClicked: catalogue.printGuidance()
        }
        KioskButton {
            objectName: "takeNumberForProcedure"
            visible: (catalogue.detail.queueService || "").length > 0
            text: i18n.s["catalogue.detail.take_number"]
            onClicked: {
                var service = catalogue.detail.queueService
                home.open("take_number")
                takeNumber.chooseService(service)
            }
        }
        StatusIcon {
            visible: catalogue.printMessage.length > 0 && !catalogue.printing
            kind: catalogue.printFailed ? "problem" : "ok"
        }
        Text {
            objectName: "printMessage"
            Layout.fillWidth: true
            text: catalogue.printMessage
            wrapMode: Text.WordWrap
            font.pixelSize: theme.bodySize
            color: catalogue.printFailed ? theme.danger : theme.text
        }
    }
}
