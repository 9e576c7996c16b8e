"""Chip ID-card readers (CCCD / thẻ căn cước, ICAO 9303): one interface, a PC/SC driver and a
simulator holding a virtual demo card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from foundation.lazy_imports import lazy_exports

if TYPE_CHECKING:
    from hardware.card_reader.config import CardReaderSettings
    from hardware.card_reader.interface import IdCardReader


def open_reader(settings: CardReaderSettings) -> IdCardReader:
    """A reader for the configured driver, not yet opened (call `open()` off the Qt thread)."""
    if settings.driver == "pcsc":
        from hardware.card_reader.pcsc import PcscCardReader

        return PcscCardReader(settings)
    from hardware.card_reader.simulator import SimulatedCardReader

    return SimulatedCardReader(settings)


# Names load on first use: reading `[card_reader]` settings at start-up must not pull in
# pyscard and cryptography.
_EXPORTS = {
    "NO_EXPIRY": "hardware.card_reader.bac",
    "BacKey": "hardware.card_reader.bac",
    "CardReaderSettings": "hardware.card_reader.config",
    "VietnameseRecord": "hardware.card_reader.dg13",
    "AccessProtocol": "hardware.card_reader.emrtd",
    "ChipCheck": "hardware.card_reader.emrtd",
    "ChipDocument": "hardware.card_reader.emrtd",
    "ProgressListener": "hardware.card_reader.emrtd",
    "ReadProgress": "hardware.card_reader.emrtd",
    "ReadStage": "hardware.card_reader.emrtd",
    "CardProtocolError": "hardware.card_reader.errors",
    "CardReaderError": "hardware.card_reader.errors",
    "CardRemovedError": "hardware.card_reader.errors",
    "NoCardError": "hardware.card_reader.errors",
    "NoReaderError": "hardware.card_reader.errors",
    "NotAnIdCardError": "hardware.card_reader.errors",
    "ReaderBusyError": "hardware.card_reader.errors",
    "ReaderUnresponsiveError": "hardware.card_reader.errors",
    "WrongKeyError": "hardware.card_reader.errors",
    "IdCardReader": "hardware.card_reader.interface",
    "ReaderCapabilities": "hardware.card_reader.interface",
    "ReaderSnapshot": "hardware.card_reader.interface",
    "ReaderStatus": "hardware.card_reader.interface",
    "ReadTiming": "hardware.card_reader.interface",
    "ImageFormat": "hardware.card_reader.lds",
    "Portrait": "hardware.card_reader.lds",
    "Td1Mrz": "hardware.card_reader.mrz",
    "ChainStatus": "hardware.card_reader.sod",
    "PassiveAuthResult": "hardware.card_reader.sod",
}


__getattr__ = lazy_exports(__name__, _EXPORTS)


__all__ = [
    "NO_EXPIRY",
    "AccessProtocol",
    "BacKey",
    "CardProtocolError",
    "CardReaderError",
    "CardReaderSettings",
    "CardRemovedError",
    "ChainStatus",
    "ChipCheck",
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
