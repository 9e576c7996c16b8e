"""Issue 16: the commune's frequent civil-status procedures beyond birth, death and marital
status, each handed in on the real screens with the simulated card and camera, on one kiosk:
marriage (two people, each with their own card), confirming civil-status information (a fee
per document, with the fee-exemption question), registering a birth or a death again,
guardianship and acknowledging a child. Prints the table of screens and typed answers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hardware.card_reader.demo_document import demo_citizen, second_citizen
from tests.hand_in.walk import Tally, Walk, identify_with_the_chip

MARRIAGE, CONFIRM_RECORDS, BIRTH_AGAIN = "1.000894", "2.002516", "1.004884"
DEATH_AGAIN, GUARDIANSHIP, ACKNOWLEDGE = "1.005461", "1.004837", "1.001022"
# the issue 10 targets carried over: no longer than birth registration (10 screens, the home
# screen counted), marriage's second card included; at most 3 answers typed letter by letter
TARGETS = dict.fromkeys(
    (MARRIAGE, CONFIRM_RECORDS, BIRTH_AGAIN, DEATH_AGAIN, GUARDIANSHIP, ACKNOWLEDGE), 10
)
MAX_TYPED = 3
NOT_EXEMPT = "Không thuộc diện miễn"
BRIDE = demo_citizen()
GROOM = second_citizen("Nguyễn Văn Nam")


def walk_marriage(walk: Walk) -> None:
    """The bride (the demo card) first, then the groom with his own card; only the round of
    marriage is asked, the cards answer the rest."""
    walk.start(MARRIAGE, wait_for="HandInOtherPerson")
    kiosk = walk.kiosk
    assert "người kết hôn với ông/bà" in kiosk.text("otherPersonHow") + walk.vm.otherPerson
    kiosk.kiosk.services.card_reader.insert_card(GROOM)  # the groom's card on the reader
    kiosk.tap("otherPersonStart")
    identify_with_the_chip(kiosk, GROOM.id_number, GROOM.birth.strftime("%d%m%Y"))
    kiosk.wait_screen("HandInQuestion")
    kiosk.kiosk.services.card_reader.insert_card(BRIDE)  # the next walks' card
    walk.answer(
        ["marriage_round", "partner_marriage_round"],
        typed={},
        chosen={"marriage_round": "Lần đầu", "partner_marriage_round": "Lần đầu"},
    )


def walk_confirm_records(walk: Walk) -> None:
    """Two confirmations of one's own birth registration, 8.000 đ each, not exempt."""
    walk.start(CONFIRM_RECORDS)
    walk.answer(["relationship"], typed={}, chosen={"relationship": "Bản thân"})
    walk.answer(
        ["event_kind", "content", "purpose"],
        typed={
            "content": "Đã đăng ký khai sinh tại Ủy ban nhân dân phường Hoàn Kiếm năm 1990",
            "purpose": "Bổ sung hồ sơ du học",
        },
        chosen={"event_kind": "Khai sinh"},
    )
    walk.answer(
        ["copies", "fee_exemption"], typed={}, chosen={"copies": "2", "fee_exemption": NOT_EXEMPT}
    )
    walk.scan()  # the papers about the event


def walk_birth_again(walk: Walk) -> None:
    """One's own birth registered again; a member of a poor household pays no charge."""
    walk.start(BIRTH_AGAIN)
    walk.answer(
        ["birth_place", "registered_at"],
        typed={"birth_place": "Bệnh viện Bạch Mai", "registered_at": "Ủy ban nhân dân xã Đông Anh"},
        chosen={},
    )
    walk.answer(["fee_exemption"], typed={}, chosen={"fee_exemption": "Người thuộc hộ nghèo"})
    walk.scan()  # the copy of the birth certificate


def walk_death_again(walk: Walk) -> None:
    walk.start(DEATH_AGAIN)
    walk.answer(
        ["relationship", "deceased_name", "deceased_birth_date"],
        typed={"deceased_name": "Trần Văn Cường", "deceased_birth_date": "02/9/1945"},
        chosen={"relationship": "Con"},
    )
    walk.answer(
        ["death_date", "death_place", "registered_at"],
        typed={
            "death_date": "25 11 2020",
            "death_place": "Tại nhà",
            "registered_at": "Ủy ban nhân dân phường Hồng Hà",
        },
        chosen={},
    )
    walk.answer(["fee_exemption"], typed={}, chosen={"fee_exemption": NOT_EXEMPT})
    walk.scan()  # the copy of the death certificate


def walk_guardianship(walk: Walk) -> None:
    """An elder sister, guardian by law of her orphaned brother."""
    walk.start(GUARDIANSHIP)
    walk.answer(
        ["guardianship_kind"], typed={}, chosen={"guardianship_kind": "Giám hộ đương nhiên"}
    )
    walk.answer(
        ["ward_name", "ward_birth_date", "ward_sex"],
        typed={"ward_name": "Trần Minh Khang", "ward_birth_date": "12/4/2016"},
        chosen={"ward_sex": "Nam"},
    )
    walk.answer(
        ["ward_residence", "ward_nationality"],
        typed={"ward_residence": "Số 12 phố Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội"},
        chosen={"ward_nationality": "Việt Nam"},
    )
    walk.scan()  # proof of guardianship by law; no appointment letter for this kind


