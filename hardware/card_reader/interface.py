"""The `IdCardReader` interface: the PC/SC driver and the simulator differ only in how they
find a reader and open an exclusive channel to the card; the ICAO reading is shared.

Status snapshots say which of no reader / no card / card present / busy / removed mid-read /
unresponsive holds; before the first look the status is unknown, never "ok".
"""

from __future__ import annotations

import abc
import enum
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

from hardware.card_reader.bac import BacKey
from hardware.card_reader.config import CardReaderSettings
from hardware.card_reader.emrtd import (
    AccessProtocol,
    CardChannel,
    ChipCheck,
    ChipDocument,
    EmrtdReader,
    ProgressListener,
)
from hardware.card_reader.errors import (
    CardReaderError,
    CardRemovedError,
    NoReaderError,
    ReaderBusyError,
    ReaderUnresponsiveError,
)
from hardware.card_reader.sod import TrustList
from hardware.device import DeviceEvent, DeviceState, EventSource, HealthReport


class ReaderStatus(enum.Enum):
    UNKNOWN = "unknown"
    NO_READER = "no_reader"
    NO_CARD = "no_card"
    CARD_PRESENT = "card_present"
    BUSY = "busy"
    REMOVED_MID_READ = "removed_mid_read"
    UNRESPONSIVE = "unresponsive"


@dataclass(frozen=True)
class ReaderSnapshot:
    status: ReaderStatus
    reader_name: str = ""

    @property
    def status_key(self) -> str:
        """Translation key describing the status (`card_reader.status.<value>`)."""
        return f"card_reader.status.{self.status.value}"


@dataclass(frozen=True)
class ReaderCapabilities:
    contactless: bool
    extended_length: bool
    driver: str


@dataclass(frozen=True)
class ReadTiming:
    """How the last read went (no personal data): for the technician's self-test, the
    benchmark and the log."""

    seconds: float
    apdu_count: int
    access: AccessProtocol | None = None
    chip_check: ChipCheck | None = None


