"""ESC/POS real-time status (`DLE EOT n`) as Epson documents it for TM printers.

Each reply is one byte whose bit 1 and bit 4 are always set and bits 0 and 7 always clear; a reply
that breaks that rule is not a status and reads as unknown.
"""

from __future__ import annotations

from hardware.printer.interface import PaperState, PrinterStatus

DLE_EOT = b"\x10\x04"
PRINTER_STATUS = 1  # bit 3: offline
OFFLINE_CAUSE = 2  # bit 2: cover open; bit 5: stopped by paper end
PAPER_SENSOR = 4  # bits 2-3: near end; bits 5-6: paper end


def query(n: int) -> bytes:
    return DLE_EOT + bytes([n])


def is_status_byte(value: int | None) -> bool:
    return value is not None and value & 0x93 == 0x12


def decode(printer: int | None, offline: int | None, paper: int | None) -> PrinterStatus:
    online = None if not is_status_byte(printer) else not (printer & 0x08)
    cover = None if not is_status_byte(offline) else bool(offline & 0x04)
    if not is_status_byte(paper):
        paper_state = PaperState.UNKNOWN
    elif paper & 0x60:
        paper_state = PaperState.OUT
    elif paper & 0x0C:
        paper_state = PaperState.LOW
    else:
        paper_state = PaperState.OK
    if paper_state is PaperState.OK and is_status_byte(offline) and offline & 0x20:
        paper_state = PaperState.OUT
    return PrinterStatus(online=online, paper=paper_state, cover_open=cover)


def encode(online: bool, paper: PaperState, cover_open: bool) -> dict[int, int]:
    """The replies a printer in this condition gives (for the simulator and test printers)."""
    printer = 0x12 | (0 if online else 0x08)
    offline = 0x12 | (0x04 if cover_open else 0) | (0x20 if paper is PaperState.OUT else 0)
    sensor = (
        0x12
        | {PaperState.OK: 0, PaperState.LOW: 0x0C, PaperState.OUT: 0x6C, PaperState.UNKNOWN: 0}[
            paper
        ]
    )
    return {PRINTER_STATUS: printer, OFFLINE_CAUSE: offline, PAPER_SENSOR: sensor}
