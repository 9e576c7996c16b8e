// A place on a screen for a keyboard pinned to one field, beside what the field finds (the
// catalogue search): the window makes that keyboard the first time a screen places it and keeps
// it, moving it here each time such a screen shows, instead of the screen making ~45 keys of
// its own. The screen names it as its ScreenFrame's `keyboardDock`.
import QtQuick

Item {
    required property Item field  // typed into; it keeps the keyboard open
    property int keyHeight: 76
    property int maxKeyWidth: 190
    height: childrenRect.height
}
