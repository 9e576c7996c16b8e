// The kiosk window: one screen at a time (named by shell.screen), the idle warning and any notice
// on top.
pragma ComponentBehavior: Bound
import QtQuick
import KioskApp
import QtQuick.Window
import Kiosk

Window {
    id: root
    objectName: "kioskWindow"
    width: Shell.windowWidth
    height: Shell.windowHeight
    visible: true
    title: "Kiosk"
    color: Theme.background

    // the keypad: keys a screen's controls do not take (Tab and Shift+Tab move by themselves),
    // on the screen and on the bars under it
    function keypad(event) {
        switch (event.key) {
        case Qt.Key_Down:  // from a field into its keyboard, where one is open
            if (!keyboard.enter(root.activeFocusItem) && !pinnedKeyboard.enter(root.activeFocusItem))
                Speech.move(true)
            break
        case Qt.Key_Right: Speech.move(true); break
        case Qt.Key_Up: case Qt.Key_Left: Speech.move(false); break
        case Qt.Key_Backspace: Speech.back(); break
        case Qt.Key_0: Speech.repeat(); break
        case Qt.Key_9: Speech.readAll(); break
        case Qt.Key_Plus: Speech.louder(); break
        case Qt.Key_Minus: Speech.softer(); break
        default: return
        }
        event.accepted = true
    }

    Item {
        id: screenArea
        // screens shrink above the on-screen keyboard and a notice rather than hide behind them
        anchors { left: parent.left; right: parent.right; top: parent.top
                  bottom: bars.height > 0 ? bars.top : keyboard.open ? keyboard.top : parent.bottom
                  bottomMargin: bars.height > 0 ? Theme.gap : 0 }

        // The home screen is made once and kept: every journey starts and ends there, and all
        // it shows follows the shell (the centre, the clock, language, text size, contrast).
        // Shown again, the focus goes to the screen itself: a control the last citizen's keypad
        // framed would otherwise take it back.
        Loader {
            id: homeScreen
            objectName: "homeScreen"
            anchors.fill: parent
            source: "screens/Home.qml"
            asynchronous: false
            visible: Shell.screen === "Home"
            onVisibleChanged: if (visible && item !== null) (item as Item).forceActiveFocus()
            Keys.onPressed: (event) => root.keypad(event)
            onStatusChanged: if (status === Loader.Error) Shell.screenFailed("Home")
        }

        // every other screen, made as it is shown
        Loader {
            id: screenLoader
            objectName: "screenLoader"
            anchors.fill: parent
            source: Shell.screen === "Home" ? "" : "screens/" + Shell.screen + ".qml"
            asynchronous: false
            focus: true
            Keys.onPressed: (event) => root.keypad(event)
            onLoaded: forceActiveFocus()
            onStatusChanged: if (status === Loader.Error) Shell.screenFailed(Shell.screen)
        }
    }

    // the top bar, made once and moved into the screen on show (its ScreenFrame's place); a
    // control of it the keypad had framed hands the focus to the new screen, as a new bar would
    TopBar {
        id: topBar
        readonly property ScreenFrame shown: homeScreen.visible ? homeScreen.item as ScreenFrame
                                                                : screenLoader.item as ScreenFrame
        property ScreenFrame placedIn: null
        frame: placedIn
        parent: placedIn !== null ? placedIn.barPlace : root.contentItem
        visible: placedIn !== null
        onShownChanged: {
            if (shown === null) return  // between two screens: it moves once the next is made
            var focused = root.activeFocusItem, hadFocus = false
            for (var item = focused; item; item = item.parent)
                if (item === topBar) hadFocus = true
            if (placedIn !== null) placedIn.bar = null
            placedIn = shown
            shown.bar = topBar
            if (hadFocus) shown.forceActiveFocus()
        }
    }

    // messages under the screen, which shrinks above them rather than hide behind them
    Column {
        id: bars
        objectName: "screenBars"
        anchors { left: parent.left; right: parent.right
                  bottom: keyboard.open ? keyboard.top : parent.bottom
                  bottomMargin: keyboard.open ? Theme.gap : parent.height * 0.06
                  leftMargin: Theme.margin; rightMargin: Theme.margin }
        spacing: Theme.gap
        Keys.onPressed: (event) => root.keypad(event)
        Rectangle {
            id: noticeBar
            objectName: "notice"
            visible: Shell.notice.length > 0
            width: parent.width
            height: Math.max(noticeText.implicitHeight, closeNotice.height) + 2 * Theme.gap
            radius: Theme.radius
            color: Theme.dangerSurface
            border.color: Theme.danger
            border.width: 4
            StatusIcon {
                id: noticeIcon
                kind: "problem"
                anchors { left: parent.left; verticalCenter: parent.verticalCenter; margins: Theme.gap }
            }
            BodyText {
                id: noticeText
                anchors { left: noticeIcon.right; right: closeNotice.left; verticalCenter: parent.verticalCenter
                          margins: Theme.gap }
                text: Shell.notice
                wrapMode: Text.WordWrap
            }
            KioskButton {
                id: closeNotice
                anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.gap }
                primary: false
                text: "OK"
                onClicked: Shell.dismissNotice()
            }
        }
        AssistanceBar {
            objectName: "assistanceBar"
            width: parent.width
        }
    }

    Keyboard {
        id: keyboard
        objectName: "keyboard"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom
                  bottomMargin: parent.height * 0.05 }
        height: implicitHeight
        onTypedWithKeys: (said) => Speech.say(said)
        // the volume keys work on its keys too (the digits type there)
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_Plus) Speech.louder()
            else if (event.key === Qt.Key_Minus) Speech.softer()
            else return
            event.accepted = true
        }
    }

    // the keyboard a screen pins to one of its fields (KeyboardDock, the catalogue search):
    // made the first time a screen places it, then kept and moved into each such screen
    Loader {
        id: pinnedKeyboard
        readonly property KeyboardDock dock: screenLoader.item !== null
            ? (screenLoader.item as ScreenFrame).keyboardDock : null
        property bool made: false
        function enter(field: Item): bool {
            return item !== null && (item as Keyboard).enter(field)
        }
        parent: dock !== null ? dock : root.contentItem
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: implicitHeight
        visible: dock !== null
        active: dock !== null || made
        onLoaded: made = true
        sourceComponent: Keyboard {
            objectName: "pinnedKeyboard"
            followFocus: false
            target: pinnedKeyboard.dock !== null ? pinnedKeyboard.dock.field : null
            keyHeight: pinnedKeyboard.dock !== null ? pinnedKeyboard.dock.keyHeight : 76
            maxKeyWidth: pinnedKeyboard.dock !== null ? pinnedKeyboard.dock.maxKeyWidth : 190
            onTypedWithKeys: (said) => Speech.say(said)
        }
    }

    IdleWarning { objectName: "idleWarning" }
}
