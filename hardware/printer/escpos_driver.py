"""The ESC/POS ticket printer: python-escpos for the transport, our encoder for the bytes, and
real-time status (`DLE EOT n`) before and after every job.

A ticket counts as printed only when every byte was accepted and the status read after it is
good (a printer answers `DLE EOT` in order, so its reply proves it received everything before
it), or cannot be known on a write-only transport. A job that may have printed in part is never
sent again; one that was refused before its first byte is retried once on a fresh connection.

A network printer gets a fresh connection for every conversation (a status check, a job): a
printer that was switched off and on, or a switch that drops idle connections, can never leave
the kiosk writing into a dead socket.

Between tickets a watch thread reads the printer's health. A tap on a printer the watch found
unreachable costs no network wait at all: the job is refused at once (the number shows on
screen) and the watch is woken to try again, every `UNREACHABLE_RECHECK_SECONDS` until the
printer answers. A tap that finds the watch mid-check waits for that one check, never for a
connection attempt of its own after it; so a citizen's wait is bounded by one connect limit
even when the printer went off since the last check.
"""

from __future__ import annotations

import errno
import logging
import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from hardware.device import DeviceError, DeviceEvent, DeviceState, run_with_timeout
from hardware.printer import status as esc_status
from hardware.printer.config import PrinterSettings
from hardware.printer.diagnosis import diagnose, printer_address
from hardware.printer.interface import (
    UNKNOWN_STATUS,
    Diagnosis,
    PrinterCapabilities,
    PrinterStatus,
    PrintResult,
    TicketPrinter,
)
from hardware.printer.job import PrintJob
from hardware.printer.profile import printer_model
from hardware.printer.transports import (
    answers_status,
    connection_per_conversation,
    make_transport,
    set_read_timeout,
    submits_on_close,
)

if TYPE_CHECKING:  # built on the first print: Pillow and the fonts are not start-up's work
    from hardware.printer.encoder import EscposEncoder

log = logging.getLogger(__name__)
T = TypeVar("T")

WRITE_CHUNK = 1024
# A printer on the kiosk's LAN completes a TCP handshake in milliseconds (the kernel does it,
# however loaded the kiosk is), so a connection not made in this time belongs to a printer that
# is off or unplugged. It bounds both the watch's check and a tap's own attempt.
CONNECT_SECONDS = 0.5
# How often the watch tries a printer it could not reach, so one switched back on prints again
# within about a second.
UNREACHABLE_RECHECK_SECONDS = 0.5
_NO_REPLY = object()


class _ConnectionLost(Exception):
    """The connection died; `accepted` bytes of the job had been handed over before."""

    def __init__(self, cause: BaseException, accepted: int = 0) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.accepted = accepted


def encoder_for(settings: PrinterSettings, font_dir: Path) -> EscposEncoder:
    from hardware.printer.encoder import EscposEncoder

    return EscposEncoder(
        font_dir / "NotoSans-Regular.ttf",
        font_dir / "NotoSans-Bold.ttf",
        printer_model(settings),
        settings.native_qr,
        settings.cutter,
    )


def capabilities_of(settings: PrinterSettings, reports_status: bool) -> PrinterCapabilities:
    """What the profile says, without building the encoder. Raises
    `DeviceError("printer.unknown_profile")` for a name python-escpos does not know."""
    model = printer_model(settings)
    return PrinterCapabilities(
        model.width_dots, model.draws_qr(settings.native_qr), settings.cutter, reports_status
    )


