"""The technician's test page: a layout like the ticket's and the receipt's, so it is built here
beside the other rules, not on the screen. (Not `test_page.py`: pytest would collect it.)"""

from __future__ import annotations

from hardware.printer import PrintJob, QrCode, Rule, TextLine
from hardware.printer.job import TextSize
from kiosk.i18n import translate


def check_page_job(kiosk_id: str, lang: str) -> PrintJob:
    """Vietnamese text with every hard diacritic, the kiosk's id and a QR the printer draws."""
    return PrintJob(
        (
            TextLine(translate("technician.test_slip_title", lang), TextSize.LARGE, bold=True),
            Rule(),
            TextLine(translate("technician.test_slip_text", lang)),
            TextLine(kiosk_id),
            QrCode(f"TEST|{kiosk_id}"),
        ),
        name="test-page",
    )
