"""Done when (issue 10): each hand-in procedure walked through the real screens with the
simulated card and camera, a table of screens and typed answers per procedure, and the targets:
birth ≤ 10 screens, marital status ≤ 6, death ≤ 10, at most 3 typed answers in any."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hardware.card_reader.demo_document import demo_citizen, second_citizen
from tests.hand_in.walk import Tally, Walk, identify_with_the_chip

BIRTH, DEATH, MARITAL_STATUS = "1.001193", "1.000656", "1.004873"
TARGETS = {BIRTH: 10, DEATH: 10, MARITAL_STATUS: 6}
MAX_TYPED = 3
# shown while the kiosk works, nothing to do on them (the card already lies on the reader)


def walk_birth(walk: Walk, father_by_card: bool = False) -> None:
    """The mother (the demo card) declares her daughter; the father's details are typed (or,
    `father_by_card`, left for his card on the father's screen)."""
    walk.start(BIRTH)
    walk.answer(
        ["relationship", "child_name", "child_sex", "child_birth_date"],
        typed={"child_name": "Nguyễn Thị An", "child_birth_date": "20112026"},
        chosen={"relationship": "Mẹ", "child_sex": "Nữ"},
    )
    walk.answer(
        ["child_ethnicity", "child_nationality"],
        typed={},
        chosen={"child_ethnicity": "Kinh", "child_nationality": "Việt Nam"},
    )
    # the birth place's page is the child's, though it ends asking whether the father is known
    assert walk.vm.questionTitle == "Người được khai sinh"
    place = {"child_birth_place": ("ha noi|01", "giang vo|00025", "Bệnh viện Phụ sản Hà Nội")}
    if father_by_card:  # "Có, đọc thẻ căn cước của cha" in place of "Có" and his own screen
        walk.answer(
            ["child_birth_place", "father_known"],
            typed={},
            chosen={},
            placed=place,
            go="otherCardNow_father_known",
        )
        return
    walk.answer(
        ["child_birth_place", "father_known"], typed={}, chosen={"father_known": "Có"}, placed=place
    )
    walk.answer(
        [
            "father_name",
            "father_birth_year",
            "father_ethnicity",
            "father_nationality",
            "father_residence",
        ],
        typed={"father_name": "Nguyễn Văn Bình", "father_birth_year": "1988"},
        chosen={"father_ethnicity": "Tày|tay", "father_nationality": "Việt Nam"},
    )
    walk.scan()  # the birth certificate; no authorisation letter: a parent declares


def walk_death(walk: Walk) -> None:
    """A daughter registers her father's death."""
    walk.start(DEATH)
    walk.answer(
        ["relationship", "deceased_name", "deceased_birth_date"],
        typed={"deceased_name": "Trần Văn Cường", "deceased_birth_date": "02/9/1945"},
        chosen={"relationship": "Con"},
    )
    walk.answer(
        ["deceased_ethnicity", "deceased_nationality"],
        typed={},
        chosen={"deceased_ethnicity": "Kinh", "deceased_nationality": "Việt Nam"},
    )
    walk.answer(
        ["deceased_id", "deceased_last_residence"],
        typed={},
        chosen={},
        placed={"deceased_last_residence": ("hn|01", "hong ha|00097")},
    )
    # the fee-exemption question ends the page of the death without renaming it
    assert walk.vm.questionTitle == "Người đã chết"
    walk.answer(
        ["death_date", "death_place", "death_cause", "fee_exemption"],
        typed={"death_date": "25 11 2026"},
        chosen={},
        placed={"death_place": ("ha noi|01", "hong|00097", "Tại nhà")},
    )
    walk.scan()  # the death notice: the evidence standing in for it is not asked for


def walk_marital_status(walk: Walk) -> None:
    walk.start(MARITAL_STATUS)
    assert walk.vm.questionTitle == "Nội dung xác nhận"
    walk.answer(
        ["marital_status", "purpose", "fee_exemption"],
        typed={"purpose": "Để kết hôn"},
        chosen={"marital_status": "Chưa kết hôn", "fee_exemption": "Không thuộc diện miễn"},
    )


