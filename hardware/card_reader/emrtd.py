"""Reading an ICAO 9303 eMRTD over any APDU channel: open the chip with PACE (CAN first, then
the MRZ keys) when EF.CardAccess offers it, else with BAC; then DG1, DG13, DG2 and EF.SOD under
secure messaging, passive authentication of what was read, and Active Authentication (DG15)
to tell a genuine chip from a copy.

Files are read by short file identifier, or after a SELECT by file identifier on a card that
refuses that. Reads are short (223 bytes) unless the reader says it sends extended APDUs; the
first sign that the extended path fails (6700, 6987, 6988 or a transmit error) reopens the
session and reads short from then on.
"""

from __future__ import annotations

import enum
import functools
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from hardware.card_reader import active_auth, bac, chip_auth, pace, tlv
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
    CardReaderError,
    CardRemovedError,
    NotAnIdCardError,
    ReaderUnresponsiveError,
    WrongKeyError,
)
from hardware.card_reader.lds import (
    EMRTD_AID,
    EFile,
    LdsError,
    Portrait,
    parse_dg1,
    parse_dg2,
)
from hardware.card_reader.mrz import MrzError, Td1Mrz
from hardware.card_reader.secure_messaging import SecureChannel, SecureMessagingError
from hardware.card_reader.sod import PassiveAuthResult, TrustList, parse_sod, passive_authentication

log = logging.getLogger(__name__)

SHORT_CHUNK = 0xDF  # 223 plain bytes: the protected answer still fits a short APDU
MAX_OFFSET = 0x7FFF  # READ BINARY with offset in P1-P2
_KEY_REFUSED = (0x6300, SW_SECURITY_NOT_SATISFIED, 0x6A80, 0x6988)
# answers to an extended command that mean "not this way": wrong length, SM objects missing or
# wrong (a card whose secure messaging aborts on an extended APDU)
_EXTENDED_REFUSED = (SW_WRONG_LENGTH, SW_SM_MISSING, SW_SM_INCORRECT)
CARD_ACCESS_SFI = 0x1C
CARD_ACCESS_FID = 0x011C


class CardChannel(Protocol):
    """One exclusive connection to a card: raw command APDU in, raw response out.

    Transports raise `CardReaderError` subclasses (removed, unresponsive) themselves.
    `extended_length` is what the reader said of itself (False when it would not say); `atr`
    names the kind of card, so a card that refused extended length is read short next time.
    """

    extended_length: bool
    atr: bytes

    def transmit(self, apdu: bytes) -> bytes: ...


class AccessProtocol(enum.Enum):
    PACE_CAN = "pace_can"
    PACE_MRZ = "pace_mrz"
    BAC = "bac"


