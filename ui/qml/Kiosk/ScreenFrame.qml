// The frame of every screen: the question as heading, "Bước n/N", Back and Home always in the
// same place, language and display toggles; nothing essential in the top or bottom 5 %.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: frame
    property string title: ""
    property int step: 0
    property int stepTotal: 0
    property bool showBack: true
    property bool showHome: true
    default property alias content: body.data
    signal backRequested()
    signal headingHeld()  // the hidden way into technician mode (home screen only)

    color: theme.background

    Item {
        id: topBar
        anchors { left: parent.left; right: parent.right; top: parent.top
                  topMargin: parent.height * 0.05; leftMargin: theme.margin; rightMargin: theme.margin }
        height: theme.touchTarget

        Row {
            spacing: theme.gap
            anchors.verticalCenter: parent.verticalCenter
            KioskButton {
                objectName: "backButton"
                visible: frame.showBack
                primary: false
                text: i18n.s["common.back"]
                onClicked: frame.backRequested()
            }
            KioskButton {
                objectName: "homeButton"
                visible: frame.showHome
                primary: false
                text: i18n.s["common.home"]
                onClicked: shell.home()
            }
        }
        Text {
            anchors.centerIn: parent
            visible: frame.stepTotal > 0
            text: i18n.s["common.step"].replace("{n}", frame.step).replace("{total}", frame.stepTotal)
            font.pixelSize: theme.bodySize
            color: theme.mutedText
        }
        Row {
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            spacing: theme.gap
            KioskButton {
                objectName: "largeTextButton"
                primary: false
                implicitWidth: 120
                text: "A+"
                Accessible.name: i18n.s["shell.large_text"]
                onClicked: theme.toggleLargeText()
            }
            KioskButton {
                objectName: "contrastButton"
                primary: false
                implicitWidth: 120
                text: ""
                Accessible.name: i18n.s["shell.high_contrast"]
                ContrastIcon { anchors.centerIn: parent }
                onClicked: theme.toggleHighContrast()
            }
            KioskButton {
                objectName: "languageButton"
                primary: false
                text: i18n.s["common.language_switch"]
                onClicked: i18n.toggle()
            }
        }
    }

    Text {
        id: heading
        objectName: "screenHeading"
        anchors { left: parent.left; right: parent.right; top: topBar.bottom
                  topMargin: theme.gap * 2; leftMargin: theme.margin; rightMargin: theme.margin }
        text: frame.title
        wrapMode: Text.WordWrap
        font.pixelSize: theme.headingSize
        font.bold: true
        color: theme.text
        MouseArea {
            objectName: "headingHold"
            anchors.fill: parent
            pressAndHoldInterval: 3000
            onPressAndHold: frame.headingHeld()
        }
    }

    Item {
        id: body
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom
                  topMargin: theme.gap * 2; leftMargin: theme.margin; rightMargin: theme.margin
                  bottomMargin: parent.height * 0.05 }
    }
}
