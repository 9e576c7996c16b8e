"""The `TicketPrinter` interface every printer driver and the simulator implement."""

from __future__ import annotations

import abc
import enum
from dataclasses import dataclass

from hardware.device import DeviceState, EventSource, HealthReport
from hardware.printer.job import PrintJob


class PaperState(enum.Enum):
    OK = "ok"
    LOW = "low"
    OUT = "out"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PrinterStatus:
    """A snapshot. `None` means the printer did not say: unknown, never assumed fine."""

    online: bool | None
    paper: PaperState
    cover_open: bool | None

    @property
    def known(self) -> bool:
        return self.online is not None and self.paper is not PaperState.UNKNOWN

    @property
    def blocking_problem(self) -> str | None:
        """The translation key of a known condition that stops printing, if any."""
        if self.paper is PaperState.OUT:
            return "printer.paper_out"
        if self.cover_open:
            return "printer.cover_open"
        if self.online is False:
            return "printer.offline"
        return None


UNKNOWN_STATUS = PrinterStatus(online=None, paper=PaperState.UNKNOWN, cover_open=None)


@dataclass(frozen=True)
class PrinterCapabilities:
    width_dots: int
    native_qr: bool
    cutter: bool


@dataclass(frozen=True)
class PrintResult:
    bytes_sent: int
    status_before: PrinterStatus


class TicketPrinter(abc.ABC):
    """open → status/print → close. Every call is bounded by the configured timeouts.

    `print_job` raises `DeviceError` with a translation key (paper out, cover open, offline,
    not reachable) and sends nothing when a known condition stops printing.
    """

    def __init__(self, capabilities: PrinterCapabilities) -> None:
        self.capabilities = capabilities
        self.state = DeviceState.CLOSED
        self.events = EventSource()

    @abc.abstractmethod
    def open(self) -> None: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def status(self) -> PrinterStatus: ...

    @abc.abstractmethod
    def print_job(self, job: PrintJob) -> PrintResult: ...

    def check_health(self) -> HealthReport:
        try:
            status = self.status()
        except Exception as exc:  # a health check reports, it never raises
            return HealthReport(False, f"Printer not reachable: {exc}")
        problem = status.blocking_problem
        details = {
            "online": status.online,
            "paper": status.paper.value,
            "cover_open": status.cover_open,
            "width_dots": self.capabilities.width_dots,
        }
        if problem:
            return HealthReport(False, f"Printer reports {problem.split('.')[-1]}", details)
        if not status.known:
            return HealthReport(False, "Printer does not answer status queries (unknown)", details)
        if status.paper is PaperState.LOW:
            return HealthReport(True, "Printer ready; paper is running low", details)
        return HealthReport(True, "Printer ready", details)
