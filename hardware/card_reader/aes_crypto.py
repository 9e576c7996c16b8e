"""The AES primitives of PACE secure messaging (ICAO 9303-11 §9.8.6.2 and §9.8.7.2): CBC with
the IV the send sequence counter gives, CMAC cut to 8 bytes, method-2 padding on 16 bytes."""

from __future__ import annotations

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

BLOCK = 16
ZERO_IV = bytes(BLOCK)


def pad(data: bytes) -> bytes:
    padded = data + b"\x80"
    return padded + bytes(-len(padded) % BLOCK)


def encrypt(key: bytes, data: bytes, iv: bytes = ZERO_IV) -> bytes:
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def decrypt(key: bytes, data: bytes, iv: bytes = ZERO_IV) -> bytes:
    if len(data) % BLOCK:
        raise ValueError("ciphertext is not a whole number of blocks")
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def block(key: bytes, data: bytes) -> bytes:
    """One block encrypted alone: how the IV is made from the counter."""
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(data) + enc.finalize()


def cmac8(key: bytes, data: bytes) -> bytes:
    mac = CMAC(algorithms.AES(key))
    mac.update(data)
    return mac.finalize()[:8]
