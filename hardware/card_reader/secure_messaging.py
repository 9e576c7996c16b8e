"""3DES secure messaging (ICAO 9303-11 §9.8): protects each command and checks each answer
with the BAC session keys and the send sequence counter. The reader's side."""

from __future__ import annotations

import hmac

from hardware.card_reader import des_crypto, tlv
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
        self.ssc = keys.ssc

    def _next_ssc(self) -> bytes:
        self.ssc = (self.ssc + 1) % (1 << 64)
        return self.ssc.to_bytes(8, "big")

    def wrap(self, command: CommandApdu) -> bytes:
        """The protected form of `command`, extended when its data or Le need it."""
        extended = command.extended
        header = bytes([SM_CLA, command.ins, command.p1, command.p2])
        objects = b""
        if command.data:
            cipher = des_crypto.encrypt(self._enc, des_crypto.pad(command.data))
            objects += tlv.encode(0x87, b"\x01" + cipher)
        if command.le:
            objects += tlv.encode(0x97, encode_le(command.le, extended))
        mac_input = des_crypto.pad(self._next_ssc() + des_crypto.pad(header) + objects)
        objects += tlv.encode(0x8E, des_crypto.retail_mac(self._mac, mac_input))
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
        expected = des_crypto.retail_mac(self._mac, des_crypto.pad(ssc + covered))
        if not hmac.compare_digest(mac.value, expected):
            raise SecureMessagingError("answer MAC is wrong")
        data = b""
        encrypted = by_tag.get(0x87)
        if encrypted is not None:
            if not encrypted.value or encrypted.value[0] != 0x01:
                raise SecureMessagingError("unknown padding indicator")
            try:
                data = des_crypto.unpad(des_crypto.decrypt(self._enc, encrypted.value[1:]))
            except ValueError as exc:
                raise SecureMessagingError("encrypted answer is malformed") from exc
        if len(status.value) != 2:
            raise SecureMessagingError("status object has the wrong size")
        return ResponseApdu(data, int.from_bytes(status.value, "big"))
