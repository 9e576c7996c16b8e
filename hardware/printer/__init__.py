"""Ticket printers: one interface, python-escpos drivers for every transport, and a simulator.

The drivers (python-escpos, a large capabilities file) load from `hardware.printer.factory`
when a printer is built, not when the configuration model is read."""

from hardware.printer.config import PrinterSettings
from hardware.printer.interface import (
    PaperState,
    PrinterCapabilities,
    PrinterStatus,
    TicketPrinter,
)
from hardware.printer.job import Align, PrintJob, QrCode, Rule, Spacer, TextLine

__all__ = [
    "Align",
    "PaperState",
    "PrintJob",
    "PrinterCapabilities",
    "PrinterSettings",
    "PrinterStatus",
    "QrCode",
    "Rule",
    "Spacer",
    "TextLine",
    "TicketPrinter",
]
