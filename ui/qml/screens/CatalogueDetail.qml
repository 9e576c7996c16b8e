// One procedure: the papers to bring (with how many originals and copies), how long, how much,
// where and how to apply; print it as a slip, or take a queue number for it.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    id: frame
    title: Catalogue.detail.name !== undefined ? Catalogue.detail.name : ""
    onBackRequested: Catalogue.back()

    component Fact: Column {
        property string label: ""
        property list<string> lines
        width: parent.width
        spacing: 4
        HintText {
            width: parent.width
            text: parent.label
            font.bold: true
        }
        Repeater {
            model: parent.lines
            BodyText {
                id: entry
                required property string modelData
                width: parent.width
                visible: entry.modelData.length > 0
                text: entry.modelData
                wrapMode: Text.WordWrap
            }
        }
    }

    component PanelSection: Column {
        property string title: ""
        property list<string> lines
        width: paperColumn.width
        spacing: 4
        visible: lines.length > 0
        BodyText {
            width: parent.width
            text: parent.title
            font.bold: true
        }
        Repeater {
            model: parent.lines
            Text {
                id: entry2
                required property string modelData
                width: paperColumn.width
                text: entry2.modelData
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallSize
                color: Theme.text
            }
        }
    }

    Flickable {
        id: facts
        objectName: "detailFacts"
        anchors { left: parent.left; top: parent.top; bottom: printOutcome.visible ? printOutcome.top : actions.top
                  bottomMargin: Theme.gap }
        width: parent.width * 0.38
        contentHeight: factColumn.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: factColumn
            width: facts.width
            spacing: Theme.gap
            HintText {
                width: parent.width
                text: Catalogue.detail.codeLine !== undefined ? Catalogue.detail.codeLine : ""
                wrapMode: Text.WordWrap
            }
            Fact {
                objectName: "factTime"
                label: I18n.s["catalogue.detail.time"]
                lines: [Catalogue.detail.time || ""]
            }
            Fact {
                objectName: "factFees"
                label: I18n.s["catalogue.detail.fees"]
                lines: [Catalogue.detail.feeSummary || ""]
            }
            Fact {
                objectName: "factWhere"
                label: I18n.s["catalogue.detail.where"]
                lines: [Catalogue.detail.where || "", Catalogue.detail.counters || ""]
            }
        }
    }

    Rectangle {
        id: paperPanel
        anchors { left: facts.right; right: parent.right; top: parent.top
                  bottom: printOutcome.visible ? printOutcome.top : actions.top
                  leftMargin: Theme.gap * 2; bottomMargin: Theme.gap }
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: 2

        BodyText {
            id: paperHeading
            anchors { left: parent.left; right: paperScroll.left; top: parent.top; margins: Theme.gap }
            text: I18n.s["catalogue.detail.papers"]
            font.bold: true
        }
        Flickable {
            id: papers
            objectName: "detailPapers"
            anchors { left: parent.left; right: paperScroll.left; top: paperHeading.bottom
                      bottom: parent.bottom; margins: Theme.gap }
            contentHeight: paperColumn.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Column {
                id: paperColumn
                width: papers.width
                spacing: Theme.gap * 0.75
                HintText {
                    width: parent.width
                    visible: text.length > 0
                    text: [Catalogue.detail.noPapers || "", Catalogue.detail.papersNote || ""].join(" ").trim()
                    wrapMode: Text.WordWrap
                }
                Column {
                    width: paperColumn.width
                    spacing: Theme.gap / 2
                    Repeater {
                        model: Catalogue.paperList
                        Column {
                            id: part
                            required property string caseHeading
                            required property string name
                            required property string counts
                            required property string note
                            required property int index
                            width: paperColumn.width
                            spacing: 2
                            topPadding: part.caseHeading.length > 0 && part.index > 0 ? Theme.gap / 4 : 0
                            BodyText {
                                width: parent.width
                                bottomPadding: Theme.gap / 2 - 2
                                visible: part.caseHeading.length > 0
                                text: part.caseHeading
                                wrapMode: Text.WordWrap
                                font.bold: true
                            }
                            BodyText {
                                width: parent.width
                                text: "• " + part.name
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                x: 36
                                width: parent.width - 36
                                text: part.counts
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.smallSize
                                font.bold: true
                                color: Theme.text
                            }
                            Text {
                                x: 36
                                width: parent.width - 36
                                visible: part.note.length > 0
                                text: part.note
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.smallSize
                                color: Theme.text
                            }
                        }
                    }
                }
                PanelSection {  // here, not beside the papers: the facts there stay on screen
                    objectName: "factOnline"
                    title: I18n.s["catalogue.detail.online"]
                    lines: Catalogue.detail.online ? [Catalogue.detail.online] : []
                }
                PanelSection {
                    title: I18n.s["catalogue.detail.result"]
                    lines: [Catalogue.detail.results || ""]
                }
                PanelSection {
                    title: I18n.s["catalogue.detail.fee_details"]
                    lines: Catalogue.detail.fees || []
                }
                PanelSection {
                    title: I18n.s["catalogue.detail.time_details"]
                    lines: Catalogue.detail.timeDetails ? [Catalogue.detail.timeDetails] : []
                }
                PanelSection {
                    title: I18n.s["catalogue.detail.notes"]
                    lines: Catalogue.detail.notes || []
                }
                HintText {
                    width: parent.width
                    text: Catalogue.detail.source || ""
                    wrapMode: Text.WordWrap
                }
            }
        }
        Column {
            id: paperScroll
            anchors { right: parent.right; top: parent.top; margins: Theme.gap }
            width: visible ? 200 : 0
            visible: papers.contentHeight > papers.height
            spacing: Theme.gap
            KioskButton {
                objectName: "papersUp"
                width: parent.width
                implicitWidth: 200
                primary: false
                enabledState: !papers.atYBeginning
                text: I18n.s["catalogue.list.up"]
                onClicked: papers.contentY = Math.max(0, papers.contentY - papers.height * 0.8)
            }
            KioskButton {
                objectName: "papersDown"
                width: parent.width
                implicitWidth: 200
                primary: false
                enabledState: !papers.atYEnd
                text: I18n.s["catalogue.list.down"]
                onClicked: papers.contentY = Math.min(papers.contentHeight - papers.height,
                                                      papers.contentY + papers.height * 0.8)
            }
        }
    }

    // what the printer did, above the buttons (the panels give way; the buttons stay put)
    Row {
        id: printOutcome
        anchors { left: parent.left; right: parent.right; bottom: actions.top; bottomMargin: Theme.gap }
        height: visible ? printMessage.implicitHeight : 0
        visible: Catalogue.printMessage.length > 0
        spacing: Theme.gap / 2
        StatusIcon {
            id: printIcon
            visible: !Catalogue.printing
            kind: Catalogue.printFailed ? "problem" : "ok"
        }
        BodyText {
            id: printMessage
            objectName: "printMessage"
            width: parent.width - (printIcon.visible ? printIcon.width + parent.spacing : 0)
            text: Catalogue.printMessage
            wrapMode: Text.WordWrap
            color: Catalogue.printFailed ? Theme.danger : Theme.text
        }
    }

    RowLayout {
        id: actions
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        spacing: Theme.gap
        KioskButton {
            objectName: "printGuidance"
            primary: false
            enabledState: !Catalogue.printing
            text: I18n.s["catalogue.detail.print"]
            onClicked: Catalogue.printGuidance()
        }
        KioskButton {
            objectName: "takeNumberForProcedure"
            visible: (Catalogue.detail.queueService || "").length > 0
            primary: !Catalogue.detail.handIn
            text: I18n.s["catalogue.detail.take_number"]
            onClicked: {
                var service = Catalogue.detail.queueService
                Shell.detour()  // "Quay lại" comes back to this page, the search kept
                HomePage.open("take_number")
                TakeNumber.chooseService(service)
            }
        }
        KioskButton {
            objectName: "handInForProcedure"
            visible: Catalogue.detail.handIn === true
            text: I18n.s["catalogue.detail.hand_in"]
            onClicked: {
                var code = Catalogue.detail.code
                Shell.detour()
                HandIn.handInFor(code)
            }
        }
        Item { Layout.fillWidth: true }
    }
}