class IdCardReader(abc.ABC):
    """open → wait for a card → read_document (exclusive) → close.

    Events: `status_changed` (payload ReaderSnapshot), `card_inserted`, `card_removed`.
    """

    def __init__(self, settings: CardReaderSettings, capabilities: ReaderCapabilities) -> None:
        self.settings = settings
        self.capabilities = capabilities
        self.state = DeviceState.CLOSED
        self.events = EventSource()
        self.trust = TrustList.from_path(settings.trust_list_path)
        self.last_timing: ReadTiming | None = None
        # kinds of card (by ATR) that failed an extended APDU here: read short from then on
        self._short_only: set[bytes] = set()
        self._snapshot = ReaderSnapshot(ReaderStatus.UNKNOWN)
        self._observed = self._snapshot
        self._snapshot_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._presence = threading.Condition()

    # -- status ------------------------------------------------------------------------------
    def status(self) -> ReaderSnapshot:
        with self._snapshot_lock:
            return self._snapshot

    def _observe(self, status: ReaderStatus, reader_name: str = "") -> None:
        """What the driver sees in the reader. While a read runs, the read owns the status;
        a failed read's outcome stays until the reader shows something that supersedes it."""
        with self._snapshot_lock:
            self._observed = ReaderSnapshot(status, reader_name)
            current = self._snapshot.status
            if self._read_lock.locked():
                return
            if current is ReaderStatus.REMOVED_MID_READ and status is ReaderStatus.NO_CARD:
                return
            if current is ReaderStatus.UNRESPONSIVE and status is ReaderStatus.CARD_PRESENT:
                return
        self._publish(ReaderSnapshot(status, reader_name))

    def _publish(self, snapshot: ReaderSnapshot) -> None:
        with self._snapshot_lock:
            previous = self._snapshot
            self._snapshot = snapshot
        if previous == snapshot:
            return
        if snapshot.status is ReaderStatus.CARD_PRESENT and previous.status in (
            ReaderStatus.NO_CARD,
            ReaderStatus.NO_READER,
            ReaderStatus.UNKNOWN,
            ReaderStatus.REMOVED_MID_READ,
            ReaderStatus.UNRESPONSIVE,
        ):
            self.events.emit(DeviceEvent("card_inserted", snapshot))
        elif snapshot.status is ReaderStatus.NO_CARD and previous.status in (
            ReaderStatus.CARD_PRESENT,
            ReaderStatus.BUSY,
        ):
            self.events.emit(DeviceEvent("card_removed", snapshot))
        self.events.emit(DeviceEvent("status_changed", snapshot))
        with self._presence:
            self._presence.notify_all()

    def wait_for_card(self, timeout: float) -> bool:
        """Block (on a worker thread) until a card is present or `timeout` passes."""
        end = time.monotonic() + timeout
        with self._presence:
            while self.status().status is not ReaderStatus.CARD_PRESENT:
                remaining = end - time.monotonic()
                if remaining <= 0:
                    return False
                self._presence.wait(remaining)
        return True

    # -- life --------------------------------------------------------------------------------
    @abc.abstractmethod
    def open(self) -> None: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def check_health(self) -> HealthReport: ...

    @abc.abstractmethod
    def _card_channel(self) -> AbstractContextManager[CardChannel]:
        """An exclusive channel to the card in the chosen reader, released on exit."""

    # -- reading -----------------------------------------------------------------------------
    @contextmanager
    def _busy(self) -> Iterator[None]:
        if not self._read_lock.acquire(blocking=False):
            raise ReaderBusyError("another read is in progress")
        name = self.status().reader_name
        self.state = DeviceState.BUSY
        self._publish(ReaderSnapshot(ReaderStatus.BUSY, name))
        outcome: ReaderStatus | None = None
        try:
            yield
        except CardRemovedError:
            outcome = ReaderStatus.REMOVED_MID_READ
            raise
        except ReaderUnresponsiveError:
            outcome = ReaderStatus.UNRESPONSIVE
            raise
        finally:
            if self.state is DeviceState.BUSY:
                self.state = DeviceState.IDLE
            with self._snapshot_lock:
                observed = self._observed
            self._read_lock.release()
            if outcome is not None:
                self._publish(ReaderSnapshot(outcome, name))
            else:
                self._publish(observed)

    def read_document(
        self,
        keys: Sequence[BacKey],
        *,
        can: str | None = None,
        read_portrait: bool | None = None,
        progress: ProgressListener | None = None,
    ) -> ChipDocument:
        """Read the card with the CAN (PACE) or the first of the MRZ `keys` it accepts. Runs on
        a worker thread.

        Raises `WrongKeyError` when every key is refused, and the other `CardReaderError`s for
        no reader, no card, removal mid-read, an unresponsive reader or a foreign card.
        """
        if not keys and not can:
            raise ValueError("a CAN or at least one MRZ key is needed")
        if self.state is DeviceState.CLOSED:
            raise NoReaderError("reader not opened")
        portrait = self.settings.read_portrait if read_portrait is None else read_portrait
        with self._busy():
            started = time.monotonic()
            with self._card_channel() as channel:
                mode = self.settings.extended_length
                extended = (
                    mode == "on" or (mode == "auto" and channel.extended_length)
                ) and channel.atr not in self._short_only
                reader = EmrtdReader(
                    channel,
                    self.trust,
                    chunk=self.settings.read_chunk_bytes,
                    extended=extended,
                    deadline_seconds=self.settings.read_timeout_seconds,
                )
                try:
                    document = reader.read(keys, can=can, read_portrait=portrait, progress=progress)
                finally:
                    if reader.extended_refused:
                        self._short_only.add(channel.atr)
            self.last_timing = ReadTiming(
                time.monotonic() - started,
                document.apdu_count,
                document.access,
                document.chip_check,
            )
            return document

    # -- technician --------------------------------------------------------------------------
    def self_test(self) -> HealthReport:
        """Reader present, and — when a card lies on it — whether the card answers as an ID
        card (SELECT eMRTD + GET CHALLENGE, no key needed), with timings. Worker thread only."""
        health = self.check_health()
        details = dict(health.details)
        if self.status().status is not ReaderStatus.CARD_PRESENT:
            return HealthReport(health.ok, health.text, details)
        try:
            with self._busy():
                started = time.monotonic()
                with self._card_channel() as channel:
                    probe = EmrtdReader(channel, self.trust)
                    probe.probe()
                    extended = channel.extended_length
                seconds = time.monotonic() - started
        except CardReaderError as exc:
            details["probe_error"] = exc.message_key
            return HealthReport(False, f"{health.text} The card did not answer: {exc}", details)
        details["probe_seconds"] = round(seconds, 3)
        details["probe_apdus"] = probe.apdu_count
        details["reader_extended_length"] = extended
        text = (
            f"{health.text} The card answers as an ID card "
            f"({probe.apdu_count} APDUs in {seconds * 1000:.0f} ms). The reader "
            f"{'carries' if extended else 'does not say it carries'} extended-length APDUs."
        )
        if self.last_timing is not None:
            text += (
                f" Last full read: {self.last_timing.seconds * 1000:.0f} ms, "
                f"{self.last_timing.apdu_count} APDUs."
            )
        return HealthReport(health.ok, text, details)