class EscposTicketPrinter(TicketPrinter):
    def __init__(self, settings: PrinterSettings, font_dir: Path) -> None:
        super().__init__(capabilities_of(settings, answers_status(settings)))
        self.settings = settings
        self._font_dir = font_dir
        self._transport = None
        self._lock = threading.Lock()  # one conversation with the printer at a time
        self._last_status: PrinterStatus = UNKNOWN_STATUS
        self._problem: Diagnosis | None = None  # why the last conversation failed
        self._unreachable = False  # the last attempt could not even connect
        self._stop = threading.Event()
        self._wake = threading.Event()  # a tap asks the watch to check now
        self._watch: threading.Thread | None = None

    @cached_property
    def encoder(self) -> EscposEncoder:
        return encoder_for(self.settings, self._font_dir)

    # --- life cycle -------------------------------------------------------------------------
    def open(self) -> None:
        """Starts the health watch; the printer itself is opened by the watch, off this thread."""
        if self._watch is None:
            self._stop.clear()
            self._watch = threading.Thread(target=self._watch_loop, name="printer-watch")
            self._watch.daemon = True
            self._watch.start()

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        watch, self._watch = self._watch, None
        if watch is not None:
            watch.join(self.settings.timeout_seconds + 1)
        with self._lock:
            self._drop_transport()
            self._set_state(DeviceState.CLOSED)

    def _watch_loop(self) -> None:
        while not self._stop.is_set():
            if self._lock.acquire(blocking=False):  # a job in progress is news enough
                try:
                    self._status_locked(CONNECT_SECONDS)
                except Exception:  # the watch reports through status; it never dies
                    log.exception("printer health watch failed")
                finally:
                    self._lock.release()
            interval = self.settings.health_interval_seconds
            if self._unreachable:
                interval = min(interval, UNREACHABLE_RECHECK_SECONDS)
            self._wake.wait(interval)
            self._wake.clear()

    def diagnosis(self) -> Diagnosis | None:
        return self._problem

    def _connect(self, timeout: float) -> None:
        if self._transport is not None:
            return
        try:
            transport = make_transport(self.settings)
        except DeviceError as exc:  # its library or command is not installed
            self._problem = Diagnosis(
                "printer.cause.driver_unavailable", {"driver": self.settings.driver}, str(exc)
            )
            self._unreachable = True
            raise
        if hasattr(transport, "timeout") and self.settings.driver == "network":
            transport.timeout = timeout  # python-escpos connects with it
        try:
            # a thread even for a network printer: a host name's lookup has no socket timeout
            run_with_timeout(transport.open, timeout + 0.5, "printer open")
        except Exception as exc:
            self._unreachable = True
            self._problem = diagnose(exc, self.settings)
            self._set_state(DeviceState.ERROR)
            raise DeviceError("printer.unreachable", str(exc)) from exc
        set_read_timeout(transport, self.settings.timeout_seconds)
        self._transport = transport
        self._unreachable = False

    def _bounded(self, call: Callable[[], T], seconds: float, what: str) -> T:
        """A socket's own timeout bounds a network call (and costs no thread); USB, serial and
        file calls get a thread that is abandoned when they hang."""
        if self.settings.driver == "network":
            return call()
        return run_with_timeout(call, seconds + 0.5, what)

    def _end_conversation(self) -> None:
        if connection_per_conversation(self.settings):
            self._drop_transport()

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

    def _status_locked(self, connect_seconds: float | None = None) -> PrinterStatus:
        try:
            self._connect(min(connect_seconds or 30.0, self.settings.timeout_seconds))
        except DeviceError:
            return self._remember(
                PrinterStatus(online=False, paper=UNKNOWN_STATUS.paper, cover_open=None)
            )
        try:
            status = self._read_status()
        except _ConnectionLost as lost:
            self._drop_transport()
            self._problem = diagnose(lost.cause, self.settings)
            return self._remember(UNKNOWN_STATUS)
        finally:
            self._end_conversation()
        self._problem = (
            Diagnosis("printer.cause.no_status_reply", {"where": printer_address(self.settings)})
            if answers_status(self.settings) and not status.known
            else None
        )
        if self.state is DeviceState.ERROR:
            self._set_state(DeviceState.IDLE)
        return self._remember(status)

    def _read_status(self) -> PrinterStatus:
        """Raises `_ConnectionLost` when the printer closed the connection."""
        if not answers_status(self.settings):
            return UNKNOWN_STATUS
        replies: list[int | None] = []
        for n in (esc_status.PRINTER_STATUS, esc_status.OFFLINE_CAUSE, esc_status.PAPER_SENSOR):
            reply = self._query(n)
            if reply is _NO_REPLY:  # a printer that missed one question will miss the rest
                break
            replies.append(reply)
        replies += [None] * (3 - len(replies))
        return esc_status.decode(*replies)

    def _query(self, n: int) -> object:
        """One status byte, `_NO_REPLY` when none came in time; raises `_ConnectionLost` when
        the printer closed the connection (a socket read returning nothing)."""
        transport = self._transport
        timeout = self.settings.status_timeout_seconds

        def ask() -> bytes:
            set_read_timeout(transport, timeout)
            transport._raw(esc_status.query(n))
            return transport._read()

        try:
            reply = self._bounded(ask, timeout, f"printer status {n}")
        except (TimeoutError, DeviceError):  # connected, but silent
            reply = None
        except OSError as exc:
            if exc.errno != errno.ETIMEDOUT:  # pyusb's read timeout is an OSError too
                raise _ConnectionLost(exc) from exc
            reply = None
        else:
            if not reply and self.settings.driver == "network":
                raise _ConnectionLost(ConnectionResetError("the printer closed the connection"))
        finally:
            if self._transport is not None:
                set_read_timeout(self._transport, self.settings.timeout_seconds)
        if not reply:
            # A late reply would land in the next question's answer: start afresh.
            self._drop_transport()
            return _NO_REPLY
        return reply[-1]

    def _remember(self, status: PrinterStatus) -> PrinterStatus:
        if status != self._last_status:
            self._last_status = status
            self.events.emit(DeviceEvent("status_changed", status))
        return status

    # --- printing ---------------------------------------------------------------------------
    def print_job(self, job: PrintJob) -> PrintResult:
        self._refuse_if_known_unreachable()
        data = self.encoder.encode(job)
        # behind the watch's check (bounded by its connect limit) or a job being printed
        self._lock.acquire()
        try:
            self._refuse_if_known_unreachable()  # the check just made found it off
            result = self._print_locked(data)
        except DeviceError:
            self._drop_transport()
            raise
        finally:
            self._end_conversation()
            self._lock.release()
        log.info("printed %s (%d bytes, confirmed=%s)", job.name, len(data), result.confirmed)
        return result

    def _refuse_if_known_unreachable(self) -> None:
        """With the watch running, a printer it could not reach is not tried by the citizen's
        tap (the watch tries it again now)."""
        if self._watch is not None and self._unreachable:
            self._wake.set()
            raise DeviceError("printer.unreachable", "unreachable at the last health check")

    def _print_locked(self, data: bytes) -> PrintResult:
        connect_timeout = min(CONNECT_SECONDS, self.settings.timeout_seconds)
        for attempt in (1, 2):
            self._connect(connect_timeout)
            try:
                before = self._read_status()
                if self._transport is None:  # silent: the next question starts afresh
                    self._connect(connect_timeout)
            except _ConnectionLost:  # closed while idle: nothing of this job was sent
                self._drop_transport()
                continue
            problem = before.blocking_problem
            if problem:
                self._remember(before)
                raise DeviceError(problem, retryable=True)
            self._set_state(DeviceState.BUSY)
            try:
                self._write(data)
            except _ConnectionLost as lost:
                self._drop_transport()
                self._problem = diagnose(lost.cause, self.settings)
                self._set_state(DeviceState.ERROR)
                if lost.accepted == 0 and attempt == 1:
                    log.warning("printer refused the job before its first byte; once more")
                    continue
                if lost.accepted == 0:
                    raise DeviceError("printer.unreachable", str(lost.cause)) from lost
                raise DeviceError(
                    "printer.not_printed", f"{lost.accepted} of {len(data)} bytes", retryable=False
                ) from lost
            return self._confirm(data, before)
        raise DeviceError("printer.unreachable", "the connection closed twice before the job")

    def _write(self, data: bytes) -> None:
        transport = self._transport
        accepted = 0
        for start in range(0, len(data), WRITE_CHUNK):
            chunk = data[start : start + WRITE_CHUNK]
            try:
                self._bounded(
                    lambda c=chunk: transport._raw(c),
                    self.settings.timeout_seconds,
                    "printer write",
                )
            except Exception as exc:
                raise _ConnectionLost(exc, accepted) from exc
            accepted += len(chunk)
        if submits_on_close(self.settings):  # a CUPS job starts when it is closed
            try:
                transport.close()
            except Exception as exc:
                raise _ConnectionLost(exc, accepted) from exc
            self._transport = None

    def _confirm(self, data: bytes, before: PrinterStatus) -> PrintResult:
        """The status after the job decides whether it counts as printed."""
        if not answers_status(self.settings):
            self._set_state(DeviceState.IDLE)
            return PrintResult(len(data), before, confirmed=None)
        try:
            after = self._read_status()
        except _ConnectionLost as lost:
            self._problem = diagnose(lost.cause, self.settings)
            self._set_state(DeviceState.ERROR)
            raise DeviceError(
                "printer.not_printed", "connection closed during the job", retryable=False
            ) from lost
        self._remember(after)
        problem = after.blocking_problem
        if problem:
            self._set_state(DeviceState.ERROR)
            raise DeviceError(problem, "stopped during the job", retryable=False)
        if after.online is None:
            if before.online is not None:  # it answered before the job and not after it
                self._set_state(DeviceState.ERROR)
                raise DeviceError(
                    "printer.not_printed", "no status reply after the job", retryable=False
                )
            self._set_state(DeviceState.IDLE)
            return PrintResult(len(data), before, confirmed=None)
        self._problem = None
        self._set_state(DeviceState.IDLE)
        return PrintResult(len(data), before, confirmed=True)
