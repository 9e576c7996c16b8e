"""A simulated ticket printer for demos and development: it takes the same ESC/POS bytes a real
printer would, draws them to a PNG (exactly what was sent), and can play the faults of a real
printer (paper low/out, cover open, offline) with a realistic delay. With a roll length
(`simulator_roll_m`) each ticket uses its length of paper: the near-end sensor reports paper low
with a tenth of the roll left, the roll runs out (mid-ticket too: that ticket is lost) and
`refill` puts in a new one, as staff would.
"""

from __future__ import annotations

import itertools
import time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from hardware.device import DeviceError, DeviceEvent, DeviceState
from hardware.printer.config import SimulatorPrinterSettings
from hardware.printer.escpos_driver import capabilities_of, encoder_for
from hardware.printer.interface import (
    PaperState,
    PrinterStatus,
    PrintResult,
    TicketPrinter,
)
from hardware.printer.job import PrintJob

if TYPE_CHECKING:
    from hardware.printer.encoder import EscposEncoder

FAULTS = {
    "none": PrinterStatus(online=True, paper=PaperState.OK, cover_open=False),
    "paper_low": PrinterStatus(online=True, paper=PaperState.LOW, cover_open=False),
    "paper_out": PrinterStatus(online=True, paper=PaperState.OUT, cover_open=False),
    "cover_open": PrinterStatus(online=True, paper=PaperState.OK, cover_open=True),
    "offline": PrinterStatus(online=False, paper=PaperState.UNKNOWN, cover_open=None),
}

# A thermal printer moves paper at roughly 200 mm/s: about 1,600 dots a second at 203 dpi.
_DOTS_PER_SECOND = 1600.0
_DOTS_PER_MM = 203 / 25.4
# the share of the roll left when the near-end sensor trips (it sees the roll's diameter)
_NEAR_END = 0.1


class SimulatedTicketPrinter(TicketPrinter):
    def __init__(
        self,
        settings: SimulatorPrinterSettings,
        font_dir: Path,
        output_dir: Path,
        realtime: bool = False,
    ) -> None:
        super().__init__(capabilities_of(settings, reports_status=True))
        self.settings = settings
        self.font_dir = font_dir
        self.font = font_dir / "NotoSans-Regular.ttf"
        self.output_dir = output_dir
        self.realtime = realtime
        self.fault = settings.simulator_fault
        self.printed: list[Path] = []
        self._counter = itertools.count(1)
        self.paper_used_mm = 0.0  # of the roll in the printer

    @cached_property
    def encoder(self) -> EscposEncoder:
        """Built on the first print, as the real printer's is."""
        return encoder_for(self.settings, self.font_dir)

    def set_fault(self, fault: str) -> None:
        if fault not in FAULTS:
            raise ValueError(f"unknown printer fault {fault!r}")
        self.fault = fault
        self.events.emit(DeviceEvent("status_changed", self.status()))

    def open(self) -> None:
        self.output_dir.mkdir(parents=True, exist_ok=True)
        self.state = DeviceState.IDLE

    def close(self) -> None:
        self.state = DeviceState.CLOSED

    def status(self) -> PrinterStatus:
        if self.fault != "none":
            return FAULTS[self.fault]
        return FAULTS[self._roll_state()]

    def _roll_state(self) -> str:
        roll_mm = self.settings.simulator_roll_m * 1000
        if not roll_mm:
            return "none"
        if self.paper_used_mm >= roll_mm:
            return "paper_out"
        return "paper_low" if roll_mm - self.paper_used_mm <= roll_mm * _NEAR_END else "none"

    def refill(self) -> None:
        """A new roll, as staff put in when told the paper is low or out."""
        self.paper_used_mm = 0.0
        self.events.emit(DeviceEvent("status_changed", self.status()))

    def _feed(self, dots: int) -> None:
        """Uses the paper a ticket takes, telling of the roll's state when it changes."""
        before = self._roll_state()
        self.paper_used_mm += dots / _DOTS_PER_MM
        if self._roll_state() != before:
            self.events.emit(DeviceEvent("status_changed", self.status()))

    def print_job(self, job: PrintJob) -> PrintResult:
        before = self.status()
        if self.fault == "offline":
            raise DeviceError("printer.unreachable", "simulated printer is offline")
        problem = before.blocking_problem
        if problem:
            raise DeviceError(problem)
        from hardware.printer.render import render  # qrcode and Pillow, on the first print

        data = self.encoder.encode(job)
        picture = render(data, self.capabilities.width_dots, self.font)
        if self.realtime:
            time.sleep(picture.image.height / _DOTS_PER_SECOND)
        self._feed(picture.image.height)
        ran_out = self.status().blocking_problem
        if ran_out:  # the roll ended inside this ticket: what came out is torn off and lost
            raise DeviceError(ran_out)
        self.output_dir.mkdir(parents=True, exist_ok=True)
        path = self.output_dir / f"{job.name}-{next(self._counter):04d}.png"
        picture.image.save(path)
        self.printed.append(path)
        return PrintResult(bytes_sent=len(data), status_before=before)
