"""Chooses the printer driver the configuration names."""

from __future__ import annotations

import logging
from pathlib import Path

from hardware.device import DeviceError
from hardware.printer.config import PrinterSettings
from hardware.printer.escpos_driver import EscposTicketPrinter
from hardware.printer.interface import Diagnosis, TicketPrinter
from hardware.printer.unusable import UnusablePrinter

log = logging.getLogger(__name__)


def open_printer(settings: PrinterSettings, font_dir: Path, simulator_dir: Path) -> TicketPrinter:
    """A printer object for the configured driver, not yet opened (opening may block)."""
    try:
        if settings.driver == "simulator":
            # here: its renderer brings qrcode, which a real printer's start-up does not need
            from hardware.printer.simulator import SimulatedTicketPrinter

            output = Path(settings.simulator_output) if settings.simulator_output else simulator_dir
            return SimulatedTicketPrinter(settings, font_dir, output)
        return EscposTicketPrinter(settings, font_dir)
    except DeviceError as exc:
        if exc.message_key != "printer.unknown_profile":
            raise
        log.error("printer unusable: %s", exc)
        cause = Diagnosis(
            "printer.cause.unknown_profile", {"profile": settings.profile}, exc.detail
        )
        return UnusablePrinter(settings.paper_width_mm, cause)
