"""A citizen who cannot see the screen: key events only (no taps), speech on with the 0 key,
and what the kiosk said at each step is what the screen shows. The four journeys the issue
names: take a number, find a procedure's paper list, follow a dossier, rate the service."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

from tests.speech.keypad_reach import walk_with_the_keypad

DIGIT_KEYS = {str(n): Qt.Key(Qt.Key.Key_0.value + n) for n in range(10)}
KEY_TEXT = {
    **{key: digit for digit, key in DIGIT_KEYS.items()},
    Qt.Key.Key_Period: ".",
    Qt.Key.Key_Plus: "+",
    Qt.Key.Key_Minus: "-",
}


def press(ui, qtbot, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, KEY_TEXT.get(key, ""))
            QGuiApplication.sendEvent(ui.window, event)
        qtbot.wait(20)


def focused_label(ui) -> str:
    item = ui.window.activeFocusItem()
    return str(item.property("spokenText") or "") if item is not None else ""


def wait_screen(ui, qtbot, screen: str) -> None:
    qtbot.waitUntil(lambda: ui.shell.screen == screen, timeout=10_000)
    qtbot.wait(50)


def test_take_a_number_with_the_keypad_alone(kiosk_ui, qtbot) -> None:
    ui, s = kiosk_ui, kiosk_ui.i18n.strings
    press(ui, qtbot, Qt.Key.Key_0)  # speech on, the home screen read
    assert ui.core.speaker.enabled
    home = ui.speech.spoken[-1]
    press(ui, qtbot, Qt.Key.Key_Down)  # the first choice: the first tile
    first = focused_label(ui)
    assert first and ui.speech.spoken[-1] == first
    assert first.split(".")[0] in home  # the tile read on focus is one of the choices read
    while ui.find("tile_take_number") is not ui.window.activeFocusItem():
        press(ui, qtbot, Qt.Key.Key_Down)
    press(ui, qtbot, Qt.Key.Key_Return)
    wait_screen(ui, qtbot, "TakeNumberService")
    service_screen = ui.speech.spoken[-1]
    assert service_screen.startswith(s["ticket.choose_service"])
    for service in ui.core.config.queue.services:
        assert service.name.vi in service_screen
    # the keypad starts on the first service, which Enter takes
    assert focused_label(ui).startswith(ui.core.config.queue.services[0].name.vi)
    press(ui, qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.shell.screen in ("TakeNumberPriority", "TakeNumberTicket"))
    if ui.shell.screen == "TakeNumberPriority":
        qtbot.wait(50)
        assert ui.speech.spoken[-1].startswith(ui.speech.describe().heading)
        press(ui, qtbot, Qt.Key.Key_Return)  # the first choice: no priority
    wait_screen(ui, qtbot, "TakeNumberTicket")
    number = ui.find("ticketNumber").property("text")
    qtbot.waitUntil(lambda: number in ui.speech.spoken[-1])
    press(ui, qtbot, Qt.Key.Key_Plus)
    assert ui.speech.spoken[-1] == s["speech.volume"].replace("{n}", "90")
    assert ui.core.speaker.settings.volume_percent == 90


def test_back_a_staff_call_and_the_session_end_with_the_keypad(kiosk_ui, qtbot, idle_clock) -> None:
    ui = kiosk_ui
    press(ui, qtbot, Qt.Key.Key_0)
    press(ui, qtbot, Qt.Key.Key_Down)
    while ui.find("tile_take_number") is not ui.window.activeFocusItem():
        press(ui, qtbot, Qt.Key.Key_Down)
    press(ui, qtbot, Qt.Key.Key_Enter)
    wait_screen(ui, qtbot, "TakeNumberService")
    press(ui, qtbot, Qt.Key.Key_Minus)
    assert ui.core.speaker.settings.volume_percent == 70

    # staff called with the keypad: the answer is said when it comes, and its bar's button is
    # reached, framed and said like the screen's own (the walk finds every control there)
    choose(ui, qtbot, "callStaffButton")
    qtbot.waitUntil(lambda: ui.assistance.state == "coming", timeout=10_000)
    assert ui.speech.spoken[-1] == ui.i18n.strings["assistance.coming"]
    press(ui, qtbot, Qt.Key.Key_0)  # said again with the screen
    assert ui.speech.spoken[-1].endswith(ui.i18n.strings["assistance.coming"])
    reach = walk_with_the_keypad(ui)
    assert not reach.unreached and not reach.unspoken, reach
    choose(ui, qtbot, "assistanceDismiss")
    assert not ui.find("assistanceBar").isVisible()

    # "still there?" is said, Enter on its button keeps the session, the focus comes back
    press(ui, qtbot, Qt.Key.Key_Down)  # on from the bar's button, hidden with its bar
    focused = ui.window.activeFocusItem()
    assert focused.isVisible() and said_on_arrival(ui)
    idle_clock.now += ui.core.config.ui.idle_seconds + 1
    qtbot.waitUntil(lambda: ui.window.activeFocusItem() is ui.find("stillHereButton"))
    warning = ui.speech.spoken[-1]
    assert warning.startswith(ui.i18n.strings["idle.title"])
    assert warning.endswith(ui.i18n.strings["idle.stay"] + ".")
    press(ui, qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not ui.shell.idleWarning)
    qtbot.waitUntil(lambda: ui.window.activeFocusItem() is focused)
    assert ui.speech.spoken[-1] == focused.property("spokenText")
    press(ui, qtbot, Qt.Key.Key_Backspace)
    wait_screen(ui, qtbot, "Home")
    ui.shell.end_session()  # the session ends ("Trang chủ" alone keeps speech on)
    assert not ui.core.speaker.enabled
    assert ui.core.speaker.settings.volume_percent == 80


def choose(ui, qtbot, name: str) -> str:
    """Arrow down to the control called `name` (its words spoken on arrival), then Enter."""
    for _ in range(60):
        item = ui.window.activeFocusItem()
        if item is not None and item.objectName() == name:
            break
        press(ui, qtbot, Qt.Key.Key_Down)
    else:
        seen = ui.speech.spoken[-8:]
        raise AssertionError(
            f"{name} cannot be reached with the arrows on {ui.shell.screen}: {seen}"
        )
    label = focused_label(ui)
    # spoken on arrival, or (the screen's first choice, where the keypad starts) with the screen
    assert label and label in ui.speech.spoken[-1]
    press(ui, qtbot, Qt.Key.Key_Return)
    return label


def opened(ui, qtbot, screen: str) -> str:
    """The screen opened and was read: heading first, then its choices."""
    wait_screen(ui, qtbot, screen)
    heading = " ".join(ui.find("screenHeading").property("text").split())
    # (a screen whose list fills in after it opens then says the rest)
    qtbot.waitUntil(lambda: any(t.startswith(heading) for t in ui.speech.spoken[-3:]))
    return next(t for t in reversed(ui.speech.spoken) if t.startswith(heading))


def test_rate_the_service_with_the_keypad_alone(kiosk_ui, qtbot) -> None:
    ui = kiosk_ui
    press(ui, qtbot, Qt.Key.Key_0)
    choose(ui, qtbot, "tile_rating")
    levels = opened(ui, qtbot, "RatingLevel")
    for level in ("very_satisfied", "satisfied", "dissatisfied"):
        button = ui.find("level_" + level)
        if button is not None:
            assert button.property("spokenText") in levels
    assert choose(ui, qtbot, "level_satisfied")
    opened(ui, qtbot, "RatingSubject")
    choose(ui, qtbot, "ratingWholeCentre")
    opened(ui, qtbot, "RatingMore")
    choose(ui, qtbot, "ratingSend")
    qtbot.waitUntil(
        lambda: ui.find("ratingThanks") is not None and ui.find("ratingThanks").isVisible(),
        timeout=15_000,
    )
    thanks = ui.find("ratingThanks").property("text")
    qtbot.waitUntil(lambda: " ".join(thanks.split()) in ui.speech.spoken[-1], timeout=5_000)


def test_find_a_procedures_paper_list_with_the_keypad_alone(kiosk_ui, qtbot) -> None:
    ui = kiosk_ui
    press(ui, qtbot, Qt.Key.Key_0)
    choose(ui, qtbot, "tile_find_procedure")
    opened(ui, qtbot, "CatalogueStart")
    choose(ui, qtbot, "way_fields")
    opened(ui, qtbot, "CatalogueFields")
    choose(ui, qtbot, "field_ho-tich")
    listing = opened(ui, qtbot, "CatalogueList")
    first = ui.journeys["find_procedure"].listItems.rows()[0]
    assert first.name in listing
    choose(ui, qtbot, "procedure_" + first.code)
    detail = opened(ui, qtbot, "CatalogueDetail")
    press(ui, qtbot, Qt.Key.Key_9)  # the whole screen: the paper list itself
    whole = ui.speech.spoken[-1]
    assert len(whole) >= len(detail)
    assert whole.endswith(ui.i18n.strings["speech.keys"])  # and then how the keys work
    assert ui.speech.describe().texts  # the papers are drawn texts the reading includes


def said_on_arrival(ui) -> str:
    """The focused control's words, which must be the last thing said."""
    label = focused_label(ui)
    assert label and ui.speech.spoken[-1] == label, (label, ui.speech.spoken[-3:])
    return label


