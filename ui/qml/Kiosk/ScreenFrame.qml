// The frame of every screen: the question as heading, "Bước n/N", Back and Home always in the
// same place, language and display toggles; nothing essential in the top or bottom 5 %.
import QtQuick
import KioskApp
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

    color: Theme.background

    Item {
        id: topBar
        objectName: "topBar"
        anchors { left: parent.left; right: parent.right; top: parent.top
                  topMargin: parent.height * 0.05; leftMargin: Theme.margin; rightMargin: Theme.margin }
        // the toggles share the line with Back and Home while they fit, else take a line below
        readonly property bool oneLine: navigation.width + Theme.gap + toggles.width <= width
        height: oneLine ? Math.max(Theme.touchTarget, navigation.height, toggles.height)
                        : navigation.height + Theme.gap / 2 + toggles.height

        Row {
            id: navigation
            spacing: Theme.gap
            y: topBar.oneLine ? (topBar.height - height) / 2 : 0
            KioskButton {
                objectName: "backButton"
                visible: frame.showBack
                primary: false
                minimumWidth: 160
                text: I18n.s["common.back"]
                onClicked: frame.backRequested()
            }
            KioskButton {
                objectName: "homeButton"
                visible: frame.showHome
                primary: false
                minimumWidth: 160
                text: I18n.s["common.home"]
                onClicked: Shell.home()
            }
        }
        Row {
            id: toggles
            anchors.right: parent.right
            y: topBar.oneLine ? (topBar.height - height) / 2 : navigation.height + Theme.gap / 2
            spacing: Theme.gap
            KioskButton {
                // speech for the rest of the session (and the screen read now)
                objectName: "listenButton"
                primary: Speech.on
                minimumWidth: 160
                text: I18n.s["speech.listen"]
                onClicked: Speech.listen()
            }
            KioskButton {
                objectName: "largeTextButton"
                primary: false
                minimumWidth: 160
                text: I18n.s["shell.large_text"] + ": "
                      + I18n.s[Theme.largeText ? "shell.on" : "shell.off"]
                onClicked: Theme.toggleLargeText()
            }
            KioskButton {
                objectName: "contrastButton"
                primary: false
                minimumWidth: 160
                text: I18n.s["shell.high_contrast"] + ": "
                      + I18n.s[Theme.highContrast ? "shell.on" : "shell.off"]
                onClicked: Theme.toggleHighContrast()
            }
            KioskButton {
                objectName: "languageButton"
                primary: false
                minimumWidth: 160
                text: I18n.s["common.language_switch"]
                onClicked: I18n.toggle()
            }
        }
    }

    BodyText {
        id: stepLabel
        objectName: "stepLabel"
        anchors { left: parent.left; top: topBar.bottom; topMargin: Theme.gap; leftMargin: Theme.margin }
        visible: frame.stepTotal > 0
        height: visible ? implicitHeight : 0
        text: I18n.s["common.step"].replace("{n}", frame.step).replace("{total}", frame.stepTotal)
        color: Theme.mutedText
    }

    HeadingText {
        id: heading
        objectName: "screenHeading"
        anchors { left: parent.left; right: parent.right; top: stepLabel.bottom
                  topMargin: Theme.gap; leftMargin: Theme.margin; rightMargin: Theme.margin }
        text: frame.title
        wrapMode: Text.WordWrap
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
                  topMargin: Theme.gap * 2; leftMargin: Theme.margin; rightMargin: Theme.margin
                  bottomMargin: parent.height * 0.05 }
    }
}
