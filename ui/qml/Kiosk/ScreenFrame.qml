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
    property bool showCallStaff: true  // technician screens have no one to call
    property KeyboardDock keyboardDock: null  // where the window's pinned keyboard goes
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
                textSize: Theme.barTextSize
                text: I18n.s["common.back"]
                onClicked: frame.backRequested()
            }
            KioskButton {
                objectName: "homeButton"
                visible: frame.showHome
                primary: false
                minimumWidth: 160
                textSize: Theme.barTextSize
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
                textSize: Theme.barTextSize
                text: I18n.s["speech.listen"]
                onClicked: Speech.listen()
            }
            KioskButton {
                objectName: "largeTextButton"
                primary: false
                minimumWidth: 160
                textSize: Theme.barTextSize
                text: I18n.s["shell.large_text"] + ": "
                      + I18n.s[Theme.largeText ? "shell.on" : "shell.off"]
                onClicked: Theme.toggleLargeText()
            }
            KioskButton {
                objectName: "contrastButton"
                primary: false
                minimumWidth: 160
                textSize: Theme.barTextSize
                text: I18n.s["shell.high_contrast"] + ": "
                      + I18n.s[Theme.highContrast ? "shell.on" : "shell.off"]
                onClicked: Theme.toggleHighContrast()
            }
            KioskButton {
                objectName: "languageButton"
                primary: false
                minimumWidth: 160
                textSize: Theme.barTextSize
                text: I18n.s["common.language_switch"]
                onClicked: I18n.toggle()
            }
        }
        // "Gọi cán bộ hỗ trợ": after Back and Home when it fits there (the toggles on the same line
        // or on a line of their own), else at the right of the step and heading, which wrap before
        // it; part of the top bar wherever it stands (speech reads it with the bar, not the screen)
        KioskButton {
            id: callStaff
            objectName: "callStaffButton"
            visible: frame.showCallStaff
            primary: false
            minimumWidth: 160
            textSize: Theme.barTextSize
            readonly property real afterNavigation: navigation.width > 0 ? navigation.width + Theme.gap : 0
            readonly property bool inTopBar: !topBar.oneLine
                || afterNavigation + width + Theme.gap + toggles.width <= topBar.width
            x: inTopBar ? afterNavigation : topBar.width - width
            y: !inTopBar ? topBar.height + Theme.gap : topBar.oneLine ? (topBar.height - height) / 2 : 0
            text: Assistance.buttonText
            onClicked: Assistance.call()
        }
    }

    readonly property real callStaffReserve: callStaff.visible && !callStaff.inTopBar
                                             ? callStaff.width + Theme.gap : 0

    // a screen made short by the keyboard keeps its room for the question and its problem: the
    // step folds away, still shown to speech, so it is not announced anew as the keyboard closes
    Item {
        id: stepBox
        anchors { left: parent.left; top: topBar.bottom; topMargin: Theme.gap; leftMargin: Theme.margin }
        visible: frame.stepTotal > 0
        width: stepLabel.implicitWidth
        height: visible && frame.height >= 720 ? stepLabel.implicitHeight : 0
        clip: true
        BodyText {
            id: stepLabel
            objectName: "stepLabel"
            text: I18n.s["common.step"].replace("{n}", frame.step).replace("{total}", frame.stepTotal)
            color: Theme.mutedText
        }
    }

    HeadingText {
        id: heading
        objectName: "screenHeading"
        anchors { left: parent.left; right: parent.right; top: stepBox.bottom
                  topMargin: Theme.gap; leftMargin: Theme.margin
                  rightMargin: Theme.margin + frame.callStaffReserve }
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
        // below the heading, and below the call button when it stands beside the heading
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom
                  topMargin: Math.max(Theme.gap * 2, frame.callStaffReserve > 0
                      ? topBar.y + callStaff.y + callStaff.height + Theme.gap - heading.y - heading.height
                      : 0)
                  leftMargin: Theme.margin; rightMargin: Theme.margin
                  bottomMargin: parent.height * 0.05 }
    }
}
