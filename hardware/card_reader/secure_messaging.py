"""Secure messaging (ICAO 9303-11 §9.8): protects each command and checks each answer with the
session keys and the send sequence counter. 3DES after BAC (or PACE with 3DES), AES after
PACE with AES. The reader's side."""

from __future__ import annotations

import hmac

from hardware.card_reader import aes_crypto, des_crypto, tlv
from hardware.card_reader.apdu import SHORT_MAX_LE, CommandApdu, ResponseApdu
from hardware.card_reader.bac import SessionKeys

SM_CLA = 0x0C


class SecureMessagingError(Exception):
    """An answer whose MAC or structure is wrong: the session can no longer be trusted."""


def encode_le(le: int, extended: bool) -> bytes:
    if extended:
        return (le % 65536).to_bytes(2, "big")
    return bytes([le % SHORT_MAX_LE])


class SecureChannel:
    def __init__(self, keys: SessionKeys) -> None:
        self._enc = keys.encryption
        self._mac = keys.mac
        self._aes = keys.cipher == "aes"
        self._width = 16 if self._aes else 8
        self.ssc = keys.ssc

    # -- the cipher suite --------------------------------------------------------------------
    def _pad(self, data: bytes) -> bytes:
        return aes_crypto.pad(data) if self._aes else des_crypto.pad(data)

    def _encrypt(self, ssc: bytes, data: bytes) -> bytes:
        if self._aes:
            return aes_crypto.encrypt(self._enc, data, aes_crypto.block(self._enc, ssc))
        return des_crypto.encrypt(self._enc, data)

    def _decrypt(self, ssc: bytes, data: bytes) -> bytes:
        if self._aes:
            return aes_crypto.decrypt(self._enc, data, aes_crypto.block(self._enc, ssc))
        return des_crypto.decrypt(self._enc, data)

    def _unpad(self, data: bytes) -> bytes:
        return des_crypto.unpad(data)  # method 2 strips the same way for either block size

    def _mac_of(self, padded: bytes) -> bytes:
        if self._aes:
            return aes_crypto.cmac8(self._mac, padded)
        return des_crypto.retail_mac(self._mac, padded)

    def _next_ssc(self) -> bytes:
        self.ssc = (self.ssc + 1) % (1 << (8 * self._width))
        return self.ssc.to_bytes(self._width, "big")

    # -- commands and answers ----------------------------------------------------------------
    def wrap(self, command: CommandApdu) -> bytes:
        """The protected form of `command`, extended when its data or Le need it."""
        extended = command.extended
        header = bytes([SM_CLA, command.ins, command.p1, command.p2])
        ssc = self._next_ssc()
        objects = b""
        if command.data:
            cipher = self._encrypt(ssc, self._pad(command.data))
            objects += tlv.encode(0x87, b"\x01" + cipher)
        if command.le:
            objects += tlv.encode(0x97, encode_le(command.le, extended))
        mac_input = self._pad(ssc + self._pad(header) + objects)
        objects += tlv.encode(0x8E, self._mac_of(mac_input))
        protected = CommandApdu(
            SM_CLA,
            command.ins,
            command.p1,
            command.p2,
            objects,
            le=65536 if extended else SHORT_MAX_LE,
        )
        return protected.encode(force_extended=extended)

    def unwrap(self, response: ResponseApdu) -> ResponseApdu:
        """Verify and decrypt an answer; the status word inside (DO'99) is the one that counts."""
        ssc = self._next_ssc()
        try:
            objects = tlv.decode_all(response.data)
        except tlv.TlvError as exc:
            raise SecureMessagingError("answer is not made of SM data objects") from exc
        by_tag = {o.tag: o for o in objects}
        mac = by_tag.get(0x8E)
        status = by_tag.get(0x99)
        if mac is None or status is None:
            raise SecureMessagingError(f"answer lacks SM objects (status {response.sw:04X})")
        covered = b"".join(o.raw for o in objects if o.tag in (0x85, 0x87, 0x99))
        if not hmac.compare_digest(mac.value, self._mac_of(self._pad(ssc + covered))):
            raise SecureMessagingError("answer MAC is wrong")
        data = b""
        encrypted = by_tag.get(0x87)
        if encrypted is not None:
            if not encrypted.value or encrypted.value[0] != 0x01:
                raise SecureMessagingError("unknown padding indicator")
            try:
                data = self._unpad(self._decrypt(ssc, encrypted.value[1:]))
            except ValueError as exc:
                raise SecureMessagingError("encrypted answer is malformed") from exc
        if len(status.value) != 2:
            raise SecureMessagingError("status object has the wrong size")
        return ResponseApdu(data, int.from_bytes(status.value, "big"))