def walk_to_key(ui, qtbot, name: str) -> None:
    """Up and Down to the key's row, Left and Right along it, each key said as it is framed."""
    key = ui.find(name)
    assert key is not None, name
    for _ in range(12):
        row = ui.window.activeFocusItem().property("row")
        if row == key.property("row"):
            break
        press(ui, qtbot, Qt.Key.Key_Down if row < key.property("row") else Qt.Key.Key_Up)
        said_on_arrival(ui)
    for _ in range(12):
        column = ui.window.activeFocusItem().property("column")
        if column == key.property("column"):
            break
        press(ui, qtbot, Qt.Key.Key_Right if column < key.property("column") else Qt.Key.Key_Left)
        said_on_arrival(ui)
    assert ui.window.activeFocusItem().objectName() == name


KEY_OF_SIGN = {".": "key_.", "-": "key_-"}


def type_with_keys(ui, qtbot, field: str, text: str) -> None:
    """A keypad alone: its digit keys type digits (in the field or on the keyboard); a letter
    or sign is picked on the on-screen keyboard (Down from the field into it, the arrows to
    the key, Enter), which says the key on arrival and again once typed."""
    for char in text:
        if char in DIGIT_KEYS:
            press(ui, qtbot, DIGIT_KEYS[char])
            continue
        if ui.window.activeFocusItem().objectName() == field:
            press(ui, qtbot, Qt.Key.Key_Down)  # into the keyboard: its first key
            said_on_arrival(ui)
        walk_to_key(ui, qtbot, KEY_OF_SIGN.get(char, f"key_{char.lower()}"))
        label = focused_label(ui)
        press(ui, qtbot, Qt.Key.Key_Return)
        assert ui.speech.spoken[-1] == label  # what it typed, said


