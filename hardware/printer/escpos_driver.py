"""The ESC/POS ticket printer: python-escpos for the transport, our encoder for the bytes, and
real-time status queries with short timeouts.

A status byte that does not come back in time leaves that part of the status unknown; unknown is
reported as unknown, never as paper OK (python-escpos 3.1's `paper_status()` does the latter).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path

from hardware.device import DeviceError, DeviceEvent, DeviceState, run_with_timeout
from hardware.printer import status as esc_status
from hardware.printer.config import PrinterSettings
from hardware.printer.encoder import EscposEncoder
from hardware.printer.interface import (
    UNKNOWN_STATUS,
    PrinterCapabilities,
    PrinterStatus,
    PrintResult,
    TicketPrinter,
)
from hardware.printer.job import PrintJob
from hardware.printer.transports import (
    answers_status,
    make_transport,
    set_read_timeout,
    submits_on_close,
)

log = logging.getLogger(__name__)


def encoder_for(settings: PrinterSettings, font_dir: Path) -> EscposEncoder:
    return EscposEncoder(
        font_dir / "NotoSans-Regular.ttf",
        font_dir / "NotoSans-Bold.ttf",
        settings.dots,
        settings.native_qr,
        settings.cutter,
        settings.profile,
    )


class EscposTicketPrinter(TicketPrinter):
    def __init__(self, settings: PrinterSettings, font_dir: Path) -> None:
        super().__init__(PrinterCapabilities(settings.dots, settings.native_qr, settings.cutter))
        self.settings = settings
        self.encoder = encoder_for(settings, font_dir)
        self._transport = None
        self._lock = threading.Lock()  # one conversation with the printer at a time
        self._last_status: PrinterStatus = UNKNOWN_STATUS

    # --- life cycle -------------------------------------------------------------------------
    def open(self) -> None:
        with self._lock:
            self._open_locked()

    def _open_locked(self) -> None:
        if self._transport is not None:
            return
        transport = make_transport(self.settings)
        try:
            run_with_timeout(transport.open, self.settings.timeout_seconds, "printer open")
        except DeviceError:
            raise
        except Exception as exc:
            self._set_state(DeviceState.ERROR)
            raise DeviceError("printer.unreachable", str(exc)) from exc
        self._transport = transport
        self._set_state(DeviceState.IDLE)

    def close(self) -> None:
        with self._lock:
            self._drop_transport()
            self._set_state(DeviceState.CLOSED)

    def _drop_transport(self) -> None:
        if self._transport is not None:
            try:
                self._transport.close()
            except Exception:
                log.debug("printer close failed", exc_info=True)
            self._transport = None

    def _set_state(self, state: DeviceState) -> None:
        if state is not self.state:
            self.state = state
            self.events.emit(DeviceEvent("state_changed", state))

    # --- status -----------------------------------------------------------------------------
    def status(self) -> PrinterStatus:
        with self._lock:
            return self._status_locked()

    def _status_locked(self) -> PrinterStatus:
        try:
            self._open_locked()
        except DeviceError:
            return self._remember(
                PrinterStatus(online=False, paper=UNKNOWN_STATUS.paper, cover_open=None)
            )
        if not answers_status(self.settings):
            return self._remember(UNKNOWN_STATUS)
        printer = self._query(esc_status.PRINTER_STATUS)
        if printer is None:  # a printer that does not answer one query will not answer more
            return self._remember(UNKNOWN_STATUS)
        offline = self._query(esc_status.OFFLINE_CAUSE)
        paper = self._query(esc_status.PAPER_SENSOR)
        return self._remember(esc_status.decode(printer, offline, paper))

    def _query(self, n: int) -> int | None:
        transport = self._transport
        timeout = self.settings.status_timeout_seconds

        def ask() -> bytes:
            set_read_timeout(transport, timeout)
            transport._raw(esc_status.query(n))
            return transport._read()

        try:
            reply = run_with_timeout(ask, timeout + 0.5, f"printer status {n}")
        except Exception:
            # A silent printer leaves the socket in an unknown place in the conversation:
            # start the next conversation on a fresh connection.
            self._drop_transport()
            self._transport = None
            with contextlib.suppress(DeviceError):
                self._open_locked()
            return None
        finally:
            if self._transport is not None:
                set_read_timeout(self._transport, self.settings.timeout_seconds)
        return reply[-1] if reply else None

    def _remember(self, status: PrinterStatus) -> PrinterStatus:
        if status != self._last_status:
            self._last_status = status
            self.events.emit(DeviceEvent("status_changed", status))
        return status

    # --- printing ---------------------------------------------------------------------------
    def print_job(self, job: PrintJob) -> PrintResult:
        data = self.encoder.encode(job)
        with self._lock:
            before = self._status_locked()
            problem = before.blocking_problem
            if problem:
                raise DeviceError(problem, retryable=True)
            if self._transport is None:
                raise DeviceError("printer.unreachable", "no connection")
            self._set_state(DeviceState.BUSY)
            try:
                run_with_timeout(
                    lambda: self._transport._raw(data),
                    self.settings.timeout_seconds,
                    "printer write",
                )
            except Exception as exc:
                self._drop_transport()
                self._set_state(DeviceState.ERROR)
                if isinstance(exc, DeviceError):
                    raise
                raise DeviceError("printer.unreachable", str(exc)) from exc
            if submits_on_close(self.settings):
                self._drop_transport()
            self._set_state(DeviceState.IDLE)
            log.info("printed %s (%d bytes)", job.name, len(data))
            return PrintResult(bytes_sent=len(data), status_before=before)
