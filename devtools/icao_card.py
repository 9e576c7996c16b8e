"""An eMRTD chip card written from ICAO 9303 (parts 10 and 11) and ISO 7816-4 alone, without
any of the kiosk's card-reader code: BAC, PACE with the generic mapping (MRZ or CAN password,
3DES or AES, any standard curve), secure messaging, READ BINARY by short identifier or after
SELECT, and Active Authentication (ECDSA over the reader's challenge).

It is a `virtualsmartcard` `SmartcardOS`, so `devtools.vicc_bridge` lays it on pcscd's virtual
reader and the kiosk reads it through the real PC/SC stack. Its quirks are switches: no BAC
(PACE only), no PACE (no EF.CardAccess), refusing extended length with 6700, 6987 or 6988,
refusing short-identifier reads.

Only tests and benches use it (virtualsmartcard is GPL-3, a Debian package, never bundled).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC
from ecdsa import curves as ec_curves
from ecdsa.ellipticcurve import INFINITY, Point, PointJacobi
from virtualsmartcard.VirtualSmartcard import SmartcardOS

EMRTD_AID = bytes.fromhex("A0000002471001")
PACE_PROTOCOLS = {  # id-PACE-ECDH-GM-*: cipher, key length (ICAO 9303-11 §9.2.1)
    "3des": ("0.4.0.127.0.7.2.2.4.2.1", 16),
    "aes128": ("0.4.0.127.0.7.2.2.4.2.2", 16),
    "aes192": ("0.4.0.127.0.7.2.2.4.2.3", 24),
    "aes256": ("0.4.0.127.0.7.2.2.4.2.4", 32),
}
CURVES = {12: ec_curves.NIST256p, 13: ec_curves.BRAINPOOLP256r1, 16: ec_curves.BRAINPOOLP384r1}
EF_CARD_ACCESS = 0x011C
CA_PROTOCOLS = {  # id-CA-ECDH-*: the suite of the new keys (9303-11 §9.2.5)
    "0.4.0.127.0.7.2.2.3.2.1": "3des",
    "0.4.0.127.0.7.2.2.3.2.2": "aes128",
    "0.4.0.127.0.7.2.2.3.2.3": "aes192",
    "0.4.0.127.0.7.2.2.3.2.4": "aes256",
}


# -- encodings --------------------------------------------------------------------------------
def tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82]) + n.to_bytes(2, "big")
    return tag_bytes + length + value


def parse_tlvs(data: bytes) -> dict[int, bytes]:
    """A flat run of BER-TLVs, last one of each tag kept."""
    out: dict[int, bytes] = {}
    i = 0
    while i < len(data):
        tag = data[i]
        i += 1
        if tag & 0x1F == 0x1F:
            while True:
                tag = (tag << 8) | data[i]
                i += 1
                if not data[i - 1] & 0x80:
                    break
        n = data[i]
        i += 1
        if n & 0x80:
            count = n & 0x7F
            n = int.from_bytes(data[i : i + count], "big")
            i += count
        if i + n > len(data):
            raise ValueError("TLV runs past the data")
        out[tag] = data[i : i + n]
        i += n
    return out


def oid(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split(".")]
    body = bytearray([parts[0] * 40 + parts[1]])
    for part in parts[2:]:
        stack = [part & 0x7F]
        part >>= 7
        while part:
            stack.append(0x80 | (part & 0x7F))
            part >>= 7
        body += bytes(reversed(stack))
    return tlv(0x06, bytes(body))


def integer(value: int) -> bytes:
    return tlv(0x02, value.to_bytes(max(1, (value.bit_length() + 8) // 8), "big"))


def mrz_check(text: str) -> str:
    def value(c: str) -> int:
        if c.isdigit():
            return int(c)
        return 0 if c == "<" else ord(c) - 55

    return str(sum(value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(text)) % 10)


# -- symmetric crypto (9303-11 §9.7, §9.8) --------------------------------------------------
def _pad(data: bytes, block: int) -> bytes:
    data += b"\x80"
    return data + bytes(-len(data) % block)


def _unpad(data: bytes) -> bytes:
    end = data.rstrip(b"\x00")
    if not end.endswith(b"\x80"):
        raise ValueError("bad padding")
    return end[:-1]


def _des3(key: bytes) -> TripleDES:
    return TripleDES(key + key[:8] if len(key) == 16 else key * 3)


def _cbc(algorithm: object, iv: bytes, data: bytes, *, decrypt: bool = False) -> bytes:
    cipher = Cipher(algorithm, modes.CBC(iv))  # type: ignore[arg-type]
    worker = cipher.decryptor() if decrypt else cipher.encryptor()
    return worker.update(data) + worker.finalize()


def retail_mac(key: bytes, padded: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 (DES, then 3DES on the last block)."""
    state = bytes(8)
    k1 = TripleDES(key[:8] * 3)
    for i in range(0, len(padded), 8):
        block = bytes(a ^ b for a, b in zip(state, padded[i : i + 8], strict=True))
        state = Cipher(k1, modes.ECB()).encryptor().update(block)
    state = Cipher(TripleDES(key[8:16] * 3), modes.ECB()).decryptor().update(state)
    return Cipher(k1, modes.ECB()).encryptor().update(state)


