"""Ticket printers: one interface, python-escpos drivers for every transport, and a simulator."""

from hardware.printer.config import PrinterSettings
from hardware.printer.factory import open_printer
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
    "open_printer",
]
