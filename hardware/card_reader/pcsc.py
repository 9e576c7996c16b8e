"""The PC/SC driver (pyscard over pcscd): readers chosen by a name pattern, a monitor thread that
turns reader and card changes into events, exclusive access while reading, and a timeout on
every call into PC/SC (pyscard's transmit and connect have none of their own).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from hardware.card_reader.config import CardReaderSettings
from hardware.card_reader.emrtd import CardChannel
from hardware.card_reader.errors import (
    CardProtocolError,
    CardReaderError,
    CardRemovedError,
    NoCardError,
    NoReaderError,
    ReaderBusyError,
    ReaderUnresponsiveError,
)
from hardware.card_reader.interface import IdCardReader, ReaderCapabilities, ReaderStatus
from hardware.device import DeviceState, DeviceTimeout, HealthReport, run_with_timeout

log = logging.getLogger(__name__)

try:
    from smartcard import scard
except ImportError:  # pyscard missing: the driver says so instead of breaking the kiosk
    scard = None


# pcscd polls card presence about every 400 ms; give it a little more to notice a removal
_REMOVAL_NOTICE_SECONDS = 1.0


def _is_usable() -> bool:
    return scard is not None


def _error_for(hresult: int, what: str) -> CardReaderError:
    """The reader error a PC/SC result code means."""
    message = f"{what}: {scard.SCardGetErrorMessage(hresult)}"
    if hresult in (scard.SCARD_W_REMOVED_CARD, scard.SCARD_W_RESET_CARD):
        return CardRemovedError(message)
    if hresult == scard.SCARD_E_NO_SMARTCARD:
        return NoCardError(message)
    if hresult in (
        scard.SCARD_E_NO_SERVICE,
        scard.SCARD_E_UNKNOWN_READER,
        scard.SCARD_E_READER_UNAVAILABLE,
        scard.SCARD_E_NO_READERS_AVAILABLE,
    ):
        return NoReaderError(message)
    if hresult == scard.SCARD_E_SHARING_VIOLATION:
        return ReaderBusyError(message)
    if hresult in (scard.SCARD_W_UNRESPONSIVE_CARD, scard.SCARD_E_TIMEOUT):
        return ReaderUnresponsiveError(message)
    return CardProtocolError(message)


# a command APDU longer than a short one (5 header/length bytes + 255 data + Le) is extended
_SHORT_APDU_MAX = 261


class _PcscChannel:
    def __init__(self, handle: Any, protocol: int, timeout: float) -> None:
        self._handle = handle
        self._protocol = protocol
        self._timeout = timeout
        self.atr = self._atr()
        self.extended_length = self._reader_takes_extended()

    def _atr(self) -> bytes:
        hresult, _reader, _state, _protocol, atr = scard.SCardStatus(self._handle)
        return bytes(atr) if hresult == scard.SCARD_S_SUCCESS else b""

    def _reader_takes_extended(self) -> bool:
        """Ask the reader driver its largest command APDU (pcsc-lite's SCARD_ATTR_MAXINPUT,
        which CCID answers); a driver that does not say is taken to send short APDUs only."""
        hresult, value = scard.SCardGetAttrib(self._handle, scard.SCARD_ATTR_MAXINPUT)
        if hresult != scard.SCARD_S_SUCCESS or not value:
            return False
        return int.from_bytes(bytes(value), "little") > _SHORT_APDU_MAX

    def transmit(self, apdu: bytes) -> bytes:
        def call() -> tuple[int, list[int]]:
            return scard.SCardTransmit(self._handle, self._protocol, list(apdu))

        try:
            hresult, response = run_with_timeout(call, self._timeout, "card APDU")
        except DeviceTimeout as exc:
            raise ReaderUnresponsiveError(str(exc)) from exc
        except SystemError as exc:  # pyscard's answer to a handle pcscd already dropped
            raise CardRemovedError("card connection lost") from exc
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error_for(hresult, "transmit")
        if len(response) < 2:
            raise self._why_silent()
        return bytes(response)

    def _why_silent(self) -> CardReaderError:
        """An answer without even a status word: the link to the card broke. pcscd notices a
        card taken away only at its next presence poll, so ask it for a little while."""
        end = time.monotonic() + _REMOVAL_NOTICE_SECONDS
        while time.monotonic() < end:
            hresult = scard.SCardStatus(self._handle)[0]
            if hresult != scard.SCARD_S_SUCCESS:
                return _error_for(hresult, "card status")
            time.sleep(0.05)
        return CardProtocolError("the card gave an empty answer")


class PcscCardReader(IdCardReader):
    def __init__(self, settings: CardReaderSettings) -> None:
        # whether the reader carries extended APDUs is asked per connection (see _PcscChannel)
        super().__init__(settings, ReaderCapabilities(True, False, "pcsc"))
        self._stop = threading.Event()
        self._monitor_thread: threading.Thread | None = None
        self._monitor_context: Any = None
        self._problem = ""  # why no reader is seen, for the technician

    # -- life --------------------------------------------------------------------------------
    def open(self) -> None:
        if not _is_usable():
            self._problem = "pyscard is not installed"
            self._observe(ReaderStatus.NO_READER)
            self.state = DeviceState.ERROR
            return
        self._stop.clear()
        self._monitor_thread = threading.Thread(
            target=self._monitor, name="card-reader-monitor", daemon=True
        )
        self._monitor_thread.start()
        self.state = DeviceState.IDLE

    def close(self) -> None:
        self._stop.set()
        context = self._monitor_context
        if context is not None and scard is not None:
            try:  # wakes the monitor; a reader hung inside pcscd can block even this
                self._call(lambda: scard.SCardCancel(context), "stopping the monitor", 1.0)
            except CardReaderError as exc:
                log.warning("card reader: %s", exc)
        if self._monitor_thread is not None:
            self._monitor_thread.join(self.settings.poll_interval_seconds + 2.0)
            self._monitor_thread = None
        self.state = DeviceState.CLOSED

    # -- watching ----------------------------------------------------------------------------
    def _establish(self) -> Any:
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error_for(hresult, "PC/SC service")
        return context

    def _matching_readers(self, context: Any) -> list[str]:
        hresult, readers = scard.SCardListReaders(context, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error_for(hresult, "listing readers")
        matching = [r for r in readers if self.settings.matches(r)]
        found = ", ".join(readers) or "none"
        pattern = self.settings.reader_pattern
        self._problem = "" if matching else f"no reader matches {pattern!r} (found: {found})"
        return matching

    def _monitor(self) -> None:
        known: dict[str, int] = {}
        wait_ms = int(self.settings.poll_interval_seconds * 1000)
        while not self._stop.is_set():
            try:
                if self._monitor_context is None:
                    self._monitor_context = self._establish()
                readers = self._matching_readers(self._monitor_context)
                if not readers:
                    known.clear()
                    self._observe(ReaderStatus.NO_READER)
                    self._stop.wait(self.settings.poll_interval_seconds)
                    continue
                states = [(r, known.get(r, scard.SCARD_STATE_UNAWARE)) for r in readers]
                hresult, changed = scard.SCardGetStatusChange(
                    self._monitor_context, wait_ms, states
                )
                if hresult in (scard.SCARD_E_TIMEOUT, scard.SCARD_E_CANCELLED):
                    continue
                if hresult != scard.SCARD_S_SUCCESS:
                    raise _error_for(hresult, "watching readers")
                for name, event_state, _atr in changed:
                    known[name] = event_state & ~scard.SCARD_STATE_CHANGED
                self._observe_states(readers, known)
            except NoReaderError as exc:
                self._problem = str(exc)
                self._observe(ReaderStatus.NO_READER)
                self._drop_monitor_context()
                self._stop.wait(self.settings.poll_interval_seconds)
            except CardReaderError as exc:
                log.warning("card reader monitor: %s", exc)
                self._drop_monitor_context()
                self._stop.wait(self.settings.poll_interval_seconds)
        self._drop_monitor_context()

    def _drop_monitor_context(self) -> None:
        if self._monitor_context is not None:
            scard.SCardReleaseContext(self._monitor_context)
            self._monitor_context = None

    def _observe_states(self, readers: list[str], known: dict[str, int]) -> None:
        for name in readers:
            state = known.get(name, 0)
            if state & scard.SCARD_STATE_PRESENT and state & scard.SCARD_STATE_MUTE:
                self._observe(ReaderStatus.UNRESPONSIVE, name)
                return
            if state & scard.SCARD_STATE_PRESENT:
                self._observe(ReaderStatus.CARD_PRESENT, name)
                return
        self._observe(ReaderStatus.NO_CARD, readers[0])

    # -- reading -----------------------------------------------------------------------------
    def _reader_with_card(self, context: Any) -> str:
        readers = self._matching_readers(context)
        if not readers:
            raise NoReaderError(self._problem)
        states = [(r, scard.SCARD_STATE_UNAWARE) for r in readers]
        hresult, current = scard.SCardGetStatusChange(context, 0, states)
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error_for(hresult, "reader state")
        for name, state, _atr in current:
            if state & scard.SCARD_STATE_PRESENT:
                if state & scard.SCARD_STATE_MUTE:
                    raise ReaderUnresponsiveError("the card does not answer")
                return name
        raise NoCardError("no card on the reader")

    def _call(self, fn: Any, what: str, seconds: float) -> Any:
        try:
            return run_with_timeout(fn, seconds, what)
        except DeviceTimeout as exc:
            raise ReaderUnresponsiveError(str(exc)) from exc

    @contextmanager
    def _card_channel(self) -> Iterator[CardChannel]:
        if not _is_usable():
            raise NoReaderError("pyscard is not installed")
        timeout = self.settings.connect_timeout_seconds
        context = self._call(self._establish, "PC/SC context", timeout)
        handle = None
        stuck = False
        try:
            name = self._reader_with_card(context)
            hresult, handle, protocol = self._call(
                lambda: scard.SCardConnect(
                    context,
                    name,
                    scard.SCARD_SHARE_EXCLUSIVE,
                    scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
                ),
                "connecting to the card",
                timeout,
            )
            if hresult != scard.SCARD_S_SUCCESS:
                handle = None
                raise _error_for(hresult, "connecting to the card")
            yield _PcscChannel(handle, protocol, self.settings.apdu_timeout_seconds)
        except ReaderUnresponsiveError:
            stuck = True
            raise
        finally:
            if stuck:
                # pcscd is still inside the transmit that timed out and would hold the release
                # calls until the card is lifted: release in the background, give up now
                threading.Thread(
                    target=self._release, args=(context, handle), name="card-release", daemon=True
                ).start()
            else:
                self._release(context, handle)

    def _release(self, context: Any, handle: Any) -> None:
        timeout = self.settings.connect_timeout_seconds
        if handle is not None:
            # reset, so the secure-messaging session dies with the connection
            try:
                self._call(
                    lambda: scard.SCardDisconnect(handle, scard.SCARD_RESET_CARD),
                    "releasing the card",
                    timeout,
                )
            except CardReaderError as exc:
                log.warning("card reader: %s", exc)
        try:
            self._call(lambda: scard.SCardReleaseContext(context), "releasing PC/SC", timeout)
        except CardReaderError as exc:
            log.warning("card reader: %s", exc)

    # -- technician --------------------------------------------------------------------------
    def check_health(self) -> HealthReport:
        snapshot = self.status()
        details: dict[str, Any] = {"status": snapshot.status.value, "reader": snapshot.reader_name}
        if self.last_timing:
            details["last_read_seconds"] = round(self.last_timing.seconds, 3)
            details["last_read_apdus"] = self.last_timing.apdu_count
        if snapshot.status is ReaderStatus.UNKNOWN:
            return HealthReport(False, "Card reader state not known yet.", details)
        if snapshot.status is ReaderStatus.NO_READER:
            return HealthReport(
                False, f"No card reader: {self._problem or 'none connected'}.", details
            )
        if snapshot.status is ReaderStatus.UNRESPONSIVE:
            return HealthReport(
                False, f"Reader {snapshot.reader_name} or its card does not answer.", details
            )
        card = {
            ReaderStatus.CARD_PRESENT: "a card is on it",
            ReaderStatus.BUSY: "reading a card",
            ReaderStatus.REMOVED_MID_READ: "the last card was taken away during the read",
        }.get(snapshot.status, "no card on it")
        return HealthReport(True, f"Reader {snapshot.reader_name} ready; {card}.", details)
