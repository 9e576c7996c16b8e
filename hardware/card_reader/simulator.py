"""A simulated reader holding the virtual demo card in-process, for demos and development.

It speaks the same APDUs as a real card (BAC, secure messaging, the same files) and plays the
faults a real reader shows: no reader, an unresponsive reader, a card pulled out mid-read, a
tampered or malformed DG13. `insert_card` / `remove_card` stand in for a citizen's hand.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from cryptography.hazmat.primitives.asymmetric import ec

from hardware.card_reader.config import CardReaderSettings
from hardware.card_reader.demo_document import (
    CardFaults,
    DemoCitizen,
    DemoSigner,
    build_card_files,
    demo_citizen,
)
from hardware.card_reader.emrtd import CardChannel
from hardware.card_reader.errors import (
    CardRemovedError,
    NoCardError,
    NoReaderError,
    ReaderUnresponsiveError,
)
from hardware.card_reader.interface import IdCardReader, ReaderCapabilities, ReaderStatus
from hardware.card_reader.virtual_card import ATR, VirtualIdCard
from hardware.device import DeviceState, HealthReport

READER_NAME = "Kiosk simulated contactless reader"
# a contactless APDU round trip takes a few milliseconds on a real reader
_APDU_SECONDS = 0.004
# the removed_mid_read fault pulls the card out after this many APDUs (inside the file reads)
_REMOVE_AFTER = 5


class _SimulatedChannel:
    extended_length = True  # the in-process "reader" carries any length
    atr = ATR

    def __init__(self, reader: SimulatedCardReader, card: VirtualIdCard) -> None:
        self._reader = reader
        self._card = card

    def transmit(self, apdu: bytes) -> bytes:
        reader = self._reader
        fault = reader.fault
        if fault == "unresponsive":
            time.sleep(reader.settings.apdu_timeout_seconds)
            raise ReaderUnresponsiveError("simulated reader did not answer")
        if reader.card is not self._card:
            raise CardRemovedError("card taken away during the read")
        if fault == "removed_mid_read" and self._card.commands_seen >= _REMOVE_AFTER:
            reader.remove_card()
            raise CardRemovedError("card taken away during the read")
        if reader.realtime:
            time.sleep(_APDU_SECONDS)
        return self._card.execute(apdu)


class SimulatedCardReader(IdCardReader):
    def __init__(
        self,
        settings: CardReaderSettings,
        *,
        citizen: DemoCitizen | None = None,
        signer: DemoSigner | None = None,
        realtime: bool = False,
        signer_factory: Callable[[], DemoSigner] = DemoSigner.generate,
    ) -> None:
        super().__init__(settings, ReaderCapabilities(True, True, "simulator"))
        self.citizen = citizen or demo_citizen()
        self._signer = signer
        self._signer_factory = signer_factory
        self.realtime = realtime
        self.fault = settings.simulator_fault
        self.card: VirtualIdCard | None = None
        self._lock = threading.Lock()

    @property
    def signer(self) -> DemoSigner:
        if self._signer is None:
            self._signer = self._signer_factory()
        return self._signer

    def open(self) -> None:
        self.state = DeviceState.IDLE
        if self.fault == "no_reader":
            self._observe(ReaderStatus.NO_READER)
        elif self.settings.simulator_card_present:
            self.insert_card()
        else:
            self._observe(ReaderStatus.NO_CARD, READER_NAME)

    def close(self) -> None:
        self.state = DeviceState.CLOSED

    def set_fault(self, fault: str) -> None:
        self.fault = fault
        if fault == "no_reader":
            self._observe(ReaderStatus.NO_READER)

    def insert_card(
        self, citizen: DemoCitizen | None = None, *, extended_length: bool = True
    ) -> None:
        """Put a card on the reader (the demo citizen's unless another is given)."""
        if citizen is not None:
            self.citizen = citizen
        faults = CardFaults(
            tampered_dg13=self.fault == "tampered",
            malformed_dg13=self.fault == "malformed_dg13",
        )
        chip_key = ec.generate_private_key(ec.SECP256R1())  # the demo chip's own key
        files = build_card_files(self.citizen, self.signer, faults, chip_key)
        with self._lock:
            self.card = VirtualIdCard(
                files, self.citizen.bac_key(), extended_length=extended_length, chip_key=chip_key
            )
        self._observe(ReaderStatus.CARD_PRESENT, READER_NAME)

    def remove_card(self) -> None:
        with self._lock:
            self.card = None
        self._observe(ReaderStatus.NO_CARD, READER_NAME)

    def check_health(self) -> HealthReport:
        status = self.status().status
        if self.fault == "no_reader":
            return HealthReport(False, "Simulated reader: no reader connected (fault mode).")
        if self.fault == "unresponsive":
            return HealthReport(False, "Simulated reader: not responding (fault mode).")
        card = "a demo card is on it" if status is ReaderStatus.CARD_PRESENT else "no card on it"
        return HealthReport(True, f"Simulated reader ready; {card}.", {"status": status.value})

    @contextmanager
    def _card_channel(self) -> Iterator[CardChannel]:
        if self.fault == "no_reader":
            raise NoReaderError("no reader connected")
        with self._lock:
            card = self.card
        if card is None:
            raise NoCardError("no card on the reader")
        card.reset()
        card.commands_seen = 0
        try:
            yield _SimulatedChannel(self, card)
        finally:
            card.reset()
