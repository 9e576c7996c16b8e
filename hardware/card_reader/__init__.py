"""Chip ID-card readers (CCCD / thẻ căn cước, ICAO 9303): one interface, a PC/SC driver and a
simulator holding a virtual demo card."""

from hardware.card_reader.bac import NO_EXPIRY, BacKey
from hardware.card_reader.config import CardReaderSettings
from hardware.card_reader.dg13 import VietnameseRecord
from hardware.card_reader.emrtd import ChipDocument, ProgressListener, ReadProgress, ReadStage
from hardware.card_reader.errors import (
    CardProtocolError,
    CardReaderError,
    CardRemovedError,
    NoCardError,
    NoReaderError,
    NotAnIdCardError,
    ReaderBusyError,
    ReaderUnresponsiveError,
    WrongKeyError,
)
from hardware.card_reader.interface import (
    IdCardReader,
    ReaderCapabilities,
    ReaderSnapshot,
    ReaderStatus,
    ReadTiming,
)
from hardware.card_reader.lds import ImageFormat, Portrait
from hardware.card_reader.mrz import Td1Mrz
from hardware.card_reader.sod import ChainStatus, PassiveAuthResult


def open_reader(settings: CardReaderSettings) -> IdCardReader:
    """A reader for the configured driver, not yet opened (call `open()` off the Qt thread)."""
    if settings.driver == "pcsc":
        from hardware.card_reader.pcsc import PcscCardReader

        return PcscCardReader(settings)
    from hardware.card_reader.simulator import SimulatedCardReader

    return SimulatedCardReader(settings)


__all__ = [
    "NO_EXPIRY",
    "BacKey",
    "CardProtocolError",
    "CardReaderError",
    "CardReaderSettings",
    "CardRemovedError",
    "ChainStatus",
    "ChipDocument",
    "IdCardReader",
    "ImageFormat",
    "NoCardError",
    "NoReaderError",
    "NotAnIdCardError",
    "PassiveAuthResult",
    "Portrait",
    "ProgressListener",
    "ReadProgress",
    "ReadStage",
    "ReadTiming",
    "ReaderBusyError",
    "ReaderCapabilities",
    "ReaderSnapshot",
    "ReaderStatus",
    "ReaderUnresponsiveError",
    "Td1Mrz",
    "VietnameseRecord",
    "WrongKeyError",
    "open_reader",
]
