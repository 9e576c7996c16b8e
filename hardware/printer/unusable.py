"""A printer the configuration makes unusable (a profile python-escpos does not know): the kiosk
still starts, every job is refused at once, and the technician screen names the cause."""

from __future__ import annotations

from hardware.device import DeviceError, DeviceState
from hardware.printer.interface import (
    UNKNOWN_STATUS,
    Diagnosis,
    PrinterCapabilities,
    PrinterStatus,
    PrintResult,
    TicketPrinter,
)
from hardware.printer.job import PrintJob
from hardware.printer.profile import PAPER_DOTS


class UnusablePrinter(TicketPrinter):
    def __init__(self, paper_width_mm: int, cause: Diagnosis) -> None:
        super().__init__(PrinterCapabilities(PAPER_DOTS[paper_width_mm], False, False, False))
        self.cause = cause

    def open(self) -> None:
        self.state = DeviceState.ERROR

    def close(self) -> None:
        self.state = DeviceState.CLOSED

    def status(self) -> PrinterStatus:
        return UNKNOWN_STATUS

    def diagnosis(self) -> Diagnosis:
        return self.cause

    def print_job(self, job: PrintJob) -> PrintResult:
        raise DeviceError("printer.driver_unavailable", self.cause.detail, retryable=False)
