"""The `TicketPrinter` interface every printer driver and the simulator implement."""

from __future__ import annotations

import abc
import enum
from dataclasses import dataclass, field

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
    reports_status: bool = True  # False: a device file or CUPS queue carries no replies


@dataclass(frozen=True)
class Diagnosis:
    """Why the printer cannot be used, as the technician should read it: a translation key of
    `printer.cause.*` with its values, and the underlying error for the log."""

    key: str
    values: dict[str, str] = field(default_factory=dict)
    detail: str = ""


@dataclass(frozen=True)
class PrintResult:
    """A job the printer took whole. `confirmed` is True when the printer's status after the
    job was good, None when the transport cannot say (a device file, a CUPS queue, a printer
    that never answers status): shown as "printed" but not vouched for."""

    bytes_sent: int
    status_before: PrinterStatus
    confirmed: bool | None = True


class TicketPrinter(abc.ABC):
    """open → status/print → close. Every call is bounded by the configured timeouts.

    `print_job` returns only when every byte was accepted and the status after it is good (or
    cannot be known). Otherwise it raises `DeviceError` with a translation key a citizen can be
    shown: nothing sent when a known condition stops printing (paper out, cover open, offline,
    not reachable), `printer.not_printed` when the job may have printed in part.
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

    def diagnosis(self) -> Diagnosis | None:
        """Why the last conversation with the printer failed; None when it worked."""
        return None

    def check_health(self) -> HealthReport:
        try:
            status = self.status()
        except Exception as exc:  # a health check reports, it never raises
            return HealthReport(
                False,
                f"Printer not reachable: {exc}",
                text_key="printer.cause.check_failed",
                values={"detail": str(exc)},
            )
        details = {
            "online": status.online,
            "paper": status.paper.value,
            "cover_open": status.cover_open,
            "width_dots": self.capabilities.width_dots,
        }
        cause = self.diagnosis()
        if cause is not None:
            text = f"{cause.key}: {cause.detail}" if cause.detail else cause.key
            return HealthReport(False, text, details, cause.key, dict(cause.values))
        problem = status.blocking_problem
        if problem:
            key = f"printer.health.{problem.split('.')[-1]}"
            return HealthReport(False, f"Printer reports {problem}", details, key)
        if not status.known and not self.capabilities.reports_status:
            return HealthReport(
                True,
                "Printer takes jobs; this connection cannot report its status",
                details,
                "printer.health.write_only",
            )
        if not status.known:
            return HealthReport(
                False,
                "Printer does not answer status queries (unknown)",
                details,
                "printer.cause.no_status_reply",
            )
        if status.paper is PaperState.LOW:
            return HealthReport(
                True, "Printer ready; paper is running low", details, "printer.health.paper_low"
            )
        return HealthReport(True, "Printer ready", details, "printer.health.ready")