def test_each_procedure_from_the_home_tile_to_the_receipt(kiosk, capsys) -> None:
    tallies: dict[str, Tally] = {}
    for code, walk_through in (
        (BIRTH, walk_birth),
        (DEATH, walk_death),
        (MARITAL_STATUS, walk_marital_status),
    ):
        walk = Walk(kiosk)
        walk_through(walk)
        walk.hand_in()
        assert kiosk.ui.journeys["hand_in"].receipt["printed"] is True
        walk.stop()
        tallies[code] = walk.tally
        kiosk.tap("doneButton")
        kiosk.wait_screen("Home")
    with capsys.disabled():
        print("\nprocedure  shown (target)  to act on  typed  screens shown, in order")
        for code, tally in tallies.items():
            acted = tally.screens[1:]  # after the home tile
            print(
                f"{code}   {len(tally.screens):>3} (≤ {TARGETS[code]:>2})   {len(acted):>5}"
                f"      {len(tally.typed)}     {' → '.join(tally.screens)}"
            )
            print(f"{'':>34}typed: {', '.join(tally.typed)}")
    for code, tally in tallies.items():
        assert len(tally.typed) <= MAX_TYPED, (code, tally.typed)
        # one progress language: the identity and scan steps show the hand-in's own "Bước n/6"
        assert {total for _, total in tally.progress} == {6}, (code, tally.progress)
        steps = [step for step, _ in tally.progress]
        assert steps == sorted(steps) and 2 in steps, (code, tally.progress)
    missed = {c: len(t.screens) for c, t in tallies.items() if len(t.screens) > TARGETS[c]}
    assert not missed, f"over the screen targets: {missed}"


def test_every_kind_of_answer_changes_from_the_check_screen(kiosk) -> None:
    walk = Walk(kiosk)
    walk_birth(walk)
    kiosk.wait_screen("HandInCheck")
    vm = walk.vm

    def answers() -> dict[str, str]:
        return {row.fieldId: row.value for row in vm.answers.rows()}

    def change(field_id: str) -> None:
        kiosk.tap(f"change_{field_id}")
        kiosk.wait_screen("HandInQuestion")
        assert field_id in walk.page_ids()

    # a date: the same date field, what a person types; a wrong one is said and kept as typed
    change("child_birth_date")
    assert kiosk.text("field_child_birth_date") == "20/11/2026"
    walk.type("child_birth_date", "15131991")
    kiosk.tap("answerNext")
    kiosk.qtbot.waitUntil(lambda: "tháng phải từ 01 đến 12" in vm.error)
    assert kiosk.ui.shell.screen == "HandInQuestion"
    assert kiosk.text("field_child_birth_date") == "15131991"  # never silently replaced
    assert "tháng" in kiosk.text("error_child_birth_date")
    assert answers()["child_birth_date"] == "20/11/2026"  # nothing kept until it is right
    walk.type("child_birth_date", "1/11/2026")
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInCheck")
    assert answers()["child_birth_date"] == "01/11/2026"

    # a name, typed
    change("child_name")
    walk.type("child_name", "Nguyễn Thị Bình An")
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInCheck")
    assert answers()["child_name"] == "Nguyễn Thị Bình An"

    # a short choice, a year
    change("father_birth_year")
    walk.type("father_birth_year", "1987")
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInCheck")
    change("child_sex")
    kiosk.tap("choice_child_sex_Nam")
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInCheck")
    assert answers()["father_birth_year"] == "1987" and answers()["child_sex"] == "Nam"

    # a long list, searched without diacritics
    change("child_ethnicity")
    kiosk.item("search_child_ethnicity").forceActiveFocus()
    kiosk.send_text("e de")
    kiosk.tap("key_done")
    assert kiosk.item("choice_child_ethnicity_Ê Đê").property("visible")
    assert not kiosk.item("choice_child_ethnicity_Kinh").property("visible")
    kiosk.tap("choice_child_ethnicity_Ê Đê")
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInCheck")
    assert answers()["child_ethnicity"] == "Ê Đê"

    # an address the card gave: its own screen, the card's province, ward and street picked
    # and typed already; another ward is picked and the street stays
    change("requester_residence")
    assert walk.page_ids() == ["requester_residence"]
    assert kiosk.item("province_requester_residence_01").property("primary")
    assert kiosk.item("commune_requester_residence_00070").property("primary")  # Hoàn Kiếm
    assert kiosk.text("field_requester_residence") == "Số 12 phố Tràng Tiền"
    kiosk.tap("commune_requester_residence_00070")  # tapped again: choose another
    walk.place("requester_residence", "hn|01", "hong ha|00097", "Số 12 phố Tràng Tiền")
    (residence,) = vm.questionFields.rows()
    assert [p.code for p in residence.communes.rows()] == ["00097"]  # the ward picked, alone
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInCheck")
    assert (
        answers()["requester_residence"] == "Số 12 phố Tràng Tiền, Phường Hồng Hà, Thành phố Hà Nội"
    )

    # an optional section's yes/no: "no" drops its answers
    change("father_known")
    kiosk.tap("choice_father_known_Không")
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInCheck")
    assert "father_name" not in answers()
    # the declarant's role: a grandmother needs the authorisation letter, asked before the check
    change("relationship")
    kiosk.tap("choice_relationship_Ông, bà")
    kiosk.tap("answerNext")
    # the mother's details no longer come from this card: the section is asked first
    kiosk.qtbot.waitUntil(
        lambda: walk.page_ids() == ["child_birth_place", "mother_known", "father_known"]
    )
    assert "mother_name" not in answers()
    kiosk.tap("choice_mother_known_Không")
    kiosk.tap("answerNext")
    kiosk.wait_screen("ScanCapture")  # the new paper opens straight on the camera
    assert kiosk.text("paperName").startswith("Văn bản ủy quyền")
    kiosk.tap("lackPaper")
    kiosk.wait_screen("HandInCheck")
    papers = [row.name for row in vm.papers.rows()]
    assert papers[0].startswith("Văn bản ủy quyền") and papers[1].startswith("Giấy chứng sinh")
    # a paper: scanned again from the check, or said missing there
    kiosk.tap("changePaper_1")
    kiosk.wait_screen("ScanCapture")
    assert kiosk.text("paperName").startswith("Giấy chứng sinh")
    kiosk.tap("lackPaper")
    kiosk.wait_screen("HandInCheck")
    assert vm.papers.rows()[1].status == kiosk.ui.i18n.strings["hand_in.check.missing"]
    # the citizen walks away: no place they picked is left in the picker's models
    kiosk.tap("homeButton")
    kiosk.wait_screen("Home")
    assert residence.provinces.rows() == [] and residence.communes.rows() == []