def walk_acknowledge(walk: Walk) -> None:
    walk.start(ACKNOWLEDGE)
    walk.answer(
        ["relation", "child_name", "child_birth_date"],
        typed={"child_name": "Trần Gia Bảo", "child_birth_date": "03/01/2020"},
        chosen={"relation": "Mẹ nhận con"},
    )
    walk.answer(
        ["child_ethnicity", "child_nationality"],
        typed={},
        chosen={"child_ethnicity": "Kinh", "child_nationality": "Việt Nam"},
    )
    walk.answer(
        ["child_residence", "fee_exemption"],
        typed={"child_residence": "Số 12 phố Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội"},
        chosen={"fee_exemption": NOT_EXEMPT},
    )
    walk.scan()  # the medical or expert evidence of the parent-child relation


WALKS: dict[str, Callable[[Walk], None]] = {
    MARRIAGE: walk_marriage,
    CONFIRM_RECORDS: walk_confirm_records,
    BIRTH_AGAIN: walk_birth_again,
    DEATH_AGAIN: walk_death_again,
    GUARDIANSHIP: walk_guardianship,
    ACKNOWLEDGE: walk_acknowledge,
}


@pytest.mark.timeout(300)  # seven walks: 35 s of CPU, 180 s at load 30 (the default is 120 s)
def test_each_new_procedure_from_the_home_tile_to_the_receipt(kiosk, capsys) -> None:
    tallies: dict[str, Tally] = {}
    receipts: dict[str, dict] = {}
    answers: dict[str, dict[str, str]] = {}
    shown_before: dict[str, str] = {}
    for code, walk_through in WALKS.items():
        walk = Walk(kiosk)
        walk_through(walk)
        answers[code] = dict(walk.vm.journey.draft.answers)
        kiosk.wait_screen("HandInCheck")
        shown_before[code] = kiosk.text("checkFees")  # what it costs, before handing in
        walk.hand_in()
        receipts[code] = walk.vm.receipt
        assert receipts[code]["printed"] is True, code
        walk.stop()
        tallies[code] = walk.tally
        kiosk.tap("doneButton")
        kiosk.wait_screen("Home")
    with capsys.disabled():
        print("\nprocedure  shown (target)  typed  screens shown, in order")
        for code, tally in tallies.items():
            print(
                f"{code}   {len(tally.screens):>3} (≤ {TARGETS[code]:>2})   {len(tally.typed)}"
                f"     {' → '.join(tally.screens)}"
            )
            print(f"{'':>27}typed: {', '.join(tally.typed)}")

    # each party from their own card
    marriage = answers[MARRIAGE]
    assert (marriage["name"], marriage["partner_name"]) == ("Trần Thị Thu Hà", "Nguyễn Văn Nam")
    assert marriage["partner_id"] == GROOM.id_number and marriage["partner_sex"] == "Nam"
    assert marriage["partner_residence"] == GROOM.residence
    assert "Lệ phí đăng ký kết hôn × 1: 0 đ" in receipts[MARRIAGE]["fees"]  # free by law
    assert receipts[MARRIAGE]["payHow"] == ["Không phải nộp phí."]
    # fees worked out from the answers, the exemption applied where the law grants it
    assert "Tổng cộng: 16.000 đ (Mười sáu nghìn đồng)" in receipts[CONFIRM_RECORDS]["fees"]
    assert shown_before[CONFIRM_RECORDS].endswith("Tổng cộng: 16.000 đ (Mười sáu nghìn đồng)")
    assert "được miễn" in shown_before[BIRTH_AGAIN]
    assert receipts[CONFIRM_RECORDS]["payHow"][0].startswith("Nộp phí tại quầy")  # no account
    assert "được miễn" in receipts[BIRTH_AGAIN]["fees"]
    assert "cán bộ báo mức tại quầy" in receipts[DEATH_AGAIN]["fees"]  # council sets it
    assert answers[BIRTH_AGAIN]["mother_name"] == "Lê Thị Hoa"  # the card's parents
    for code, tally in tallies.items():
        assert len(tally.typed) <= MAX_TYPED, (code, tally.typed)
        assert {total for _, total in tally.progress} == {6}, (code, tally.progress)
        assert len(tally.screens) <= TARGETS[code], (code, tally.screens)

    # the second person of a marriage cannot be the first again
    again = Walk(kiosk)
    again.start(MARRIAGE, wait_for="HandInOtherPerson")
    kiosk.tap("otherPersonStart")
    identify_with_the_chip(kiosk)  # the bride's own card once more
    kiosk.wait_screen("HandInOtherPerson")
    assert "người thứ nhất" in kiosk.item("otherPersonError").property("message")
    assert again.vm.journey.other is None
    # Back from the second person's identity screen asks for their card again, nothing lost
    kiosk.tap("otherPersonStart")
    kiosk.qtbot.waitUntil(lambda: kiosk.ui.shell.screen.startswith("Identity"))
    kiosk.wait_screen(kiosk.ui.shell.screen)  # laid out
    kiosk.tap("backButton")
    kiosk.wait_screen("HandInOtherPerson")
    assert again.vm.journey.draft is not None and again.vm.journey.state.value == "identify_other"
    # and its camera stopped looking: the QR it saw next (the scene's dossier code) pulled the
    # screen back to the identity step, which failed this Back path whenever load slowed it
    assert kiosk.ui.journeys["identity"]._qr_watch._cancel is None
    kiosk.tap("backButton")  # and Back from there leaves the marriage, forgetting the first card
    kiosk.wait_screen("HandInProcedure")
    assert again.vm.journey.draft is None
    again.stop()
