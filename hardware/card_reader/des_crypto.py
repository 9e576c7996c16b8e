"""The 3DES primitives of ICAO 9303-11 BAC and its secure messaging: two-key 3DES-CBC with a
zero IV, the ISO 9797-1 retail MAC (algorithm 3), method-2 padding and the SHA-1 key derivation.

3DES is "decrepit" in `cryptography` but it is what BAC cards speak.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, modes

BLOCK = 8
ZERO_IV = bytes(BLOCK)
KDF_ENC = 1
KDF_MAC = 2


def pad(data: bytes) -> bytes:
    """ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to a whole block."""
    padded = data + b"\x80"
    return padded + bytes(-len(padded) % BLOCK)


def unpad(data: bytes) -> bytes:
    stripped = data.rstrip(b"\x00")
    if not stripped or stripped[-1] != 0x80:
        raise ValueError("padding missing")
    return stripped[:-1]


def _triple(key: bytes) -> TripleDES:
    """Spell 8- and 16-byte keys out as the 24 bytes they stand for (K1K1K1, K1K2K1)."""
    if len(key) == 8:
        return TripleDES(key * 3)
    if len(key) == 16:
        return TripleDES(key + key[:8])
    return TripleDES(key)


def _cipher(key: bytes, iv: bytes = ZERO_IV) -> Cipher:
    return Cipher(_triple(key), modes.CBC(iv))


def encrypt(key: bytes, data: bytes) -> bytes:
    """3DES-CBC, zero IV, over data already a multiple of 8 bytes (key: 16 bytes, K1‖K2)."""
    enc = _cipher(key).encryptor()
    return enc.update(data) + enc.finalize()


def decrypt(key: bytes, data: bytes) -> bytes:
    if len(data) % BLOCK:
        raise ValueError("ciphertext is not a whole number of blocks")
    dec = _cipher(key).decryptor()
    return dec.update(data) + dec.finalize()


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO 9797-1 MAC algorithm 3 with DES over data that is already padded.

    Single-DES CBC with K1 over every block, then the last block decrypted with K2 and
    encrypted again with K1 (a key of 8 bytes makes `TripleDES` single DES).
    """
    if len(data) % BLOCK or not data:
        raise ValueError("MAC input must be whole blocks")
    k1, k2 = key[:8], key[8:16]
    chained = _cipher(k1).encryptor().update(data)[-BLOCK:]
    step = Cipher(_triple(k2), modes.ECB()).decryptor().update(chained)
    return Cipher(_triple(k1), modes.ECB()).encryptor().update(step)


def adjust_parity(key: bytes) -> bytes:
    """Set the DES odd-parity bit of every byte, as the worked example's keys show."""
    out = bytearray()
    for byte in key:
        high = byte & 0xFE
        out.append(high | ((bin(high).count("1") + 1) % 2))
    return bytes(out)


def derive_key(seed: bytes, counter: int) -> bytes:
    """ICAO 9303-11 §9.7.1: SHA-1(seed ‖ counter) → first 16 bytes, parity adjusted."""
    digest = hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()
    return adjust_parity(digest[:16])
