"""Handing in a dossier on the real screens (pytest-qt, offscreen), with the simulated card
reader, camera and printer and the embedded provincial stand-in: the whole journey on a Friday
afternoon; the printer out of paper; a full disk; the session wipe."""

from __future__ import annotations

import json

import zxingcpp
from PIL import Image

from hardware.camera import CameraStatus
from kiosk.journeys.hand_in import HandInState

MARITAL_STATUS = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days
UNIT = "000.00.00.H00"


def identify_with_the_chip(kiosk) -> None:
    """Type the ID and birth date; the demo card lies on the reader and is read at once."""
    kiosk.wait_screen("IdentityShowQr")
    kiosk.tap("identityTypeInstead")
    kiosk.wait_screen("IdentityType")
    kiosk.item("identityIdField").forceActiveFocus()
    kiosk.send_text("001190012345")
    kiosk.item("identityBirthField").forceActiveFocus()
    kiosk.send_text("15031990")
    kiosk.tap("identityTypedContinue")
    kiosk.wait_screen("IdentityConfirm")
    kiosk.tap("identityConfirm")


def fill_in_to_the_check(kiosk, scan: bool) -> None:
    """Marital status certificate: the chip answers all but two questions; one paper."""
    kiosk.tap("tile_hand_in")
    kiosk.wait_screen("HandInProcedure")
    kiosk.tap(f"procedure_{MARITAL_STATUS}")
    identify_with_the_chip(kiosk)
    kiosk.wait_screen("HandInQuestion")
    assert kiosk.ui.journeys["hand_in"].question["id"] == "marital_status"
    kiosk.tap("answerNext")  # nothing typed: the error says so, and the screen stays
    assert "cần trả lời" in kiosk.item("questionError").property("message")
    kiosk.type_keys("chua ket hon")  # the kiosk keyboard, tapped key by key
    assert kiosk.text("answerField") == "Chua ket hon"
    kiosk.tap("answerNext")
    kiosk.qtbot.waitUntil(lambda: kiosk.ui.journeys["hand_in"].question.get("id") == "purpose")
    kiosk.send_text("Để kết hôn")
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInPaper")
    assert kiosk.text("paperName").startswith("Văn bản ủy quyền")
    if scan:
        kiosk.tap("scanPaper")
        kiosk.wait_screen("ScanCapture")
        scan_vm = kiosk.ui.journeys["scan"]
        kiosk.qtbot.waitUntil(lambda: scan_vm.pageCount >= 1, timeout=20_000)
        kiosk.tap("scanDone")
    else:
        kiosk.tap("lackPaper")
    kiosk.wait_screen("HandInCheck")


def read_receipt_qr(path) -> dict:
    codes = zxingcpp.read_barcodes(Image.open(path).convert("L"))
    assert codes, f"no QR on {path}"
    return json.loads(codes[0].text)


def test_a_citizen_hands_in_on_a_friday_afternoon(kiosk) -> None:
    vm = kiosk.ui.journeys["hand_in"]
    fill_in_to_the_check(kiosk, scan=True)
    answers = {row["id"]: row["value"] for row in vm.answers}
    assert answers["full_name"] == "Trần Thị Thu Hà"  # pre-filled from the chip
    assert answers["ethnicity"] == "Kinh"
    assert answers["purpose"] == "Để kết hôn"
    # "Sửa" beside an answer: change it, and come straight back to the check
    kiosk.tap("change_purpose")
    kiosk.wait_screen("HandInQuestion")
    assert kiosk.text("answerField") == "Để kết hôn"
    kiosk.send_text(" ở nước ngoài")
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInCheck")
    kiosk.tap("submitDossier")
    kiosk.wait_screen("HandInReceipt")

    code = f"{UNIT}-261127-0001"
    assert kiosk.text("dossierCode") == code
    # Friday 16:00 is after the 15:00 cut-off: counted from Monday 30/11, + 3 working days
    assert vm.receipt["appointment"] == "03/12/2026"
    assert vm.receipt["printed"] is True

    standin = kiosk.core.province.opened().link.standin.store
    kiosk.qtbot.waitUntil(lambda: standin.get("dossier", code) is not None, timeout=20_000)
    assert [item.item_id for item in standin.items("dossier")] == [code]
    body = json.loads(standin.body("dossier", code))
    assert body["procedure_code"] == MARITAL_STATUS
    assert body["form"]["purpose"] == "Để kết hôn ở nước ngoài"
    assert body["applicant"]["id_number"] == "001190012345"
    assert body["files"][0]["content_type"] == "application/pdf"

    receipts = [p for p in kiosk.core.printer.printed if p.name.startswith("receipt-")]
    assert len(receipts) == 1
    qr = read_receipt_qr(receipts[0])
    assert qr["ma_ho_so"] == code
    assert qr["ma_tthc"] == MARITAL_STATUS
    assert qr["so_dinh_danh"] == "001190012345"
    assert qr["ngay_hen_tra"] == "03/12/2026"
    assert qr["thoi_gian_cap"] == "2026-11-27T16:00:00+07:00"
    assert qr["he_thong_cap"] == f"{UNIT}/kiosk-01"

    kiosk.tap("doneButton")
    kiosk.wait_screen("Home")
    assert vm.journey.draft is None and vm.journey.submitted is None


