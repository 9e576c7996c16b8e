"""Chooses the printer driver the configuration names."""

from __future__ import annotations

from pathlib import Path

from hardware.printer.config import PrinterSettings
from hardware.printer.escpos_driver import EscposTicketPrinter
from hardware.printer.interface import TicketPrinter
from hardware.printer.simulator import SimulatedTicketPrinter


def open_printer(settings: PrinterSettings, font_dir: Path, simulator_dir: Path) -> TicketPrinter:
    """A printer object for the configured driver, not yet opened (opening may block)."""
    if settings.driver == "simulator":
        output = Path(settings.simulator_output) if settings.simulator_output else simulator_dir
        return SimulatedTicketPrinter(settings, font_dir, output)
    return EscposTicketPrinter(settings, font_dir)
