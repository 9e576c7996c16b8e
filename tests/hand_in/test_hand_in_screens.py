"""Handing in a dossier on the real screens (pytest-qt, offscreen), with the simulated card
reader, camera and printer and the embedded provincial stand-in: the whole journey on a Friday
afternoon; the printer out of paper; a full disk; the session wipe."""

from __future__ import annotations

import gc
import json

import zxingcpp
from PIL import Image
from PySide6.QtCore import QPointF

from hardware.camera import CameraStatus
from kiosk.journeys.hand_in import HandInState
from tests.hand_in.walk import Walk, identify_with_the_chip
from ui.list_model import RowsModel

DEATH = "1.000656"
MARITAL_STATUS = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days
UNIT = "000.00.00.H00"


def live_rows_models() -> int:
    gc.collect()
    return sum(isinstance(o, RowsModel) for o in gc.get_objects())


def fill_in_to_the_check(kiosk, scan: bool) -> None:
    """Marital status certificate: the chip answers all but two questions; one paper."""
    kiosk.tap("tile_hand_in")
    kiosk.wait_screen("HandInProcedure")
    kiosk.tap(f"procedure_{MARITAL_STATUS}")
    identify_with_the_chip(kiosk)
    kiosk.wait_screen("HandInQuestion")
    vm = kiosk.ui.journeys["hand_in"]
    assert vm.questionFields.rows()[0].fieldId == "marital_status"
    models = live_rows_models()
    vm.changed.emit()  # the rows rebuilt, as on every answer: each made a model per field
    assert live_rows_models() == models, "a rebuilt question screen made models of its own"
    kiosk.tap("answerNext")  # nothing chosen: the error says so, and the screen stays
    assert "cần trả lời" in kiosk.item("questionError").property("message")
    assert "cần trả lời" in kiosk.text("error_marital_status")
    kiosk.tap("choice_marital_status_Chưa kết hôn")
    kiosk.item("field_purpose").forceActiveFocus()
    kiosk.qtbot.wait(50)  # the keyboard docked
    kiosk.type_keys("de ket hon")  # the kiosk keyboard, tapped key by key
    assert kiosk.text("field_purpose") == "De ket hon"
    kiosk.item("field_purpose").setProperty("text", "")
    kiosk.item("field_purpose").forceActiveFocus()
    kiosk.send_text("Để kết hôn")
    kiosk.tap("answerNext")
    # the authorisation letter is never asked: at the kiosk one applies for oneself
    kiosk.wait_screen("HandInCheck")
    if scan:
        kiosk.tap("change_purpose")  # a scan is not needed here; the camera is tried elsewhere
        kiosk.wait_screen("HandInQuestion")
        kiosk.tap("answerNext")
        kiosk.wait_screen("HandInCheck")


def read_receipt_qr(path) -> dict:
    codes = zxingcpp.read_barcodes(Image.open(path).convert("L"))
    assert codes, f"no QR on {path}"
    return json.loads(codes[0].text)


def test_a_citizen_hands_in_on_a_friday_afternoon(kiosk) -> None:
    vm = kiosk.ui.journeys["hand_in"]
    fill_in_to_the_check(kiosk, scan=True)
    answers = {row.fieldId: row.value for row in vm.answers.rows()}
    assert answers["full_name"] == "Trần Thị Thu Hà"  # pre-filled from the chip
    assert answers["ethnicity"] == "Kinh"
    assert answers["purpose"] == "Để kết hôn"
    # in English a choice reads in English; the form keeps the office's Vietnamese value
    where = kiosk.item("change_purpose").mapToScene(QPointF(0, 0))
    kiosk.ui.i18n.setLanguage("en")
    shown = {row.fieldId: row.value for row in vm.answers.rows()}
    assert shown["marital_status"] == "Never married" and shown["purpose"] == "Để kết hôn"
    assert vm.journey.draft.answers["marital_status"] == "Chưa kết hôn"
    kiosk.ui.i18n.setLanguage("vi")  # the rows are made anew: wait until they are laid out again
    kiosk.qtbot.waitUntil(lambda: kiosk.item("change_purpose").mapToScene(QPointF(0, 0)) == where)
    # "Sửa" beside an answer: change it, and come straight back to the check
    kiosk.tap("change_purpose")
    kiosk.wait_screen("HandInQuestion")
    assert kiosk.text("field_purpose") == "Để kết hôn"
    field = kiosk.item("field_purpose")
    field.forceActiveFocus()
    field.setProperty("cursorPosition", len("Để kết hôn"))
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
    assert body["files"] == []

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
    assert {row.fieldId: row.value for row in vm.answers.rows()}["marital_status"] == "Chưa kết hôn"
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
    assert vm.journey.draft is None and vm.answers.rows() == [] and vm.papers.rows() == []
    assert kiosk.ui.journeys["identity"].journey.identity is None
    kiosk.tap("tile_hand_in")
    kiosk.wait_screen("HandInProcedure")
    assert vm.questionFields.rows() == [] and vm.receipt == {}


def test_camera_gone_says_so_and_keeps_the_answers(kiosk) -> None:
    vm = kiosk.ui.journeys["hand_in"]
    walk = Walk(kiosk)
    walk.start(DEATH)
    walk.answer(
        ["relationship", "deceased_name", "deceased_birth_date"],
        typed={"deceased_name": "Trần Văn Cường", "deceased_birth_date": "02091945"},
        chosen={"relationship": "Con"},
    )
    walk.answer(
        ["deceased_ethnicity", "deceased_nationality"],
        typed={},
        chosen={"deceased_ethnicity": "Kinh", "deceased_nationality": "Việt Nam"},
    )
    walk.answer(
        ["deceased_id", "deceased_last_residence"],
        typed={"deceased_last_residence": "Phường Hồng Hà, Thành phố Hà Nội"},
        chosen={},
    )
    walk.answer(
        ["death_date", "death_place", "death_cause", "fee_exemption"],
        typed={"death_date": "25112026", "death_place": "Tại nhà"},
        chosen={},
    )
    kiosk.wait_screen("ScanCapture")  # the paper opens straight on the camera
    assert kiosk.text("paperName").startswith("Giấy báo tử")
    kiosk.ui.camera_source.unplug()  # unplugged for good: the kiosk has no camera now
    camera = kiosk.kiosk.services.camera
    kiosk.qtbot.waitUntil(lambda: camera.status().status is CameraStatus.NO_DEVICE)
    kiosk.qtbot.waitUntil(lambda: not kiosk.ui.journeys["scan"].cameraOk)
    kiosk.tap("backButton")  # the scan is left: the paper's own screen says why
    kiosk.wait_screen("HandInPaper")
    assert "Máy chụp giấy tờ" in vm.error
    assert kiosk.item("paperError").property("message") == vm.error
    kiosk.tap("scanPaper")  # tried again: still no camera, said again, still here
    kiosk.qtbot.waitUntil(lambda: "Máy chụp giấy tờ" in vm.error)
    assert kiosk.ui.shell.screen == "HandInPaper"
    assert vm.journey.draft.answers["death_place"] == "Tại nhà"
