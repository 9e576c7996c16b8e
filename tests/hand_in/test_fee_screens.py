"""A fee-bearing procedure handed in on the real screens: copies of a civil-status extract
(2.000635, 8.000 đ a copy). The receipt screen shows the VietQR for the centre's account; the
test grabs the window, reads the code back and parses it with the independent EMVCo parser.
Then the stand-in province records the payment, follow-a-dossier says "Đã nộp phí" and the
citizen prints the e-receipt."""

from __future__ import annotations

import json
import urllib.request

import zxingcpp
from PIL import Image

from kiosk.payments.settings import AccountSettings, PaymentSettings
from tests.hand_in.walk import Walk
from tests.payments.emvco import parse

EXTRACT_COPIES = "2.000635"
ACCOUNT = AccountSettings(bank_bin="970415", account="113366668888", account_name="UBND XA AN BINH")


def test_extract_copies_handed_in_show_the_vietqr_for_the_fee(make_kiosk, tmp_path) -> None:
    kiosk = make_kiosk(payments=PaymentSettings(account=ACCOUNT))
    walk = Walk(kiosk)
    walk.start(EXTRACT_COPIES)
    while kiosk.ui.shell.screen == "HandInQuestion":
        ids = walk.page_ids()
        chosen = {"relationship": "Bản thân", "record_kind": "Khai sinh", "copies": "3"}
        typed = {
            "subject_name": "Trần Thị Thu Hà",
            "subject_birth_date": "15/03/1990",
            "registered_at": "Ủy ban nhân dân phường Hoàn Kiếm",
        }
        walk.answer(
            ids,
            {k: v for k, v in typed.items() if k in ids},
            {k: v for k, v in chosen.items() if k in ids},
        )
    walk.lack_the_rest()
    walk.hand_in()
    code = kiosk.text("dossierCode")
    assert "Tổng cộng: 24.000 đ (Hai mươi tư nghìn đồng)" in walk.vm.receipt["fees"]
    assert "tại quầy" in kiosk.text("payHow")  # the counter stays possible, said plainly
    kiosk.qtbot.waitUntil(lambda: kiosk.item("payQr").property("paintedWidth") > 0)
    shot = tmp_path / "receipt-screen.png"
    payloads: list[str] = []

    def qr_on_screen() -> bool:
        # a loaded machine paints the QR a few frames late: read what the window really shows
        assert kiosk.ui.window.grabWindow().save(str(shot))
        payloads[:] = [
            r.text
            for r in zxingcpp.read_barcodes(Image.open(shot).convert("L"))
            if r.text.startswith("000201")
        ]
        return bool(payloads)

    kiosk.qtbot.waitUntil(qr_on_screen, timeout=10_000)
    assert len(payloads) == 1
    parsed = parse(payloads[0])
    assert parsed.crc_ok
    assert parsed.fields["54"] == "24000"
    assert parsed.fields["38"]["01"] == {"00": "970415", "01": "113366668888"}  # type: ignore[index]
    assert parsed.fields["62"] == {"08": code}
    walk.stop()

    standin = kiosk.core.province.opened().link.standin
    kiosk.qtbot.waitUntil(lambda: standin.store.get("dossier", code) is not None, timeout=20_000)
    kiosk.tap("doneButton")
    kiosk.wait_screen("Home")
    # the simulated camera's scene holds another dossier's QR, which a slow tap on "type it"
    # would race: the citizen types the code here, so the camera is unplugged
    kiosk.ui.camera_source.unplug()
    follow(kiosk, code)
    kiosk.qtbot.waitUntil(lambda: kiosk.text("followPayment").startswith("Còn phải nộp: 24.000 đ"))
    assert not kiosk.item("followPrintEReceipt").isVisible()  # nothing paid yet

    number = report_paid(standin.url, code, 24_000)  # the treasury reports the transfer
    kiosk.ui.shell.home()
    kiosk.wait_screen("Home")
    follow(kiosk, code)
    kiosk.qtbot.waitUntil(lambda: kiosk.text("followPayment").startswith("Đã nộp phí 24.000 đ"))
    kiosk.tap("followPrintEReceipt")
    kiosk.qtbot.waitUntil(lambda: "Đã in biên lai" in kiosk.text("followReceiptMessage"))
    printed = [p for p in kiosk.core.printer.printed if p.name.startswith("ereceipt-")]
    assert len(printed) == 1
    codes = [r.text for r in zxingcpp.read_barcodes(Image.open(printed[0]).convert("L"))]
    assert codes == [f"{number}|{code}|24000"]


def report_paid(standin_url: str, code: str, amount_vnd: int) -> str:
    """The stand-in's loopback admin endpoint, over HTTP as a demo or another test would."""
    request = urllib.request.Request(
        f"{standin_url}/admin/payments/{code}",
        data=json.dumps({"amount_vnd": amount_vnd}).encode(),
        headers={"Content-Type": "application/json"},
        method="PUT",
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.load(reply)["receipt_number"]


def follow(kiosk, code: str) -> None:
    kiosk.tap("tile_follow_dossier")
    kiosk.wait_screen("FollowScan")
    kiosk.tap("followTypeInstead")
    kiosk.wait_screen("FollowType")
    kiosk.item("followCodeField").forceActiveFocus()
    kiosk.send_text(code)
    kiosk.tap("followLookUp")
    kiosk.wait_screen("FollowResult")
    kiosk.qtbot.waitUntil(lambda: kiosk.ui.journeys["follow_dossier"].outcome == "found")