FATHER = second_citizen("Nguyễn Văn Bình")


def test_the_other_parents_card_answers_for_him(kiosk, capsys) -> None:
    """The mother declares; the father is there: "Có, đọc thẻ căn cước của cha" where she says
    his details will be given reads his card in place of the screen of his details (≤ 10
    screens). Her own card is refused as his, and his screen comes back to type or retry."""
    reader = kiosk.kiosk.services.card_reader
    walk = Walk(kiosk)
    walk_birth(walk, father_by_card=True)
    reader.insert_card(FATHER)
    identify_with_the_chip(kiosk, FATHER.id_number, FATHER.birth.strftime("%d%m%Y"))
    kiosk.wait_screen("ScanCapture")  # nothing of his left to ask
    answers = walk.vm.journey.draft.answers
    assert answers["father_known"] == "Có"
    assert answers["father_name"] == "Nguyễn Văn Bình" and answers["father_birth_year"] == "1988"
    assert answers["father_residence"] == FATHER.residence
    assert answers["father_nationality"] == "Việt Nam"
    assert {"father_name", "father_birth_year"} <= walk.vm.journey.prefilled()
    walk.scan()
    walk.hand_in()
    walk.stop()
    tally = walk.tally
    with capsys.disabled():
        print(
            f"\n{BIRTH} with the father's card: {len(tally.screens)} screens (≤ 10),"
            f" typed: {', '.join(tally.typed)}\n    {' → '.join(tally.screens)}"
        )
    assert len(tally.screens) <= TARGETS[BIRTH] and "father_name" not in tally.typed
    kiosk.tap("doneButton")
    kiosk.wait_screen("Home")

    reader.insert_card(demo_citizen())
    walk = Walk(kiosk)
    walk_birth(walk, father_by_card=True)  # the mother's own card stays: refused as his
    identify_with_the_chip(kiosk)
    kiosk.wait_screen("HandInQuestion")
    assert "người thứ nhất" in walk.vm.error and walk.vm.journey.other is None
    assert walk.page_ids()[0] == "father_name"  # his screen, to type or read his card again
    assert kiosk.item("readOtherCard").isVisible()
    walk.stop()


def test_with_a_keypad_a_long_list_starts_on_its_first_choice(kiosk) -> None:
    """A physical keypad: on the screen of a long list the keypad starts on its first choice,
    the on-screen keyboard closed; the keyboard opens only once the citizen goes up to the
    list's search field."""
    walk = Walk(kiosk)
    walk.start(BIRTH)
    walk.answer(
        ["relationship", "child_name", "child_sex", "child_birth_date"],
        typed={"child_name": "Nguyễn Thị An", "child_birth_date": "20112026"},
        chosen={"relationship": "Mẹ", "child_sex": "Nữ"},
    )
    assert walk.page_ids() == ["child_ethnicity", "child_nationality"]
    keyboard = kiosk.item("keyboard")

    def focused() -> str:
        """The focused control's name (a choice's button is named by the Loader making it)."""
        item = kiosk.ui.window.activeFocusItem()
        return item.objectName() or item.parentItem().objectName()

    kiosk.press(Qt.Key.Key_Down)  # the first key on a screen lands on its first choice
    assert focused() == "choice_child_ethnicity_Kinh"
    assert not keyboard.property("open")
    kiosk.press(Qt.Key.Key_Up)
    assert focused() == "search_child_ethnicity"
    kiosk.qtbot.waitUntil(lambda: keyboard.property("open"))