def derive(secret: bytes, counter: int, suite: str) -> bytes:
    """KDF(K, c): SHA-1 → 16 bytes (3DES, AES-128), SHA-256 → 24 or 32 bytes."""
    length = PACE_PROTOCOLS[suite][1] if suite in PACE_PROTOCOLS else 16
    h = hashlib.sha256 if length > 16 else hashlib.sha1
    return h(secret + counter.to_bytes(4, "big")).digest()[:length]


@dataclass
class _Session:
    suite: str  # "3des" or an AES suite
    enc: bytes
    mac: bytes
    ssc: int

    @property
    def aes(self) -> bool:
        return self.suite != "3des"

    @property
    def block(self) -> int:
        return 16 if self.aes else 8

    def step(self) -> bytes:
        self.ssc += 1
        return self.ssc.to_bytes(self.block, "big")

    def _algorithm(self) -> object:
        return algorithms.AES(self.enc) if self.aes else _des3(self.enc)

    def _iv(self, ssc: bytes) -> bytes:
        if not self.aes:
            return bytes(8)
        return Cipher(algorithms.AES(self.enc), modes.ECB()).encryptor().update(ssc)

    def encrypt(self, ssc: bytes, data: bytes) -> bytes:
        return _cbc(self._algorithm(), self._iv(ssc), _pad(data, self.block))

    def decrypt(self, ssc: bytes, data: bytes) -> bytes:
        return _unpad(_cbc(self._algorithm(), self._iv(ssc), data, decrypt=True))

    def sign(self, data: bytes) -> bytes:
        padded = _pad(data, self.block)
        if self.aes:
            c = CMAC(algorithms.AES(self.mac))
            c.update(padded)
            return c.finalize()[:8]
        return retail_mac(self.mac, padded)


class SmError(Exception):
    pass


# -- the card -------------------------------------------------------------------------------
@dataclass
class CardBehaviour:
    bac: bool = True
    pace: str | None = "aes128"  # a key of PACE_PROTOCOLS, or None: no EF.CardAccess
    curve: int = 13  # standardized domain parameter id
    extended: Literal["accept", "6700", "6987", "6988"] = "accept"
    short_file_ids: bool = True  # False: READ BINARY by SFI answers 6A86, SELECT first
    random: Callable[[int], bytes] = field(default=os.urandom)


@dataclass
class CardSecrets:
    document_number: str  # 9 characters, for BAC and PACE-MRZ
    birth: str  # YYMMDD
    expiry: str  # YYMMDD
    can: str  # 6 digits
    aa_key: ec.EllipticCurvePrivateKey | None = None
    ca_key: ec.EllipticCurvePrivateKey | None = None  # Chip Authentication's static key