def test_follow_a_dossier_with_the_keypad_alone(kiosk_ui, qtbot) -> None:
    ui, s = kiosk_ui, kiosk_ui.i18n.strings
    code = "000.00.06.H56-231027-0361"
    province = ui.core.province
    province.hand_in_dossier(code, {"procedure_code": "1.001193", "form": {}}, [])
    outbox = province.opened().outbox
    qtbot.waitUntil(lambda: outbox.item(code).acked_at is not None, timeout=10_000)

    press(ui, qtbot, Qt.Key.Key_0)
    choose(ui, qtbot, "tile_follow_dossier")
    opened(ui, qtbot, "FollowScan")
    choose(ui, qtbot, "followTypeInstead")
    typing = opened(ui, qtbot, "FollowType")
    # the keypad starts in the code's field, which says it is one and how to type in it
    assert ui.window.activeFocusItem().objectName() == "followCodeField"
    assert f"{s['follow.type.label']}. {s['speech.field']}" in typing

    field = ui.find("followCodeField")
    mistake = "000.00.06.H56-231399-0361"  # no 39th month: the kiosk says why, aloud
    type_with_keys(ui, qtbot, "followCodeField", mistake)
    assert field.property("text") == mistake
    assert {s["keyboard.symbol.period"], s["keyboard.symbol.hyphen"]} <= set(ui.speech.spoken)
    # "Xong" on the keyboard goes on to the field's next control: look it up
    walk_to_key(ui, qtbot, "key_done")
    press(ui, qtbot, Qt.Key.Key_Return)
    assert said_on_arrival(ui) == s["follow.type.look_up"]
    assert not ui.find("keyboard").isVisible()
    press(ui, qtbot, Qt.Key.Key_Return)
    problem = ui.find("followProblem")
    qtbot.waitUntil(lambda: problem.property("message") != "", timeout=5_000)
    said = " ".join(problem.property("message").split())
    qtbot.waitUntil(lambda: said in ui.speech.spoken[-1], timeout=5_000)
    assert ui.shell.screen == "FollowType"

    press(ui, qtbot, Qt.Key.Key_Up)  # back to the field, which says what is typed in it
    assert said_on_arrival(ui).startswith(s["follow.type.label"])
    assert ui.speech.spoken[-1].endswith(f"{s['speech.typed']} {mistake}")
    press(ui, qtbot, Qt.Key.Key_Backspace, len("1399-0361"))
    assert ui.shell.screen == "FollowType" and field.property("text") == mistake[:-9]
    type_with_keys(ui, qtbot, "followCodeField", "1027-0361")
    assert field.property("text") == code
    while ui.window.activeFocusItem() is not field:  # Up from the top row: the field again
        press(ui, qtbot, Qt.Key.Key_Up)
    press(ui, qtbot, Qt.Key.Key_Return)
    result = opened(ui, qtbot, "FollowResult")
    assert ui.find("followStatus_0").property("text") in result
    assert ui.find("followCurrent").property("text") in result
    assert choose(ui, qtbot, "followAnother")
    opened(ui, qtbot, "FollowScan")  # another dossier starts again from its first step