class ChipCheck(enum.Enum):
    """Whether the chip itself proved it is the one the issuer made (not a copy of its files)."""

    GENUINE = "genuine"  # Chip or Active Authentication with the issuer-signed DG14/DG15 key
    FAILED = "failed"  # the chip could not prove it holds that key: a copy, or a broken chip
    NOT_OFFERED = "not_offered"  # the card offers neither
    NOT_CHECKED = "not_checked"  # the key file unreadable or not covered by the issuer


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

    mrz: Td1Mrz
    record: VietnameseRecord | None
    record_problem: str | None
    portrait: Portrait | None
    portrait_problem: str | None
    passive_auth: PassiveAuthResult | None
    passive_auth_problem: str | None
    key_index: int | None  # which of the MRZ keys opened the card (None: the CAN did)
    apdu_count: int
    access: AccessProtocol = AccessProtocol.BAC
    chip_check: ChipCheck = ChipCheck.NOT_OFFERED
    extended_refused: bool = False  # the card or reader failed an extended APDU

    def __repr__(self) -> str:
        return (
            f"ChipDocument(<hidden>, access={self.access.value}, key_index={self.key_index}, "
            f"apdus={self.apdu_count})"
        )


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
        chunk: int = SHORT_CHUNK,
        extended: bool = False,
        deadline_seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._channel = channel
        self._trust = trust
        self._chunk = max(SHORT_CHUNK, min(chunk, MAX_OFFSET)) if extended else SHORT_CHUNK
        self._deadline = clock() + deadline_seconds
        self._deadline_seconds = deadline_seconds
        self._clock = clock
        self._sm: SecureChannel | None = None
        self._reopen: Callable[[], None] | None = None
        self._sfi_proven = False
        self.extended_refused = False
        self.apdu_count = 0

    # -- transport ---------------------------------------------------------------------------
    def _transmit(self, command: bytes) -> ResponseApdu:
        if self._clock() > self._deadline:
            raise ReaderUnresponsiveError(f"card read took over {self._deadline_seconds:.1f} s")
        self.apdu_count += 1
        extended = CommandApdu.uses_extended_length(command)
        try:
            raw = self._channel.transmit(command)
        except (CardRemovedError, ReaderUnresponsiveError):
            raise
        except CardReaderError as exc:
            if extended:  # the reader (or its driver) could not carry the extended APDU
                raise _ExtendedLengthRefused from exc
            raise
        response = ResponseApdu.decode(raw)
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
        if raw.sw in _EXTENDED_REFUSED and not raw.data and command.extended:
            raise _ExtendedLengthRefused
        if raw.sw in (SW_SM_MISSING, SW_SM_INCORRECT) and not raw.data:
            raise CardProtocolError(f"card rejected secure messaging ({raw.sw:04X})")
        try:
            return self._sm.unwrap(raw)
        except SecureMessagingError as exc:
            raise CardProtocolError(str(exc)) from exc

    # -- access ------------------------------------------------------------------------------
    def _select_applet(self) -> None:
        command = CommandApdu(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID)
        response = self._protected(command) if self._sm else self._plain(command)
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
        return True

    def _bac(self, key: bac.BacKey) -> None:
        self._sm = None
        self._select_applet()
        if not self._authenticate(key):
            raise CardProtocolError("card refused a key it had accepted")

    def _card_access(self) -> list[pace.PaceInfo]:
        """The PACE parameters EF.CardAccess offers; none when the card has no such file."""
        response = self._plain(CommandApdu(0x00, 0xB0, 0x80 | CARD_ACCESS_SFI, 0, le=256))
        if response.sw not in (SW_OK, SW_END_OF_FILE):
            select = CommandApdu(0x00, 0xA4, 0x02, 0x0C, CARD_ACCESS_FID.to_bytes(2, "big"))
            if self._plain(select).sw != SW_OK:
                return []
            response = self._plain(CommandApdu(0x00, 0xB0, 0, 0, le=256))
            if response.sw not in (SW_OK, SW_END_OF_FILE):
                return []
        try:
            return [info for info in pace.parse_card_access(response.data) if info.supported]
        except LdsError as exc:
            log.info("EF.CardAccess unreadable, using BAC: %s", exc)
            return []

    def _pace(self, info: pace.PaceInfo, password: pace.PacePassword) -> bool:
        """PACE then SELECT of the applet under its keys; False when the password is refused."""
        self._sm = None
        try:
            keys = pace.establish(self._plain, info, password)
        except pace.PaceRefused:
            return False
        self._sm = SecureChannel(keys)
        self._select_applet()
        return True

    def _open_with_pace(
        self, info: pace.PaceInfo, keys: Sequence[bac.BacKey], can: str | None
    ) -> tuple[AccessProtocol, int | None]:
        tries: list[tuple[AccessProtocol, int | None, pace.PacePassword]] = []
        if can:
            tries.append((AccessProtocol.PACE_CAN, None, pace.PacePassword.from_can(can)))
        tries += [
            (AccessProtocol.PACE_MRZ, i, pace.PacePassword.from_mrz(k)) for i, k in enumerate(keys)
        ]
        for protocol, index, password in tries:
            if self._pace(info, password):
                self._reopen = functools.partial(self._reopen_pace, info, password)
                return protocol, index
        raise WrongKeyError(tried=len(tries))

    def _reopen_pace(self, info: pace.PaceInfo, password: pace.PacePassword) -> None:
        if not self._pace(info, password):
            raise CardProtocolError("card refused a password it had accepted")

    def open_session(
        self, keys: Sequence[bac.BacKey], can: str | None = None
    ) -> tuple[AccessProtocol, int | None]:
        """Open the chip: PACE (CAN, then each MRZ key) when offered, else BAC with each key.

        Returns how it opened and which MRZ key did (None for the CAN).
        """
        offers = self._card_access()
        if offers:
            try:
                return self._open_with_pace(offers[0], keys, can)
            except (pace.PaceUnavailable, pace.PaceError) as exc:
                log.info("PACE failed, trying BAC: %s", exc)
                self._sm = None
        if not keys:
            raise WrongKeyError(tried=1 if can else 0)
        self._select_applet()
        for index, key in enumerate(keys):
            if index:
                self._select_applet()  # some cards want a fresh SELECT after a refusal
            if self._authenticate(key):
                self._reopen = functools.partial(self._bac, key)
                return AccessProtocol.BAC, index
        raise WrongKeyError(tried=len(keys))

    def probe(self) -> None:
        """The card answers as an ID card: it offers PACE, or SELECT + GET CHALLENGE work."""
        if self._card_access():
            return
        self._select_applet()
        challenge = self._plain(CommandApdu(0x00, 0x84, 0x00, 0x00, le=8))
        if challenge.sw != SW_OK or len(challenge.data) != 8:
            raise CardProtocolError(f"GET CHALLENGE answered {challenge.sw:04X}")

    def _reopen_short(self) -> None:
        assert self._reopen is not None
        log.info("extended length refused; reading in short APDUs")
        self.extended_refused = True
        self._chunk = SHORT_CHUNK
        self._sfi_proven = False
        self._reopen()

    # -- files -------------------------------------------------------------------------------
    def _read_binary(self, p1: int, p2: int, length: int) -> bytes:
        response = self._protected(CommandApdu(0x00, 0xB0, p1, p2, le=length))
        if response.sw == SW_FILE_NOT_FOUND:
            raise _FileMissing
        if response.sw == SW_SECURITY_NOT_SATISFIED:
            raise CardProtocolError("card refused to read a file after authentication")
        if response.sw not in (SW_OK, SW_END_OF_FILE):
            raise CardProtocolError(f"READ BINARY answered {response.sw:04X}")
        return response.data

    def _first_chunk(self, file: EFile) -> bytes:
        """The file's first bytes by short identifier; by SELECT when the card refuses that."""
        response = self._protected(CommandApdu(0x00, 0xB0, 0x80 | file.sfi, 0, le=self._chunk))
        if response.sw in (SW_OK, SW_END_OF_FILE):
            self._sfi_proven = True
            return response.data
        if response.sw == SW_SECURITY_NOT_SATISFIED:
            raise CardProtocolError("card refused to read a file after authentication")
        if response.sw == SW_FILE_NOT_FOUND and self._sfi_proven:
            raise _FileMissing
        select = CommandApdu(0x00, 0xA4, 0x02, 0x0C, file.fid.to_bytes(2, "big"))
        selected = self._protected(select)
        if selected.sw == SW_FILE_NOT_FOUND:
            raise _FileMissing
        if selected.sw != SW_OK:
            raise CardProtocolError(f"SELECT {file.name} answered {selected.sw:04X}")
        return self._read_binary(0, 0, self._chunk)

    def read_file(self, file: EFile, on_bytes: Callable[[int, int], None] | None = None) -> bytes:
        try:
            return self._read_file(file, on_bytes)
        except _ExtendedLengthRefused:
            self._reopen_short()
            return self._read_file(file, on_bytes)

    def _read_file(self, file: EFile, on_bytes: Callable[[int, int], None] | None) -> bytes:
        data = self._first_chunk(file)
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

    def _optional_file(self, file: EFile) -> bytes | None:
        try:
            return self.read_file(file)
        except _FileMissing:
            return None

    def _chip_authentication(self, dg14: bytes) -> ChipCheck | None:
        """Chip Authentication with DG14's key (None when DG14 offers none the reader speaks).
        The chip must answer the next command under the new keys; a copy cannot."""
        try:
            key = chip_auth.parse_dg14(dg14)
        except LdsError as exc:
            log.info("DG14 unreadable: %s", exc)
            return None
        if key is None:
            return None
        try:
            keys = chip_auth.establish(self._protected, key)
        except (chip_auth.ChipAuthFailed, pace.PaceError) as exc:
            log.info("Chip Authentication refused: %s", exc)
            return ChipCheck.FAILED
        self._sm = SecureChannel(keys)
        try:
            self._first_chunk(EFile.DG14)
        except (CardProtocolError, _FileMissing):
            log.info("the chip did not answer under the Chip Authentication keys")
            assert self._reopen is not None
            self._reopen()
            return ChipCheck.FAILED
        return ChipCheck.GENUINE

    def _active_authentication(
        self, groups: dict[int, bytes], passive: PassiveAuthResult | None
    ) -> ChipCheck:
        dg15 = groups.get(15)
        if dg15 is None:
            return ChipCheck.NOT_OFFERED
        if passive is None or 15 not in passive.matched_groups:
            return ChipCheck.NOT_CHECKED
        try:
            key = active_auth.public_key(dg15)
        except LdsError:
            return ChipCheck.NOT_CHECKED
        challenge = os.urandom(8)
        answer = self._protected(CommandApdu(0x00, 0x88, 0x00, 0x00, challenge, le=256))
        if answer.sw != SW_OK or not answer.data:
            log.info("INTERNAL AUTHENTICATE answered %04X", answer.sw)
            return ChipCheck.FAILED
        if active_auth.verify(key, challenge, answer.data, groups.get(14)):
            return ChipCheck.GENUINE
        return ChipCheck.FAILED

    # -- the whole read ----------------------------------------------------------------------
    def read(
        self,
        keys: Sequence[bac.BacKey],
        *,
        can: str | None = None,
        read_portrait: bool = True,
        progress: ProgressListener | None = None,
    ) -> ChipDocument:
        def report(stage: ReadStage, fraction: float) -> None:
            if progress:
                progress(ReadProgress(stage, min(1.0, max(0.0, fraction))))

        report(ReadStage.AUTHENTICATING, 0.05)
        access, key_index = self.open_session(keys, can)
        report(ReadStage.READING, 0.2)
        groups: dict[int, bytes] = {}
        try:
            groups[1] = self.read_file(EFile.DG1)
            mrz = parse_dg1(groups[1])
        except _FileMissing as exc:
            raise NotAnIdCardError("DG1 missing") from exc
        except (LdsError, MrzError) as exc:
            raise CardProtocolError(f"unreadable MRZ: {exc}") from exc
        report(ReadStage.READING, 0.35)

        record, record_problem = None, None
        try:
            groups[13] = self.read_file(EFile.DG13)
            record = parse_dg13(groups[13])
        except _FileMissing:
            record_problem = "card_reader.dg13_missing"
        except LdsError:
            record_problem = "card_reader.dg13_malformed"
        report(ReadStage.READING, 0.5)

        portrait, portrait_problem = None, None
        if read_portrait:
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
        chip_authenticated = None
        dg14 = self._optional_file(EFile.DG14)
        if dg14 is not None:
            groups[14] = dg14
            chip_authenticated = self._chip_authentication(dg14)
        dg15 = self._optional_file(EFile.DG15) if chip_authenticated is None else None
        if dg15 is not None:
            groups[15] = dg15
        passive, passive_problem = None, None
        try:
            sod = parse_sod(self.read_file(EFile.SOD))
            passive = passive_authentication(sod, groups, self._trust)
        except _FileMissing:
            passive_problem = "card_reader.sod_missing"
        except LdsError:
            passive_problem = "card_reader.sod_malformed"
        if chip_authenticated is None:
            chip_check = self._active_authentication(groups, passive)
        elif passive is None or 14 not in passive.matched_groups:
            chip_check = ChipCheck.NOT_CHECKED  # a key the issuer did not sign proves nothing
        else:
            chip_check = chip_authenticated
        report(ReadStage.VERIFYING, 1.0)
        return ChipDocument(
            mrz=mrz,
            record=record,
            record_problem=record_problem,
            portrait=portrait,
            portrait_problem=portrait_problem,
            passive_auth=passive,
            passive_auth_problem=passive_problem,
            key_index=key_index,
            apdu_count=self.apdu_count,
            access=access,
            chip_check=chip_check,
            extended_refused=self.extended_refused,
        )
