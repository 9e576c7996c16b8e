"""Reading an ICAO 9303 eMRTD over any APDU channel: SELECT the applet, BAC with each candidate
key in turn, then EF.COM, DG1, DG13, DG2 and EF.SOD under secure messaging, and passive
authentication of what was read.

Files are read by short file identifier (no separate SELECT) in chunks as large as the card
accepts, so a whole DG1+DG13 read is a handful of APDUs. A card that refuses extended length
gets the session re-established and short chunks from then on.
"""

from __future__ import annotations

import enum
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from hardware.card_reader import bac, tlv
from hardware.card_reader.apdu import (
    SW_END_OF_FILE,
    SW_FILE_NOT_FOUND,
    SW_OK,
    SW_SECURITY_NOT_SATISFIED,
    SW_SM_INCORRECT,
    SW_SM_MISSING,
    SW_WRONG_LENGTH,
    CommandApdu,
    ResponseApdu,
)
from hardware.card_reader.dg13 import VietnameseRecord, parse_dg13
from hardware.card_reader.errors import (
    CardProtocolError,
    NotAnIdCardError,
    ReaderUnresponsiveError,
    WrongKeyError,
)
from hardware.card_reader.lds import (
    EMRTD_AID,
    EfCom,
    EFile,
    LdsError,
    Portrait,
    parse_com,
    parse_dg1,
    parse_dg2,
)
from hardware.card_reader.mrz import MrzError, Td1Mrz
from hardware.card_reader.secure_messaging import SecureChannel, SecureMessagingError
from hardware.card_reader.sod import PassiveAuthResult, TrustList, parse_sod, passive_authentication

SHORT_CHUNK = 0xDF  # 223 plain bytes: the protected answer still fits a short APDU
MAX_OFFSET = 0x7FFF  # READ BINARY with offset in P1-P2
_KEY_REFUSED = (0x6300, SW_SECURITY_NOT_SATISFIED, 0x6A80, 0x6988)


class CardChannel(Protocol):
    """One exclusive connection to a card: raw command APDU in, raw response out.

    Transports raise `CardReaderError` subclasses (removed, unresponsive) themselves.
    """

    def transmit(self, apdu: bytes) -> bytes: ...


class ReadStage(enum.Enum):
    CONNECTING = "connecting"
    AUTHENTICATING = "authenticating"
    READING = "reading"
    PORTRAIT = "portrait"
    VERIFYING = "verifying"


@dataclass(frozen=True)
class ReadProgress:
    stage: ReadStage
    fraction: float  # 0..1 of the whole read


ProgressListener = Callable[[ReadProgress], None]


@dataclass(frozen=True)
class ChipDocument:
    """What the chip said, parsed; problems are translation keys, never personal data."""

    com: EfCom
    mrz: Td1Mrz
    record: VietnameseRecord | None
    record_problem: str | None
    portrait: Portrait | None
    portrait_problem: str | None
    passive_auth: PassiveAuthResult | None
    passive_auth_problem: str | None
    key_index: int  # which of the candidate keys opened the card
    apdu_count: int

    def __repr__(self) -> str:
        return f"ChipDocument(<hidden>, key_index={self.key_index}, apdus={self.apdu_count})"


class _ExtendedLengthRefused(Exception):
    pass


class _FileMissing(Exception):
    pass


