"""A virtual Vietnamese chip ID card: the card's side of SELECT, GET CHALLENGE, EXTERNAL
AUTHENTICATE (BAC), 3DES secure messaging and READ BINARY over the files it is given.

It answers raw APDUs with raw responses and knows nothing of transports: the simulator driver
calls it in-process as the kiosk's demo card. (The PC/SC tests use an independent card,
`devtools.icao_card`, behind pcscd's virtual reader.)
Like a real card it refuses the wrong key with 6300, drops the session on any secure-messaging
error, and (if told to) refuses extended-length APDUs.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable, Mapping

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from hardware.card_reader import bac, des_crypto, tlv
from hardware.card_reader.apdu import (
    SW_AUTH_FAILED,
    SW_CLA_NOT_SUPPORTED,
    SW_CONDITIONS_NOT_SATISFIED,
    SW_END_OF_FILE,
    SW_FILE_NOT_FOUND,
    SW_INS_NOT_SUPPORTED,
    SW_OK,
    SW_SECURITY_NOT_SATISFIED,
    SW_SM_INCORRECT,
    SW_SM_MISSING,
    SW_WRONG_LENGTH,
    SW_WRONG_OFFSET,
    ApduFormatError,
    CommandApdu,
    ResponseApdu,
)
from hardware.card_reader.lds import EMRTD_AID, EFile

_HISTORICAL = b"VNeMRTD!"


def _answer_to_reset() -> bytes:
    """T=1 with our historical bytes and the TCK check byte pcscd verifies."""
    body = bytes([0x3B, 0x80 | len(_HISTORICAL), 0x80, 0x01]) + _HISTORICAL
    check = 0
    for byte in body[1:]:
        check ^= byte
    return body + bytes([check])


ATR = _answer_to_reset()
_EAC_PROTECTED = (0x0103, 0x0104)  # DG3 fingerprints, DG4 iris: need Extended Access Control


class _SmError(Exception):
    pass


class VirtualIdCard:
    def __init__(
        self,
        files: Mapping[EFile, bytes],
        key: bac.BacKey,
        *,
        extended_length: bool = True,
        chip_key: ec.EllipticCurvePrivateKey | None = None,
        random: Callable[[int], bytes] = os.urandom,
    ) -> None:
        self._chip_key = chip_key
        self._files = {file.fid: data for file, data in files.items()}
        self._sfi = {file.sfi: file.fid for file in files}
        self._key_enc = key.encryption_key()
        self._key_mac = key.mac_key()
        self.extended_length = extended_length
        self._random = random
        self.commands_seen = 0
        self.reset()

    def reset(self) -> None:
        self._applet = False
        self._challenge: bytes | None = None
        self._session: bac.SessionKeys | None = None
        self._ssc = 0
        self._current: int | None = None

    # -- entry point -------------------------------------------------------------------------
    def execute(self, raw: bytes) -> bytes:
        self.commands_seen += 1
        try:
            command = CommandApdu.decode(raw)
        except ApduFormatError:
            return ResponseApdu(b"", SW_WRONG_LENGTH).encode()
        if CommandApdu.uses_extended_length(raw) and not self.extended_length:
            self._session = None
            return ResponseApdu(b"", SW_WRONG_LENGTH).encode()
        if command.cla & 0x0C == 0x0C:
            return self._execute_protected(command)
        if command.cla != 0x00:
            return ResponseApdu(b"", SW_CLA_NOT_SUPPORTED).encode()
        self._session = None  # a plain command ends secure messaging
        return self._dispatch(command, protected=False).encode()

    def _execute_protected(self, command: CommandApdu) -> bytes:
        if self._session is None:
            return ResponseApdu(b"", SW_SM_MISSING).encode()
        try:
            inner = self._unwrap(command)
        except _SmError:
            self._session = None
            return ResponseApdu(b"", SW_SM_INCORRECT).encode()
        return self._wrap(self._dispatch(inner, protected=True)).encode()

    def _dispatch(self, command: CommandApdu, *, protected: bool) -> ResponseApdu:
        handlers = {
            0xA4: self._select,
            0x84: self._get_challenge,
            0x82: self._external_authenticate,
            0xB0: self._read_binary,
            0x88: self._internal_authenticate,
        }
        handler = handlers.get(command.ins)
        if handler is None:
            return ResponseApdu(b"", SW_INS_NOT_SUPPORTED)
        if command.ins in (0xB0, 0x88) and not protected:
            return ResponseApdu(b"", SW_SECURITY_NOT_SATISFIED)
        return handler(command)

    # -- secure messaging (card side) --------------------------------------------------------
    def _next_ssc(self) -> bytes:
        self._ssc = (self._ssc + 1) % (1 << 64)
        return self._ssc.to_bytes(8, "big")

    def _unwrap(self, command: CommandApdu) -> CommandApdu:
        assert self._session is not None
        try:
            objects = tlv.decode_all(command.data)
        except tlv.TlvError as exc:
            raise _SmError from exc
        by_tag = {o.tag: o for o in objects}
        mac = by_tag.get(0x8E)
        if mac is None:
            raise _SmError
        header = des_crypto.pad(bytes([command.cla, command.ins, command.p1, command.p2]))
        covered = b"".join(o.raw for o in objects if o.tag in (0x87, 0x97))
        expected = des_crypto.retail_mac(
            self._session.mac, des_crypto.pad(self._next_ssc() + header + covered)
        )
        if not hmac.compare_digest(mac.value, expected):
            raise _SmError
        data = b""
        if 0x87 in by_tag:
            body = by_tag[0x87].value
            try:
                data = des_crypto.unpad(des_crypto.decrypt(self._session.encryption, body[1:]))
            except ValueError as exc:
                raise _SmError from exc
        le = 0
        if 0x97 in by_tag:
            value = by_tag[0x97].value
            le = int.from_bytes(value, "big") or (256 if len(value) == 1 else 65536)
        return CommandApdu(0x00, command.ins, command.p1, command.p2, data, le)

    def _wrap(self, response: ResponseApdu) -> ResponseApdu:
        assert self._session is not None
        objects = b""
        if response.data:
            cipher = des_crypto.encrypt(self._session.encryption, des_crypto.pad(response.data))
            objects += tlv.encode(0x87, b"\x01" + cipher)
        objects += tlv.encode(0x99, response.sw.to_bytes(2, "big"))
        mac = des_crypto.retail_mac(self._session.mac, des_crypto.pad(self._next_ssc() + objects))
        return ResponseApdu(objects + tlv.encode(0x8E, mac), response.sw)

    # -- commands ----------------------------------------------------------------------------
    def _select(self, command: CommandApdu) -> ResponseApdu:
        if command.p1 == 0x04:
            self._applet = command.data == EMRTD_AID
            self._session = None
            self._current = None
            return ResponseApdu(b"", SW_OK if self._applet else SW_FILE_NOT_FOUND)
        if command.p1 == 0x02 and self._applet and len(command.data) == 2:
            fid = int.from_bytes(command.data, "big")
            if fid not in self._files and fid not in _EAC_PROTECTED:
                return ResponseApdu(b"", SW_FILE_NOT_FOUND)
            self._current = fid
            return ResponseApdu(b"", SW_OK)
        return ResponseApdu(b"", SW_FILE_NOT_FOUND)

    def _get_challenge(self, command: CommandApdu) -> ResponseApdu:
        if not self._applet:
            return ResponseApdu(b"", SW_CONDITIONS_NOT_SATISFIED)
        if command.le != 8:
            return ResponseApdu(b"", SW_WRONG_LENGTH)
        self._challenge = self._random(8)
        return ResponseApdu(self._challenge, SW_OK)

    def _external_authenticate(self, command: CommandApdu) -> ResponseApdu:
        challenge, self._challenge = self._challenge, None
        if challenge is None:
            return ResponseApdu(b"", SW_CONDITIONS_NOT_SATISFIED)
        if len(command.data) != 40:
            return ResponseApdu(b"", SW_WRONG_LENGTH)
        encrypted, mac = command.data[:32], command.data[32:]
        expected = des_crypto.retail_mac(self._key_mac, des_crypto.pad(encrypted))
        if not hmac.compare_digest(mac, expected):
            return ResponseApdu(b"", SW_AUTH_FAILED)
        plain = des_crypto.decrypt(self._key_enc, encrypted)
        rnd_ifd, rnd_ic, k_ifd = plain[:8], plain[8:16], plain[16:32]
        if rnd_ic != challenge:
            return ResponseApdu(b"", SW_AUTH_FAILED)
        k_ic = self._random(16)
        answer = des_crypto.encrypt(self._key_enc, rnd_ic + rnd_ifd + k_ic)
        answer += des_crypto.retail_mac(self._key_mac, des_crypto.pad(answer))
        self._session = bac.session_keys(k_ifd, k_ic, rnd_ic, rnd_ifd)
        self._ssc = self._session.ssc
        return ResponseApdu(answer, SW_OK)

    def _internal_authenticate(self, command: CommandApdu) -> ResponseApdu:
        """Active Authentication: ECDSA-SHA256 over the reader's challenge, plain r‖s."""
        if self._chip_key is None:
            return ResponseApdu(b"", SW_INS_NOT_SUPPORTED)
        if len(command.data) != 8:
            return ResponseApdu(b"", SW_WRONG_LENGTH)
        r, s = decode_dss_signature(self._chip_key.sign(command.data, ec.ECDSA(hashes.SHA256())))
        size = (self._chip_key.curve.key_size + 7) // 8
        return ResponseApdu(r.to_bytes(size, "big") + s.to_bytes(size, "big"), SW_OK)

    def _read_binary(self, command: CommandApdu) -> ResponseApdu:
        if command.p1 & 0x80:
            fid = self._sfi.get(command.p1 & 0x1F)
            if fid is None:
                return ResponseApdu(b"", SW_FILE_NOT_FOUND)
            self._current = fid
            offset = command.p2
        else:
            offset = (command.p1 << 8) | command.p2
        if self._current in _EAC_PROTECTED:
            return ResponseApdu(b"", SW_SECURITY_NOT_SATISFIED)
        content = self._files.get(self._current) if self._current is not None else None
        if content is None:
            return ResponseApdu(b"", SW_FILE_NOT_FOUND)
        if offset > len(content):
            return ResponseApdu(b"", SW_WRONG_OFFSET)
        data = content[offset : offset + command.le]
        return ResponseApdu(data, SW_END_OF_FILE if len(data) < command.le else SW_OK)
