"""A receipt handed to a network printer that takes every byte but never answers a status
query (python-escpos' own `Network` transport against the ESC/POS peer on 127.0.0.1): the
screen does not claim the receipt came out, and keeps the dossier code to note, as a ticket
keeps its number."""

from __future__ import annotations

from hardware.printer.escpos_driver import EscposTicketPrinter
from tests.hand_in.test_hand_in_screens import UNIT, fill_in_to_the_check
from tests.printer.conftest import FONT, FONT_DIR, network_settings
from tests.printer.escpos_peer import EscposPeer
from tests.printer.paper import decode, read_qr_codes


def test_a_receipt_the_printer_cannot_confirm_is_said_to_be_unconfirmed(make_kiosk) -> None:
    peer = EscposPeer()
    peer.silent = True
    try:
        printer = EscposTicketPrinter(
            network_settings(peer.port, health_interval_seconds=60), FONT_DIR
        )
        kiosk = make_kiosk(printer=printer)
        vm = kiosk.ui.journeys["hand_in"]
        fill_in_to_the_check(kiosk, scan=False)
        kiosk.tap("submitDossier")
        kiosk.wait_screen("HandInReceipt")
        code = f"{UNIT}-261127-0001"
        assert vm.receipt["printed"] is True
        message = vm.receipt["message"]
        assert "chưa xác nhận" in message and code in message
        assert kiosk.item("receiptPrinted").property("visible")
        assert kiosk.item("receiptPrintedIcon").property("kind") == "caution"  # no green tick
        assert kiosk.item("receiptProblem").property("message") == ""
        # every byte did reach the printer: the receipt it got carries the dossier's code
        [job] = peer.jobs
        width = printer.capabilities.width_dots
        paper = decode(job, width, FONT)
        assert any(code in c.text for c in read_qr_codes(paper))
        kiosk.ui.i18n.setLanguage("en")
        assert "Not confirmed" in vm.receipt["message"] and code in vm.receipt["message"]
        # the citizen saw no paper come out: the receipt can be asked for again
        kiosk.tap("reprintReceipt")
        kiosk.qtbot.waitUntil(lambda: len(peer.jobs) == 2 and not vm.printing, timeout=10_000)
        assert any(code in c.text for c in read_qr_codes(decode(peer.jobs[1], width, FONT)))
    finally:
        peer.close()
