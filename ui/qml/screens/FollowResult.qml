// Follow a dossier, step 2: the status timeline, oldest first, the current status on top; or,
// when the province cannot say, a plain sentence and what this kiosk itself knows.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Layouts
import Kiosk

ScreenFrame {
    title: I18n.s["follow.result.question"]
    step: FollowDossier.step
    stepTotal: FollowDossier.stepTotal
    onBackRequested: FollowDossier.back()

    RowLayout {
        anchors.fill: parent
        spacing: Theme.gap * 2

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.gap
            BodyText {
                objectName: "followCode"
                Layout.fillWidth: true
                text: I18n.s["follow.result.code"].replace("{code}", FollowDossier.code)
                color: Theme.mutedText
            }
            HeadingText {
                objectName: "followCurrent"
                Layout.fillWidth: true
                visible: text.length > 0
                text: FollowDossier.current
                wrapMode: Text.WordWrap
            }
            BodyText {
                objectName: "followPayment"
                Layout.fillWidth: true
                visible: text.length > 0
                text: FollowDossier.payment
                font.bold: true
                color: FollowDossier.paymentDue ? Theme.text : Theme.ok
                wrapMode: Text.WordWrap
            }
            BodyText {
                objectName: "followReceiptMessage"
                Layout.fillWidth: true
                visible: text.length > 0
                text: FollowDossier.receiptMessage
                wrapMode: Text.WordWrap
            }
            Column {
                Layout.fillWidth: true
                spacing: 4
                Repeater {
                    objectName: "followTimeline"
                    model: FollowDossier.timeline
                    Row {
                        id: step
                        required property string status
                        required property string when
                        required property bool current
                        required property int index
                        spacing: Theme.gap
                        Rectangle {  // the timeline's dot: filled for the current status
                            width: 32; height: 32; radius: 16
                            anchors.verticalCenter: parent.verticalCenter
                            color: step.current ? Theme.primary : Theme.surface
                            border.color: Theme.primary
                            border.width: 5
                        }
                        BodyText {
                            objectName: "followStep_" + step.index
                            width: Math.max(420, implicitWidth)  // a date in large text is wider
                            text: step.when
                            color: Theme.mutedText
                        }
                        BodyText {
                            objectName: "followStatus_" + step.index
                            text: step.status
                            font.bold: step.current
                        }
                    }
                }
            }
            BodyText {
                objectName: "followMessage"
                Layout.fillWidth: true
                visible: text.length > 0
                text: FollowDossier.message
                wrapMode: Text.WordWrap
                font.bold: true
            }
            Rectangle {
                Layout.fillWidth: true
                visible: FollowDossier.localKnowledge.length > 0
                implicitHeight: knows.implicitHeight + 2 * Theme.gap
                color: Theme.surface
                border.color: Theme.border
                border.width: 3
                radius: Theme.radius
                Column {
                    id: knows
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.gap }
                    spacing: Theme.gap / 2
                    BodyText {
                        text: I18n.s["follow.result.kiosk_knows"]
                        font.bold: true
                    }
                    BodyText {
                        objectName: "followLocal"
                        width: parent.width
                        text: FollowDossier.localKnowledge
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            spacing: Theme.gap
            KioskButton {  // the province reports the fee paid: the citizen prints the e-receipt
                objectName: "followPrintEReceipt"
                visible: FollowDossier.paid
                enabled: !FollowDossier.receiptPrinting
                text: I18n.s["payments.ereceipt.print"]
                onClicked: FollowDossier.printEReceipt()
            }
            KioskButton {
                objectName: "followAgain"
                visible: FollowDossier.outcome !== "found"
                text: I18n.s["follow.result.try_again"]
                onClicked: FollowDossier.lookUpAgain()
            }
            KioskButton {
                objectName: "followAnother"
                primary: FollowDossier.outcome === "found"
                text: I18n.s["follow.result.another"]
                onClicked: FollowDossier.another()
            }
        }
    }
}