def test_printer_out_of_paper_shows_the_receipt_and_prints_it_again(kiosk) -> None:
    vm = kiosk.ui.journeys["hand_in"]
    fill_in_to_the_check(kiosk, scan=False)
    kiosk.core.printer.set_fault("paper_out")
    kiosk.tap("submitDossier")
    kiosk.wait_screen("HandInReceipt")
    code = f"{UNIT}-261127-0001"
    problem = kiosk.item("receiptProblem").property("message")
    assert "hết giấy" in problem and code in problem  # the code to note down
    assert vm.receipt["appointment"] == "03/12/2026"
    assert not [p for p in kiosk.core.printer.printed if p.name.startswith("receipt-")]
    kiosk.core.printer.set_fault("none")
    kiosk.tap("reprintReceipt")
    kiosk.qtbot.waitUntil(lambda: vm.receipt.get("printed") is True)
    receipts = [p for p in kiosk.core.printer.printed if p.name.startswith("receipt-")]
    assert read_receipt_qr(receipts[0])["ma_ho_so"] == code


def test_a_full_disk_keeps_everything_and_the_code_is_never_reused(make_kiosk) -> None:
    kiosk = make_kiosk(disk_reserve_mb=10_000_000)  # more than any disk: every store refused
    vm = kiosk.ui.journeys["hand_in"]
    fill_in_to_the_check(kiosk, scan=False)
    kiosk.tap("submitDossier")
    kiosk.wait_screen("HandInFailed")
    assert "không còn đủ chỗ" in kiosk.item("submitProblem").property("message")
    kiosk.tap("backToCheck")
    kiosk.wait_screen("HandInCheck")
    assert {row["id"]: row["value"] for row in vm.answers}["marital_status"] == "Chua ket hon"
    book = kiosk.kiosk.services.hand_in.book
    assert book.state_of(f"{UNIT}-261127-0001") == "not_stored"
    # the technician frees space; the citizen tries again and gets the next code
    outbox = kiosk.core.province.opened().outbox
    outbox._settings = outbox.settings.model_copy(update={"disk_reserve_mb": 0})
    kiosk.tap("submitDossier")
    kiosk.wait_screen("HandInReceipt")
    assert kiosk.text("dossierCode") == f"{UNIT}-261127-0002"


def test_going_home_forgets_the_citizen(kiosk) -> None:
    vm = kiosk.ui.journeys["hand_in"]
    fill_in_to_the_check(kiosk, scan=False)
    assert vm.journey.draft is not None
    kiosk.tap("homeButton")
    kiosk.wait_screen("Home")
    assert vm.journey.state is HandInState.PROCEDURE
    assert vm.journey.draft is None and vm.answers == [] and vm.papers == []
    assert kiosk.ui.journeys["identity"].journey.identity is None
    kiosk.tap("tile_hand_in")
    kiosk.wait_screen("HandInProcedure")
    assert vm.question == {} and vm.receipt == {}


def test_camera_gone_says_so_and_keeps_the_answers(kiosk) -> None:
    vm = kiosk.ui.journeys["hand_in"]
    kiosk.tap("tile_hand_in")
    kiosk.wait_screen("HandInProcedure")
    kiosk.tap(f"procedure_{MARITAL_STATUS}")
    identify_with_the_chip(kiosk)
    kiosk.wait_screen("HandInQuestion")
    kiosk.send_text("Độc thân")
    kiosk.tap("answerNext")
    kiosk.qtbot.waitUntil(lambda: vm.question.get("id") == "purpose")
    kiosk.send_text("Để kết hôn")
    kiosk.tap("answerNext")
    kiosk.wait_screen("HandInPaper")
    kiosk.ui.camera_source.unplug()  # unplugged for good: the kiosk has no camera now
    camera = kiosk.kiosk.services.camera
    kiosk.qtbot.waitUntil(lambda: camera.status().status is CameraStatus.NO_DEVICE)
    kiosk.tap("scanPaper")
    kiosk.qtbot.waitUntil(lambda: "Máy chụp giấy tờ" in vm.error)
    assert kiosk.item("paperError").property("message") == vm.error
    assert kiosk.ui.shell.screen == "HandInPaper"
    assert vm.journey.draft.answers["marital_status"] == "Độc thân"
