"""The ticket screen with a real network printer (python-escpos' `Network` against the ESC/POS
peer on 127.0.0.1): a connection cut mid-ticket shows the number with the cause, and a printer
that takes the ticket but never answers status is not claimed to have printed it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF

from hardware.printer.escpos_driver import EscposTicketPrinter
from tests.kiosk_driver import Driver
from tests.kiosk_factory import kiosk_config, make_kiosk
from tests.printer.conftest import FONT_DIR, network_settings
from tests.printer.escpos_peer import EscposPeer
from tests.ui.test_take_number_screens import take_number


def test_the_ticket_screen_keeps_the_number_when_the_printer_cannot_vouch(
    qtbot, tmp_path: Path
) -> None:
    from ui.app import KioskUi

    peer = EscposPeer()
    printer = EscposTicketPrinter(network_settings(peer.port), FONT_DIR)
    kiosk = make_kiosk(tmp_path, kiosk_config(tmp_path), printer=printer)
    ui = KioskUi(kiosk.core, kiosk.services, windowed=True)
    try:
        qtbot.waitExposed(ui.window)
        qtbot.waitUntil(lambda: ui.find("tile_take_number") is not None)
        qtbot.wait(50)  # the home screen's tiles laid out
        driver = Driver(ui, qtbot)
        peer.close_after_bytes = 2003
        take_number(driver)
        assert driver.text("ticketNumber") == "A001"
        problem = driver.item("ticketProblem").property("message")
        assert "giữa chừng" in problem and "A001" in problem
        assert not driver.item("ticketPrinted").isVisible()
        driver.tap("doneButton")
        peer.close_after_bytes = None
        peer.silent = True
        take_number(driver)
        assert driver.text("ticketNumber") == "A002"
        assert driver.item("ticketProblem").property("message") == ""
        said = ui.journeys["take_number"].ticket["message"]
        assert "Nếu không thấy phiếu" in said and "A002" in said
        assert driver.item("ticketPrintedIcon").property("kind") == "caution"  # no green tick
        # the longer words wrap: Done stays on the screen in English large text too
        ui.i18n.setLanguage("en")
        driver.tap("largeTextButton")
        qtbot.wait(100)
        done = driver.item("doneButton")
        corner = done.mapToScene(QPointF(done.width(), done.height()))
        assert corner.x() <= ui.window.width() and corner.y() <= ui.window.height()
        assert len(peer.jobs) == 2 and len(peer.jobs[0]) == 2003
    finally:
        ui.close()
        kiosk.close()
        peer.close()