def card_access(protocol: str, curve: int) -> bytes:
    info = tlv(0x30, oid(protocol) + integer(2) + integer(curve))
    return tlv(0x31, info)


class IcaoCard(SmartcardOS):
    """One chip: files by file identifier (EF.CardAccess in the MF, the rest in the applet)."""

    ATR = bytes.fromhex("3B8880014943414F3933303378")  # T=1, historical bytes "ICAO9303"

    def __init__(
        self, files: dict[int, bytes], secrets: CardSecrets, behaviour: CardBehaviour
    ) -> None:
        self.files = dict(files)
        self.secrets = secrets
        self.behaviour = behaviour
        if behaviour.pace:
            self.files[EF_CARD_ACCESS] = card_access(
                PACE_PROTOCOLS[behaviour.pace][0], behaviour.curve
            )
        self.commands = 0
        self.extended_seen = 0
        self.chip_authentications = 0  # key agreements done (the reader used DG14's key)
        self.reset()

    # SmartcardOS
    def getATR(self) -> bytes:
        return self.ATR

    def powerUp(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.applet = False
        self.current: int | None = None
        self.session: _Session | None = None
        self.challenge: bytes | None = None
        self.pace_state: dict[str, object] = {}
        self.ca_suite: str | None = None
        self.next_session: _Session | None = None  # Chip Authentication's, from the next APDU

    # -- APDU parsing (ISO 7816-4 §5.1) --------------------------------------------------------
    @staticmethod
    def _parse(apdu: bytes) -> tuple[bytes, bytes, int | None, bool]:
        header, body = apdu[:4], apdu[4:]
        if not body:
            return header, b"", None, False
        if len(body) == 1:
            return header, b"", body[0] or 256, False
        if body[0] == 0 and len(body) >= 3:  # extended
            if len(body) == 3:
                return header, b"", int.from_bytes(body[1:3], "big") or 65536, True
            n = int.from_bytes(body[1:3], "big")
            data = body[3 : 3 + n]
            rest = body[3 + n :]
            le = (int.from_bytes(rest, "big") or 65536) if rest else None
            return header, data, le, True
        n = body[0]
        data = body[1 : 1 + n]
        rest = body[1 + n :]
        return header, data, (rest[0] or 256) if rest else None, False

    def execute(self, msg: bytes) -> bytes:
        self.commands += 1
        apdu = bytes(msg)
        try:
            header, data, le, extended = self._parse(apdu)
        except IndexError:
            return b"\x67\x00"
        cla, ins, p1, p2 = header
        if extended:
            self.extended_seen += 1
            if self.behaviour.extended != "accept":
                self.session = None  # a chip that cannot take it aborts secure messaging
                return bytes.fromhex(self.behaviour.extended)
        if cla & 0x0C == 0x0C:
            return self._protected(cla, ins, p1, p2, data)
        if cla not in (0x00, 0x10):
            return b"\x6e\x00"
        if ins != 0x86 or not self.pace_state:
            self.session = None
        body, sw = self._dispatch(cla, ins, p1, p2, data, le, protected=False)
        return body + sw.to_bytes(2, "big")

    def _protected(self, cla: int, ins: int, p1: int, p2: int, data: bytes) -> bytes:
        session = self.session
        if session is None:
            return b"\x69\x87"
        try:
            objects = parse_tlvs(data)
            ssc = session.step()
            covered = b""
            for tag in (0x87, 0x85, 0x97):
                if tag in objects:
                    covered += tlv(tag, objects[tag])
            mac_input = ssc + _pad(bytes([cla, ins, p1, p2]), session.block) + covered
            if 0x8E not in objects or not hmac.compare_digest(
                objects[0x8E], session.sign(mac_input)
            ):
                raise SmError
            plain = b""
            if 0x87 in objects:
                if objects[0x87][:1] != b"\x01":
                    raise SmError
                plain = session.decrypt(ssc, objects[0x87][1:])
            le = None
            if 0x97 in objects:
                raw_le = objects[0x97]
                le = int.from_bytes(raw_le, "big") or (256 if len(raw_le) == 1 else 65536)
        except (SmError, ValueError, IndexError):
            self.session = None
            return b"\x69\x88"
        body, sw = self._dispatch(0x00, ins, p1, p2, plain, le, protected=True)
        if self.session is not session:  # the command replaced or ended the session
            return body + sw.to_bytes(2, "big")
        ssc = session.step()
        out = b""
        if body:
            out += tlv(0x87, b"\x01" + session.encrypt(ssc, body))
        out += tlv(0x99, sw.to_bytes(2, "big"))
        out += tlv(0x8E, session.sign(ssc + out))
        if self.next_session is not None:  # the answer went under the old keys; now switch
            self.session, self.next_session = self.next_session, None
        return out + sw.to_bytes(2, "big")

    def _dispatch(
        self, cla: int, ins: int, p1: int, p2: int, data: bytes, le: int | None, *, protected: bool
    ) -> tuple[bytes, int]:
        if ins == 0xA4:
            return self._select(p1, data)
        if ins == 0xB0:
            return self._read(p1, p2, le or 256, protected)
        if ins == 0x84 and self.behaviour.bac:
            return self._get_challenge(le)
        if ins == 0x82 and self.behaviour.bac:
            return self._external_authenticate(data)
        if protected and self.secrets.ca_key is not None and ins == 0x22 and p1 == 0x41:
            return self._ca_set(p2, data)
        if protected and self.secrets.ca_key is not None and ins == 0x86:
            return self._ca_general_authenticate(data)
        if ins == 0x22 and p1 == 0xC1 and p2 == 0xA4 and self.behaviour.pace:
            return self._mse_set_at(data)
        if ins == 0x86 and self.behaviour.pace:
            return self._general_authenticate(cla, data)
        if ins == 0x88 and protected and self.secrets.aa_key is not None:
            return self._internal_authenticate(data)
        return b"", 0x6D00

    # -- files -------------------------------------------------------------------------------
    def _select(self, p1: int, data: bytes) -> tuple[bytes, int]:
        if p1 == 0x04:
            self.applet = data == EMRTD_AID
            self.current = None
            return b"", 0x9000 if self.applet else 0x6A82
        if p1 == 0x00 and data in (b"", b"\x3f\x00"):
            self.applet, self.current = False, None
            return b"", 0x9000
        if p1 == 0x02 and len(data) == 2:
            fid = int.from_bytes(data, "big")
            in_mf = fid == EF_CARD_ACCESS
            if fid not in self.files or (not in_mf and not self.applet):
                return b"", 0x6A82
            self.current = fid
            return b"", 0x9000
        return b"", 0x6A86

    def _read(self, p1: int, p2: int, le: int, protected: bool) -> tuple[bytes, int]:
        if p1 & 0x80:
            if not self.behaviour.short_file_ids:
                return b"", 0x6A86
            sfi = p1 & 0x1F
            candidates = [f for f in self.files if f & 0x1F == sfi and f >> 8 == 0x01]
            if not candidates:
                return b"", 0x6A82
            fid = candidates[0]
            if fid != EF_CARD_ACCESS and not self.applet:
                return b"", 0x6A82
            self.current, offset = fid, p2
        else:
            offset = (p1 << 8) | p2
        if self.current is None:
            return b"", 0x6986
        if self.current != EF_CARD_ACCESS and not protected:
            return b"", 0x6982
        content = self.files[self.current]
        if offset > len(content):
            return b"", 0x6B00
        chunk = content[offset : offset + le]
        return chunk, 0x9000 if len(chunk) == le else 0x6282

    # -- BAC (9303-11 §4.3) --------------------------------------------------------------------
    def _mrz_seed(self) -> bytes:
        s = self.secrets
        info = "".join(f + mrz_check(f) for f in (s.document_number, s.birth, s.expiry))
        return hashlib.sha1(info.encode()).digest()

    def _get_challenge(self, le: int | None) -> tuple[bytes, int]:
        if le != 8 or not self.applet:
            return b"", 0x6985 if le == 8 else 0x6700
        self.challenge = self.behaviour.random(8)
        return self.challenge, 0x9000

    def _external_authenticate(self, data: bytes) -> tuple[bytes, int]:
        challenge, self.challenge = self.challenge, None
        if challenge is None or len(data) != 40:
            return b"", 0x6985
        seed = self._mrz_seed()[:16]
        k_enc, k_mac = derive(seed, 1, "3des"), derive(seed, 2, "3des")
        if not hmac.compare_digest(data[32:], retail_mac(k_mac, _pad(data[:32], 8))):
            return b"", 0x6300
        plain = _cbc(_des3(k_enc), bytes(8), data[:32], decrypt=True)
        rnd_ifd, rnd_ic, k_ifd = plain[:8], plain[8:16], plain[16:32]
        if rnd_ic != challenge:
            return b"", 0x6300
        k_ic = self.behaviour.random(16)
        answer = _cbc(_des3(k_enc), bytes(8), rnd_ic + rnd_ifd + k_ic)
        answer += retail_mac(k_mac, _pad(answer, 8))
        seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
        ssc = int.from_bytes(rnd_ic[4:] + rnd_ifd[4:], "big")
        self.session = _Session("3des", derive(seed, 1, "3des"), derive(seed, 2, "3des"), ssc)
        return answer, 0x9000

    # -- PACE (9303-11 §4.4) -------------------------------------------------------------------
    def _mse_set_at(self, data: bytes) -> tuple[bytes, int]:
        try:
            objects = parse_tlvs(data)
        except (ValueError, IndexError):
            return b"", 0x6A80
        protocol, _ = PACE_PROTOCOLS[self.behaviour.pace or ""]
        if tlv(0x06, objects.get(0x80, b"")) != oid(protocol):
            return b"", 0x6A80
        if 0x84 in objects and objects[0x84] != bytes([self.behaviour.curve]):
            return b"", 0x6A80
        reference = objects.get(0x83, b"")
        if reference == b"\x01":
            password = self._mrz_seed()
        elif reference == b"\x02":
            password = self.secrets.can.encode()
        else:
            return b"", 0x6A88
        self.pace_state = {"password": password, "step": 1}
        return b"", 0x9000

    def _general_authenticate(self, cla: int, data: bytes) -> tuple[bytes, int]:
        state = self.pace_state
        suite = self.behaviour.pace or ""
        curve = CURVES[self.behaviour.curve]
        size = (curve.curve.p().bit_length() + 7) // 8
        if not state:
            return b"", 0x6985
        try:
            inner = parse_tlvs(parse_tlvs(data)[0x7C]) if data[2:] else {}
        except (KeyError, ValueError, IndexError):
            self.pace_state = {}
            return b"", 0x6A80

        def point(raw: bytes) -> PointJacobi:
            x, y = int.from_bytes(raw[1 : 1 + size], "big"), int.from_bytes(raw[1 + size :], "big")
            if raw[:1] != b"\x04" or not curve.curve.contains_point(x, y):
                raise ValueError("not a point")
            return PointJacobi.from_affine(Point(curve.curve, x, y, curve.order))

        def encode(p: Point | PointJacobi) -> bytes:
            return b"\x04" + p.x().to_bytes(size, "big") + p.y().to_bytes(size, "big")

        def scalar() -> int:
            return 1 + int.from_bytes(self.behaviour.random(size + 8), "big") % (curve.order - 1)

        step = state["step"]
        try:
            if step == 1:
                block = 8 if suite == "3des" else 16
                nonce = self.behaviour.random(block)
                k_pi = derive(state["password"], 3, suite)  # type: ignore[arg-type]
                algorithm = _des3(k_pi) if suite == "3des" else algorithms.AES(k_pi)
                state.update(nonce=nonce, step=2)
                return tlv(0x7C, tlv(0x80, _cbc(algorithm, bytes(block), nonce))), 0x9000
            if step == 2:
                key = scalar()
                shared = point(inner[0x81]) * key
                mapped = curve.generator * int.from_bytes(state["nonce"], "big") + shared  # type: ignore[arg-type]
                if mapped == INFINITY:
                    raise ValueError("infinity")
                state.update(generator=mapped, step=3)
                return tlv(0x7C, tlv(0x82, encode(curve.generator * key))), 0x9000
            if step == 3:
                key = scalar()
                reader_public = inner[0x83]
                own = encode(state["generator"] * key)  # type: ignore[operator]
                secret = (point(reader_public) * key).x().to_bytes(size, "big")
                state.update(own=own, theirs=reader_public, secret=secret, step=4)
                return tlv(0x7C, tlv(0x84, own)), 0x9000
            if step == 4 and cla == 0x00:
                secret = state["secret"]
                session = _Session(suite, derive(secret, 1, suite), derive(secret, 2, suite), 0)  # type: ignore[arg-type]
                protocol = oid(PACE_PROTOCOLS[suite][0])

                def token(public: bytes) -> bytes:
                    data = tlv(0x7F49, protocol + tlv(0x86, public))
                    if suite == "3des":
                        return retail_mac(session.mac, _pad(data, 8))
                    c = CMAC(algorithms.AES(session.mac))
                    c.update(data)
                    return c.finalize()[:8]

                self.pace_state = {}
                if not hmac.compare_digest(inner.get(0x85, b""), token(state["own"])):  # type: ignore[arg-type]
                    return b"", 0x6300
                self.session = session
                return tlv(0x7C, tlv(0x86, token(state["theirs"]))), 0x9000  # type: ignore[arg-type]
        except (KeyError, ValueError, IndexError):
            pass
        self.pace_state = {}
        return b"", 0x6A80

    # -- Chip Authentication (9303-11 §6.2) ---------------------------------------------------
    def _ca_set(self, p2: int, data: bytes) -> tuple[bytes, int]:
        try:
            objects = parse_tlvs(data)
        except (ValueError, IndexError):
            return b"", 0x6A80
        if p2 == 0xA6 and 0x91 in objects:  # MSE:Set KAT, 3DES: the key comes at once
            return self._ca_agree(objects[0x91], "3des")
        for dotted, suite in CA_PROTOCOLS.items():
            if tlv(0x06, objects.get(0x80, b"")) == oid(dotted):
                self.ca_suite = suite
                return b"", 0x9000
        return b"", 0x6A80

    def _ca_general_authenticate(self, data: bytes) -> tuple[bytes, int]:
        suite, self.ca_suite = self.ca_suite, None
        try:
            point = parse_tlvs(parse_tlvs(data)[0x7C])[0x80]
        except (KeyError, ValueError, IndexError):
            return b"", 0x6A80
        if suite is None:
            return b"", 0x6985
        return self._ca_agree(point, suite)

    def _ca_agree(self, point: bytes, suite: str) -> tuple[bytes, int]:
        key = self.secrets.ca_key
        assert key is not None
        try:
            public = ec.EllipticCurvePublicKey.from_encoded_point(key.curve, point)
        except ValueError:
            return b"", 0x6A80
        shared = key.exchange(ec.ECDH(), public)
        self.chip_authentications += 1
        self.next_session = _Session(suite, derive(shared, 1, suite), derive(shared, 2, suite), 0)
        return (tlv(0x7C, b"") if suite != "3des" else b""), 0x9000

    # -- Active Authentication (9303-11 §6.1) --------------------------------------------------
    def _internal_authenticate(self, data: bytes) -> tuple[bytes, int]:
        key = self.secrets.aa_key
        assert key is not None
        if len(data) != 8:
            return b"", 0x6700
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
        width = (key.curve.key_size + 7) // 8
        return r.to_bytes(width, "big") + s.to_bytes(width, "big"), 0x9000
