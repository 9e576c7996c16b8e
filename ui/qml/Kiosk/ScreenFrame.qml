// The frame of every screen: the window's top bar (TopBar: Back, Home, the toggles), the
// question as heading, "Bước n/N"; nothing essential in the top or bottom 5 %.
import QtQuick
import KioskApp

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
    readonly property Item barPlace: barSlot
    property TopBar bar: null  // the window's top bar, while it is in this screen
    signal backRequested()
    signal headingHeld()  // the hidden way into technician mode (home screen only)

    color: Theme.background

    // the window's top bar goes here while the screen shows (TopBar)
    Item {
        id: barSlot
        objectName: "topBarSlot"
        anchors { left: parent.left; right: parent.right; top: parent.top
                  topMargin: parent.height * 0.05; leftMargin: Theme.margin; rightMargin: Theme.margin }
        // the staff call's button too, where it stands below the bar (so taps reach it)
        height: frame.bar !== null ? Math.max(frame.bar.height, frame.bar.callStaffBottom) : 0
    }

    readonly property real callStaffReserve: bar !== null ? bar.callStaffReserve : 0

    // a screen made short by the keyboard keeps its room for the question and its problem: the
    // step folds away, still shown to speech, so it is not announced anew as the keyboard closes
    Item {
        id: stepBox
        anchors { left: parent.left; top: barSlot.top; leftMargin: Theme.margin
                  topMargin: (frame.bar !== null ? frame.bar.height : 0) + Theme.gap }
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
                      ? barSlot.y + frame.bar.callStaffBottom + Theme.gap - heading.y - heading.height
                      : 0)
                  leftMargin: Theme.margin; rightMargin: Theme.margin
                  bottomMargin: parent.height * 0.05 }
    }
}