class EmrtdReader:
    def __init__(
        self,
        channel: CardChannel,
        trust: TrustList,
        *,
        chunk: int = 4096,
        deadline_seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._channel = channel
        self._trust = trust
        self._chunk = max(SHORT_CHUNK, min(chunk, MAX_OFFSET))
        self._deadline = clock() + deadline_seconds
        self._deadline_seconds = deadline_seconds
        self._clock = clock
        self._sm: SecureChannel | None = None
        self._key: bac.BacKey | None = None
        self.apdu_count = 0

    # -- transport ---------------------------------------------------------------------------
    def _transmit(self, command: bytes) -> ResponseApdu:
        if self._clock() > self._deadline:
            raise ReaderUnresponsiveError(f"card read took over {self._deadline_seconds:.1f} s")
        self.apdu_count += 1
        response = ResponseApdu.decode(self._channel.transmit(command))
        if response.sw >> 8 == 0x61:  # T=0: more data waiting
            get = CommandApdu(command[0] & 0x0C, 0xC0, 0, 0, le=(response.sw & 0xFF) or 256)
            more = self._transmit(get.encode())
            return ResponseApdu(response.data + more.data, more.sw)
        return response

    def _plain(self, command: CommandApdu) -> ResponseApdu:
        return self._transmit(command.encode())

    def _protected(self, command: CommandApdu) -> ResponseApdu:
        assert self._sm is not None
        raw = self._transmit(self._sm.wrap(command))
        if raw.sw in (SW_SM_MISSING, SW_SM_INCORRECT) and not raw.data:
            raise CardProtocolError(f"card rejected secure messaging ({raw.sw:04X})")
        if raw.sw == SW_WRONG_LENGTH and not raw.data and command.extended:
            raise _ExtendedLengthRefused
        try:
            return self._sm.unwrap(raw)
        except SecureMessagingError as exc:
            raise CardProtocolError(str(exc)) from exc

    # -- access ------------------------------------------------------------------------------
    def _select_applet(self) -> None:
        response = self._plain(CommandApdu(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID))
        if response.sw != SW_OK:
            raise NotAnIdCardError(f"SELECT eMRTD applet answered {response.sw:04X}")

    def _authenticate(self, key: bac.BacKey) -> bool:
        """BAC with `key`; False when the card refuses the key."""
        challenge = self._plain(CommandApdu(0x00, 0x84, 0x00, 0x00, le=8))
        if challenge.sw != SW_OK or len(challenge.data) != 8:
            raise CardProtocolError(f"GET CHALLENGE answered {challenge.sw:04X}")
        rnd_ifd, k_ifd = os.urandom(8), os.urandom(16)
        request = bac.authentication_request(key, challenge.data, rnd_ifd, k_ifd)
        answer = self._plain(CommandApdu(0x00, 0x82, 0x00, 0x00, request, le=40))
        if answer.sw in _KEY_REFUSED:
            return False
        if answer.sw != SW_OK:
            raise CardProtocolError(f"EXTERNAL AUTHENTICATE answered {answer.sw:04X}")
        try:
            keys = bac.complete_authentication(key, answer.data, challenge.data, rnd_ifd, k_ifd)
        except bac.BacError as exc:
            raise CardProtocolError(str(exc)) from exc
        self._sm = SecureChannel(keys)
        self._key = key
        return True

    def open_session(self, keys: Sequence[bac.BacKey]) -> int:
        """SELECT and BAC with the first key the card accepts; its index in `keys`."""
        self._select_applet()
        for index, key in enumerate(keys):
            if index:
                self._select_applet()  # some cards want a fresh SELECT after a refusal
            if self._authenticate(key):
                return index
        raise WrongKeyError(tried=len(keys))

    def probe(self) -> None:
        """SELECT the applet and ask for a challenge: the card answers as an ID card."""
        self._select_applet()
        challenge = self._plain(CommandApdu(0x00, 0x84, 0x00, 0x00, le=8))
        if challenge.sw != SW_OK or len(challenge.data) != 8:
            raise CardProtocolError(f"GET CHALLENGE answered {challenge.sw:04X}")

    def _reopen_short(self) -> None:
        assert self._key is not None
        self._chunk = SHORT_CHUNK
        self._select_applet()
        if not self._authenticate(self._key):
            raise CardProtocolError("card refused a key it had accepted")

    # -- files -------------------------------------------------------------------------------
    def _read_binary(self, p1: int, p2: int, length: int) -> bytes:
        response = self._protected(CommandApdu(0x00, 0xB0, p1, p2, le=length))
        if response.sw == SW_FILE_NOT_FOUND:
            raise _FileMissing
        if response.sw == SW_SECURITY_NOT_SATISFIED:
            raise CardProtocolError("card refused to read a file after BAC")
        if response.sw not in (SW_OK, SW_END_OF_FILE):
            raise CardProtocolError(f"READ BINARY answered {response.sw:04X}")
        return response.data

    def read_file(self, file: EFile, on_bytes: Callable[[int, int], None] | None = None) -> bytes:
        try:
            return self._read_file(file, on_bytes)
        except _ExtendedLengthRefused:
            self._reopen_short()
            return self._read_file(file, on_bytes)

    def _read_file(self, file: EFile, on_bytes: Callable[[int, int], None] | None) -> bytes:
        data = self._read_binary(0x80 | file.sfi, 0, self._chunk)
        try:
            total = tlv.total_length(data[:6])
        except tlv.TlvError as exc:
            raise CardProtocolError(f"{file.name} does not start with a TLV header") from exc
        if total > MAX_OFFSET + self._chunk:
            raise CardProtocolError(f"{file.name} is larger than this reader handles")
        while len(data) < total:
            if on_bytes:
                on_bytes(len(data), total)
            offset = len(data)
            more = self._read_binary(offset >> 8, offset & 0xFF, min(self._chunk, total - offset))
            if not more:
                raise CardProtocolError(f"{file.name} ended before its stated length")
            data += more
        return data[:total]

    # -- the whole read ----------------------------------------------------------------------
    def read(
        self,
        keys: Sequence[bac.BacKey],
        *,
        read_portrait: bool = True,
        progress: ProgressListener | None = None,
    ) -> ChipDocument:
        def report(stage: ReadStage, fraction: float) -> None:
            if progress:
                progress(ReadProgress(stage, min(1.0, max(0.0, fraction))))

        report(ReadStage.AUTHENTICATING, 0.05)
        key_index = self.open_session(keys)
        report(ReadStage.READING, 0.2)
        groups: dict[int, bytes] = {}
        try:
            com = parse_com(self.read_file(EFile.COM))
            groups[1] = self.read_file(EFile.DG1)
            mrz = parse_dg1(groups[1])
        except _FileMissing as exc:
            raise NotAnIdCardError("EF.COM or DG1 missing") from exc
        except (LdsError, MrzError) as exc:
            raise CardProtocolError(f"unreadable MRZ: {exc}") from exc
        report(ReadStage.READING, 0.35)

        record, record_problem = None, None
        if com.lists(EFile.DG13):
            try:
                groups[13] = self.read_file(EFile.DG13)
                record = parse_dg13(groups[13])
            except _FileMissing:
                record_problem = "card_reader.dg13_missing"
            except LdsError:
                record_problem = "card_reader.dg13_malformed"
        else:
            record_problem = "card_reader.dg13_missing"
        report(ReadStage.READING, 0.5)

        portrait, portrait_problem = None, None
        if read_portrait and com.lists(EFile.DG2):
            report(ReadStage.PORTRAIT, 0.5)
            try:
                groups[2] = self.read_file(
                    EFile.DG2,
                    lambda done, total: report(ReadStage.PORTRAIT, 0.5 + 0.3 * done / total),
                )
                portrait = parse_dg2(groups[2])
            except _FileMissing:
                portrait_problem = "card_reader.portrait_missing"
            except LdsError:
                portrait_problem = "card_reader.portrait_malformed"

        report(ReadStage.VERIFYING, 0.85)
        passive, passive_problem = None, None
        try:
            sod = parse_sod(self.read_file(EFile.SOD))
            passive = passive_authentication(sod, groups, self._trust)
        except _FileMissing:
            passive_problem = "card_reader.sod_missing"
        except LdsError:
            passive_problem = "card_reader.sod_malformed"
        report(ReadStage.VERIFYING, 1.0)
        return ChipDocument(
            com=com,
            mrz=mrz,
            record=record,
            record_problem=record_problem,
            portrait=portrait,
            portrait_problem=portrait_problem,
            passive_auth=passive,
            passive_auth_problem=passive_problem,
            key_index=key_index,
            apdu_count=self.apdu_count,
        )
