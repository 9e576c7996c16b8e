"""Follow a dossier on the screen, against the embedded stand-in province: a dossier handed in
through this kiosk's outbox is delivered, then looked up by its typed code or its receipt's QR;
with the province unreachable, the citizen reads a plain "offline" and what the kiosk knows."""

from __future__ import annotations

import re

from offline_queue.outbox.model import ItemState
from offline_queue.standin.faults import Fault, FaultKind

CODE = "000.00.06.H56-231027-0361"
WHEN = re.compile(r"^\d{2}:\d{2} ngày \d{2}/\d{2}/\d{4}$")


def hand_in(person, code: str = CODE):
    """A dossier handed in through the province door as the hand-in journey does; returns the
    open province (its outbox and uploader)."""
    province = person.ui.core.province
    province.hand_in_dossier(code, {"procedure_code": "1.001193", "form": {}}, [])
    return province.opened()


def open_typing(person) -> None:
    person.tap("tile_follow_dossier")
    person.wait_screen("FollowScan")
    person.tap("followTypeInstead")
    person.wait_screen("FollowType")


def test_a_delivered_dossier_shows_its_timeline(make_kiosk, qtbot) -> None:
    person = make_kiosk()
    delivery = hand_in(person)
    qtbot.waitUntil(
        lambda: delivery.outbox.item(CODE).state is not ItemState.PENDING, timeout=10_000
    )
    open_typing(person)
    person.type_code(CODE)
    assert person.text("followCodeField") == CODE
    person.tap("followLookUp")
    person.wait_screen("FollowResult")
    assert person.text("followStatus_0") == "Mới đăng ký"
    assert WHEN.match(person.text("followStep_0")), person.text("followStep_0")
    assert person.text("followCurrent").startswith("Hiện nay: ")
    assert not person.item("followMessage").isVisible()
    person.tap("languageButton")
    assert person.text("followStatus_0") == "Registered"


def test_offline_says_so_and_shows_what_the_kiosk_knows(make_kiosk, qtbot) -> None:
    person = make_kiosk()
    standin = person.ui.core.province.opened().link.standin
    standin.arm(Fault(FaultKind.RESET, times=None))  # every request of the contract is cut
    delivery = hand_in(person)
    open_typing(person)
    person.type_code(CODE)
    person.tap("followLookUp")
    person.wait_screen("FollowResult")
    assert "không kết nối được" in person.text("followMessage")
    local = person.text("followLocal")
    assert local.startswith("Máy này đã nhận hồ sơ lúc ") and "đang chờ gửi" in local
    assert re.search(r"\d{2}:\d{2} ngày \d{2}/\d{2}/\d{4}", local)
    assert delivery.outbox.item(CODE).state is ItemState.PENDING

    standin.faults.clear()  # back online: the same screen asks again and finds it
    delivery.uploader.wake()
    qtbot.waitUntil(
        lambda: delivery.outbox.item(CODE).state is not ItemState.PENDING, timeout=10_000
    )
    person.tap("followAgain")
    qtbot.waitUntil(lambda: person.ui.find("followStatus_0") is not None, timeout=10_000)
    assert person.text("followStatus_0") == "Mới đăng ký"


def test_a_code_this_kiosk_never_took_while_offline(make_kiosk) -> None:
    person = make_kiosk()
    person.ui.core.province.opened().link.standin.arm(Fault(FaultKind.RESET, times=None))
    open_typing(person)
    person.type_code("000.00.06.H56-231027-0999")
    person.tap("followLookUp")
    person.wait_screen("FollowResult")
    assert person.text("followLocal") == "Hồ sơ này không được nộp tại máy này."


def test_typed_mistakes_are_explained_and_nothing_is_sent(make_kiosk) -> None:
    person = make_kiosk()
    standin = person.ui.core.province.opened().link.standin
    open_typing(person)
    for typed, words in (
        ("h56-231027", "Mã hồ sơ chưa đúng."),
        ("000.00.06.h56-231399-0361", "Ngày trong mã hồ sơ không có thật."),
    ):
        person.item("followCodeField").setProperty("text", "")
        person.tap("followCodeField")  # the keyboard opens again on the field
        person.type_code(typed)
        person.tap("followLookUp")
        assert person.ui.shell.screen == "FollowType"
        problem = person.item("followProblem")
        assert problem.isVisible() and problem.property("message").startswith(words)
    assert standin.store.deliveries("dossier") == {}
    assert standin.faults.met == {}


def test_the_receipt_qr_under_the_camera_looks_the_dossier_up(make_kiosk, qtbot) -> None:
    person = make_kiosk(qr_text=f"{CODE}|1.001193|001090012345|Giấy tiếp nhận hồ sơ")
    delivery = hand_in(person)
    qtbot.waitUntil(
        lambda: delivery.outbox.item(CODE).state is not ItemState.PENDING, timeout=10_000
    )
    person.tap("tile_follow_dossier")
    person.wait_screen("FollowResult", timeout=15_000)
    assert person.ui.journeys["follow_dossier"].code == CODE
    assert person.text("followStatus_0") == "Mới đăng ký"


def test_an_id_card_qr_under_the_camera_gets_a_clear_message(make_kiosk, qtbot) -> None:
    person = make_kiosk(qr_text="001090012345|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|01072021")
    person.tap("tile_follow_dossier")
    person.wait_screen("FollowScan")
    vm = person.ui.journeys["follow_dossier"]
    qtbot.waitUntil(lambda: vm.problem != "", timeout=15_000)
    assert vm.problem.startswith("Đây là mã QR trên thẻ căn cước")
    assert person.item("followProblem").isVisible()
    assert person.ui.shell.screen == "FollowScan"