def test_rate_a_dossier_typing_its_code_with_the_keypad_alone(kiosk_ui, qtbot) -> None:
    ui = kiosk_ui
    press(ui, qtbot, Qt.Key.Key_0)
    choose(ui, qtbot, "tile_rating")
    opened(ui, qtbot, "RatingLevel")
    choose(ui, qtbot, "level_satisfied")
    opened(ui, qtbot, "RatingSubject")
    choose(ui, qtbot, "ratingByDossier")
    opened(ui, qtbot, "RatingDossier")
    assert ui.window.activeFocusItem().objectName() == "ratingCodeField"
    code = "000.00.06.H56-240115-0042"
    type_with_keys(ui, qtbot, "ratingCodeField", code)
    assert ui.find("ratingCodeField").property("text") == code
    # on the keyboard too the keypad's point types a point, and Backspace deletes it
    press(ui, qtbot, Qt.Key.Key_Period)
    assert ui.find("ratingCodeField").property("text") == code + "."
    assert ui.speech.spoken[-1] == ui.i18n.strings["keyboard.symbol.period"]
    press(ui, qtbot, Qt.Key.Key_Backspace)
    assert ui.find("ratingCodeField").property("text") == code
    assert ui.speech.spoken[-1] == ui.i18n.strings["keyboard.backspace"]
    # "123" switches to the signs, the keypad's frame on their "ABC", which switches back
    walk_to_key(ui, qtbot, "layout_symbols")
    press(ui, qtbot, Qt.Key.Key_Return)
    assert ui.window.activeFocusItem().objectName() == "layout_letters"
    assert said_on_arrival(ui) == ui.i18n.strings["keyboard.letters"]
    press(ui, qtbot, Qt.Key.Key_Return)
    assert ui.window.activeFocusItem().objectName() == "layout_symbols"
    # in English the keys say their English names (the screen read again, the field first)
    ui.i18n.setLanguage("en")
    qtbot.waitUntil(lambda: ui.window.activeFocusItem().objectName() == "ratingCodeField")
    press(ui, qtbot, Qt.Key.Key_Down)
    walk_to_key(ui, qtbot, "key_space")
    assert said_on_arrival(ui) == "Space"
    walk_to_key(ui, qtbot, "key_done")
    assert said_on_arrival(ui) == "Done"
    press(ui, qtbot, Qt.Key.Key_Return)
    assert said_on_arrival(ui) == "Continue"
    press(ui, qtbot, Qt.Key.Key_Return)
    opened(ui, qtbot, "RatingMore")
    assert ui.journeys["rating"].journey.dossier_code == code
