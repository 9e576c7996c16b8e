"""Bytes of a ticket (python-escpos Dummy): Vietnamese as raster, ASCII native, small tickets."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import zxingcpp

from hardware.printer.config import printer_settings
from hardware.printer.escpos_driver import encoder_for
from hardware.printer.job import PrintJob, TextLine
from hardware.printer.render import render
from kiosk.config import load_config
from kiosk.tickets.layout import Ticket, ticket_job
from kiosk.tickets.numbering import IssuedNumber

from .conftest import FONT_DIR


def sample_ticket(priority: str | None = "elderly") -> Ticket:
    config = load_config()
    number = IssuedNumber(
        "id",
        "ho-tich",
        42,
        "A042",
        datetime(2026, 11, 23, 3, 5, tzinfo=UTC).astimezone(ZoneInfo("Asia/Ho_Chi_Minh")),
        priority,
    )
    return Ticket(number, config.queue.services[0], config.centre, people_waiting=7)


def test_vietnamese_is_rasterised_and_ascii_uses_the_printer_font() -> None:
    encoder = encoder_for(printer_settings(), FONT_DIR)
    data = encoder.encode(PrintJob((TextLine("Hộ tịch"), TextLine("A042"))))
    assert b"A042\n" in data
    assert "Hộ tịch".encode() not in data and b"\x1dv0" in data


def test_a_ticket_fits_in_12_kilobytes_on_both_paper_widths() -> None:
    for width in (58, 80):
        for native in (False, True):
            settings = printer_settings(paper_width_mm=width, native_qr=native)
            data = encoder_for(settings, FONT_DIR).encode(ticket_job(sample_ticket(), "vi"))
            assert len(data) <= 12 * 1024, (width, native, len(data))


def test_the_printed_ticket_carries_its_facts_and_a_readable_qr() -> None:
    ticket = sample_ticket()
    settings = printer_settings(paper_width_mm=58)
    data = encoder_for(settings, FONT_DIR).encode(ticket_job(ticket, "vi"))
    picture = render(data, 384, FONT_DIR / "NotoSans-Regular.ttf")
    assert picture.image.width == 384
    assert "A042" in picture.texts
    assert "23/11/2026 10:05" in picture.texts  # 03:05 UTC is 10:05 in Vietnam
    codes = [c.text for c in zxingcpp.read_barcodes(picture.image)]
    assert codes == [ticket.qr_payload()]
    assert codes[0].split("|")[4] == "A042"
    assert picture.cuts == 1
