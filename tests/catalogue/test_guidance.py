"""The guidance slip and the wording shared with the detail screen."""

from __future__ import annotations

from datetime import datetime

from hardware.printer import QrCode, TextLine
from kiosk.catalogue.guidance import SlipContext, guidance_job
from kiosk.catalogue.model import Fee, Paper, ProcessingTime
from kiosk.catalogue.presentation import (
    describe_counts,
    describe_fee,
    describe_time,
    fee_summary,
    money,
    time_summary,
)
from kiosk.catalogue.snapshot import Catalogue

WHERE = SlipContext(
    "Trung tâm Phục vụ hành chính công",
    "1, 2",
    "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x",
    datetime(2026, 5, 4, 9, 30),
)


def texts(job) -> list[str]:
    return [b.text for b in job.blocks if isinstance(b, TextLine)]


def test_the_slip_lists_papers_with_counts_time_fee_where_and_a_portal_qr(
    starter: Catalogue,
) -> None:
    procedure = starter.procedure("1.004222")
    job = guidance_job(procedure, WHERE, "vi")
    lines = texts(job)
    assert lines[:2] == ["Trung tâm Phục vụ hành chính công", "PHIẾU HƯỚNG DẪN THỦ TỤC"]
    assert "Nếu Ở nhà thuê, mượn, ở nhờ:" in lines
    assert any(
        line.startswith("• Hợp đồng hoặc văn bản cho thuê") and line.endswith("— 1 bản chính")
        for line in lines
    )
    assert "7 ngày làm việc" in lines
    assert "20.000 đ / lần (nộp trực tiếp)" in lines
    assert "Nộp tại quầy 1, 2" in lines and "04/05/2026 09:30" in lines
    [qr] = [b for b in job.blocks if isinstance(b, QrCode)]
    assert qr.data == WHERE.portal_link
    assert job.name == "guidance-1.004222" and job.cut


def test_the_slip_in_english_keeps_the_official_name(starter: Catalogue) -> None:
    lines = texts(guidance_job(starter.procedure("1.001193"), WHERE, "en"))
    assert "Birth registration (Đăng ký khai sinh)" in lines
    assert "PROCEDURE GUIDANCE" in lines and "The same day" in lines


def test_wording_of_times_fees_and_counts() -> None:
    assert money(1250000) == "1.250.000 đ"
    assert describe_time(ProcessingTime(value=7, unit="working_days"), "vi") == "7 ngày làm việc"
    assert describe_time(ProcessingTime(value=1.5, unit="hours"), "en") == "1,5 hours"
    unknown_unit = ProcessingTime(text="5 (Cổng không ghi đơn vị thời gian)")
    assert describe_time(unknown_unit, "vi") == unknown_unit.text
    assert time_summary(unknown_unit, "vi") == "Chưa có thông tin"
    assert describe_time(None, "en") == "Not stated"
    assert describe_fee(Fee(amount_vnd=0), "vi") == "Miễn phí"
    assert (
        describe_fee(Fee(amount_vnd=2000, per="trang", condition="Tối đa 200.000 đồng"), "vi")
        == "2.000 đ / trang. Tối đa 200.000 đồng"
    )
    assert (
        describe_counts(Paper(name="Tờ khai", originals=1, copies=2), "vi")
        == "1 bản chính, 2 bản sao"
    )
    assert describe_counts(Paper(name="Căn cước", present_only=True), "en") == "show the original"


def test_fee_summaries(starter: Catalogue) -> None:
    assert fee_summary(starter.procedure("1.001193"), "vi") == "Miễn phí"
    assert fee_summary(starter.procedure("1.004222"), "vi") == "10.000 – 20.000 đ"
    assert fee_summary(starter.procedure("1.000656"), "en") == "Depends on the case, see details"
    assert fee_summary(starter.procedure("1.003197"), "vi") == "Chưa có thông tin"
