"""The "find a procedure" screens driven like a citizen: search typed on the kiosk's own
keyboard, browse by field, the life-event finder, the detail, the printed guidance slip (its QR
read back), and "take a number for this" straight into the queue journey."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PIL import Image


def open_catalogue(kiosk) -> None:
    kiosk.tap("tile_find_procedure")
    kiosk.wait_screen("CatalogueStart")


def test_search_typed_without_diacritics_finds_the_procedure(kiosk) -> None:
    open_catalogue(kiosk)
    kiosk.tap("way_search")
    kiosk.wait_screen("CatalogueSearch")
    assert kiosk.item("catalogueKeyboard").isVisible()
    kiosk.type("lam so do")
    assert kiosk.text("searchField") == "lam so do"
    kiosk.tap("result_1.013978")
    kiosk.wait_screen("CatalogueDetail")
    assert kiosk.text("screenHeading").startswith("Đăng ký đất đai, cấp Giấy chứng nhận")
    # the keyboard is kept by the window: the next search's keys type into the next box
    kiosk.tap("homeButton")
    open_catalogue(kiosk)
    kiosk.tap("way_search")
    kiosk.wait_screen("CatalogueSearch")
    assert kiosk.text("searchField") == ""
    kiosk.type("khai sinh")
    assert kiosk.text("searchField") == "khai sinh"


def test_vietnamese_typed_with_telex_finds_the_procedure(kiosk) -> None:
    open_catalogue(kiosk)
    kiosk.tap("way_search")
    kiosk.wait_screen("CatalogueSearch")
    kiosk.type("ddawng kys khai sinh")
    assert kiosk.text("searchField") == "đăng ký khai sinh"
    kiosk.tap("result_1.001193")
    kiosk.wait_screen("CatalogueDetail")
    assert kiosk.text("screenHeading") == "Đăng ký khai sinh"


def test_words_about_a_life_event_offer_its_checklist(kiosk) -> None:
    open_catalogue(kiosk)
    kiosk.tap("way_search")
    kiosk.wait_screen("CatalogueSearch")
    kiosk.type("bo toi vua mat")
    kiosk.tap("eventChip_death")
    kiosk.wait_screen("CatalogueQuestion")
    for answer in ("answer_no", "answer_no", "answer_yes"):
        kiosk.tap(answer)
    kiosk.wait_screen("CatalogueList")
    assert kiosk.ui.find("procedure_1.000656") is not None
    assert kiosk.ui.find("procedure_2.001406") is not None
    kiosk.tap("backButton")
    assert kiosk.ui.shell.screen == "CatalogueQuestion"
    assert kiosk.ui.journeys["find_procedure"].journey.session.answers == {
        "foreign": "no",
        "insured": "no",
    }


def test_browse_by_field_then_back(kiosk) -> None:
    open_catalogue(kiosk)
    kiosk.tap("way_fields")
    kiosk.wait_screen("CatalogueFields")
    kiosk.tap("fieldsNext")
    kiosk.tap("fieldsPrevious")
    kiosk.tap("field_ho-tich")
    kiosk.wait_screen("CatalogueList")
    assert kiosk.text("screenHeading") == "Hộ tịch"
    listing = kiosk.item("procedure_list")
    kiosk.tap("procedure_down")
    assert listing.property("contentY") > 0
    kiosk.tap("procedure_up")
    assert listing.property("contentY") == 0
    kiosk.tap("procedure_1.004873")
    kiosk.wait_screen("CatalogueDetail")
    kiosk.tap("backButton")
    kiosk.wait_screen("CatalogueList")
    kiosk.tap("backButton")
    kiosk.wait_screen("CatalogueFields")


def test_the_detail_shows_time_fee_where_and_papers_with_counts(kiosk) -> None:
    open_catalogue(kiosk)
    vm = kiosk.ui.journeys["find_procedure"]
    vm.chooseWay("search")
    vm.openProcedure("1.004222")
    kiosk.wait_screen("CatalogueDetail")
    detail = vm.detail
    assert detail["time"] == "7 ngày làm việc"
    assert detail["feeSummary"] == "10.000 – 20.000 đ"
    assert detail["counters"] == "Nộp tại quầy 4"
    first = vm.paperList.rows()[0]
    assert first.caseHeading == "Nếu Ở nhà của mình:"
    assert first.counts == "1 bản chính"
    kiosk.ui.i18n.setLanguage("en")
    assert vm.detail["time"] == "7 working days"
    assert kiosk.text("screenHeading").startswith("Permanent residence registration")


def test_the_guidance_slip_prints_in_vietnamese_with_the_portal_qr(kiosk, tmp_path: Path) -> None:
    open_catalogue(kiosk)
    vm = kiosk.ui.journeys["find_procedure"]
    vm.chooseWay("search")
    vm.openProcedure("1.001193")
    kiosk.wait_screen("CatalogueDetail")
    kiosk.tap("printGuidance")
    kiosk.qtbot.waitUntil(lambda: kiosk.text("printMessage").startswith("Đã in xong"), timeout=5000)
    [slip] = sorted((tmp_path / "printed").glob("guidance-1.001193-*.png"))
    [qr] = zxingcpp.read_barcodes(Image.open(slip))
    procedure = kiosk.ui.kiosk.services.catalogue.current.procedure("1.001193")
    assert qr.text == procedure.source.url


def test_a_printer_without_paper_says_so_and_keeps_the_screen(kiosk) -> None:
    open_catalogue(kiosk)
    vm = kiosk.ui.journeys["find_procedure"]
    vm.chooseWay("search")
    vm.openProcedure("1.001193")
    kiosk.wait_screen("CatalogueDetail")
    kiosk.ui.core.printer.set_fault("paper_out")
    kiosk.tap("printGuidance")
    kiosk.qtbot.waitUntil(lambda: vm.printFailed, timeout=5000)
    message = kiosk.text("printMessage")
    assert message.startswith("Máy in tạm hết giấy") and "Chưa in được phiếu" in message
    assert kiosk.ui.shell.screen == "CatalogueDetail"


def test_take_a_number_for_this_procedure(kiosk) -> None:
    open_catalogue(kiosk)
    vm = kiosk.ui.journeys["find_procedure"]
    vm.chooseWay("search")
    vm.openProcedure("2.000815")
    kiosk.wait_screen("CatalogueDetail")
    kiosk.tap("takeNumberForProcedure")
    kiosk.wait_screen("TakeNumberPriority")
    assert kiosk.ui.journeys["take_number"].journey.service_id == "chung-thuc"


def test_no_number_button_when_no_queue_serves_the_field(kiosk) -> None:
    open_catalogue(kiosk)
    vm = kiosk.ui.journeys["find_procedure"]
    vm.chooseWay("search")
    vm.openProcedure("1.001456")  # passports: no queue service at this centre
    kiosk.wait_screen("CatalogueDetail")
    assert not kiosk.ui.find("takeNumberForProcedure").isVisible()


def test_going_home_forgets_the_search(kiosk) -> None:
    open_catalogue(kiosk)
    kiosk.tap("way_search")
    kiosk.wait_screen("CatalogueSearch")
    kiosk.type("ho khau")
    kiosk.tap("homeButton")
    kiosk.wait_screen("Home")
    journey = kiosk.ui.journeys["find_procedure"].journey
    assert journey.query == "" and journey.hits == [] and journey.procedure is None
