// The top bar of every screen: Back and Home always in the same place, speech, text size,
// contrast and language, and "Gọi cán bộ hỗ trợ". The window makes it once and moves it into
// the screen on show (its ScreenFrame's place for it), so a screen does not make its seven
// buttons anew; inside the screen, speech and the keypad find it where they always did.
import QtQuick
import KioskApp

Item {
    id: topBar
    objectName: "topBar"
    // the screen it shows in, whose place it fills and whose Back it calls
    property ScreenFrame frame: null
    anchors { left: parent.left; right: parent.right; top: parent.top }
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
            visible: topBar.frame !== null && topBar.frame.showBack
            primary: false
            minimumWidth: 160
            textSize: Theme.barTextSize
            text: I18n.s["common.back"]
            onClicked: topBar.frame.backRequested()
        }
        KioskButton {
            objectName: "homeButton"
            visible: topBar.frame !== null && topBar.frame.showHome
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
        visible: topBar.frame !== null && topBar.frame.showCallStaff
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

    // room the staff call takes beside the screen's heading when it does not fit in the bar,
    // and where it ends (in the bar's coordinates)
    readonly property real callStaffReserve: callStaff.visible && !callStaff.inTopBar
                                             ? callStaff.width + Theme.gap : 0
    readonly property real callStaffBottom: callStaff.y + callStaff.height
}
