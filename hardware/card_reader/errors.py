"""What can go wrong reading an ID card, each with the translation key a citizen is shown.

A wrong BAC key is its own error: the card is fine, the key was not (never "broken card").
"""

from __future__ import annotations

from hardware.device import DeviceError


class CardReaderError(DeviceError):
    """Base of every card-reader failure."""


class NoReaderError(CardReaderError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("card_reader.no_reader", detail)


class NoCardError(CardReaderError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("card_reader.no_card", detail)


class CardRemovedError(CardReaderError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("card_reader.removed", detail)


class ReaderUnresponsiveError(CardReaderError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("card_reader.unresponsive", detail)


class ReaderBusyError(CardReaderError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("card_reader.busy", detail)


class NotAnIdCardError(CardReaderError):
    """The card has no eMRTD application: a bank card, a transport card, an old ID."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("card_reader.not_id_card", detail, retryable=False)


class WrongKeyError(CardReaderError):
    """Every BAC key tried was refused: the ID, birth or expiry used for the key is wrong."""

    def __init__(self, tried: int) -> None:
        super().__init__("card_reader.wrong_key", f"{tried} key(s) refused", retryable=False)
        self.tried = tried


class CardProtocolError(CardReaderError):
    """The card answered in a way the standard does not allow (bad MAC, odd status)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("card_reader.protocol", detail)
