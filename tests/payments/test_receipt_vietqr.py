"""The printed receipt carries the VietQR: ESC/POS bytes from python-escpos' Dummy printer,
drawn by the test's own reader of the ESC/POS reference, every QR read back and the VietQR
parsed by the independent EMVCo parser."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from hardware.printer.config import printer_settings
from hardware.printer.escpos_driver import encoder_for
from hardware.printer.job import TextLine
from kiosk.dossiers.receipt import Receipt, ReceivedPaper, receipt_job
from kiosk.paths import config_dir
from kiosk.payments.due import payment_due
from kiosk.payments.fees import load_schedules, work_out
from kiosk.payments.settings import AccountSettings, PaymentSettings
from tests.payments.emvco import parse
from tests.printer.paper import decode, read_qr_codes

FONTS = config_dir() / "fonts"
CODE = "000.00.06.H56-261203-0042"
ACCOUNT = AccountSettings(bank_bin="970415", account="113366668888", account_name="UBND XA AN BINH")


def receipt(settings: PaymentSettings, answers: dict[str, str]) -> Receipt:
    bill = work_out(load_schedules(), "2.000635", answers)
    assert bill is not None
    return Receipt(
        dossier_code=CODE,
        procedure_code="2.000635",
        procedure_name="Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh",
        applicant_name="Trần Thị Thu Hà",
        applicant_id="001190012345",
        papers=(ReceivedPaper("Văn bản ủy quyền", 0),),
        fees=("8.000 đồng",),
        received_at=datetime(2026, 12, 3, 9, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
        appointment="04/12/2026",
        centre_name="Trung tâm Phục vụ hành chính công xã An Bình",
        collect_at="quầy 3",
        issuing_system="000.00.06.H56/kiosk-01",
        payment=payment_due(CODE, bill, settings),
    )


@pytest.mark.parametrize("width_mm", [58, 80])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_printed_vietqr_parses_to_amount_account_and_dossier(width_mm: int, lang: str) -> None:
    encoder = encoder_for(printer_settings(paper_width_mm=width_mm), FONTS)
    job = receipt_job(receipt(PaymentSettings(account=ACCOUNT), {"copies": "3"}), lang)
    paper = decode(encoder.encode(job), encoder.width_dots, FONTS / "NotoSans-Regular.ttf")
    assert not paper.overflows
    vietqr = [c.text for c in read_qr_codes(paper) if c.text.startswith("000201")]
    assert len(vietqr) == 1
    parsed = parse(vietqr[0])
    assert parsed.crc_ok
    assert parsed.fields["54"] == "24000"
    assert parsed.fields["38"]["01"] == {"00": "970415", "01": "113366668888"}  # type: ignore[index]
    assert parsed.fields["62"] == {"08": CODE}
    texts = " ".join(b.text for b in job.blocks if isinstance(b, TextLine))
    assert "UBND XA AN BINH" in texts
    words = "Hai mươi tư nghìn đồng" if lang == "vi" else "Twenty-four thousand dong"
    assert words.lower() in texts.lower()
    counter = "tại quầy" if lang == "vi" else "at the counter"
    assert counter in texts  # paying at the counter stays possible, and is said


def test_without_an_account_the_receipt_says_pay_at_the_counter() -> None:
    job = receipt_job(receipt(PaymentSettings(), {"copies": "1"}), "vi")
    texts = [b.text for b in job.blocks if isinstance(b, TextLine)]
    assert "Nộp phí tại quầy khi nhận kết quả." in texts
    assert "Tổng cộng: 8.000 đ (Tám nghìn đồng)" in texts
