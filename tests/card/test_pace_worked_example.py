"""PACE against ICAO 9303-11 Appendix G.1 (ECDH generic mapping, brainpoolP256r1, AES-128, MRZ
password): every intermediate value and the reader's side of the APDU exchange, byte for byte,
from the values the appendix publishes (a scripted chip replays the chip's published answers)."""

from __future__ import annotations

import pytest

from hardware.card_reader import pace
from hardware.card_reader.apdu import CommandApdu, ResponseApdu
from hardware.card_reader.bac import BacKey, SessionKeys
from hardware.card_reader.secure_messaging import SecureChannel

H = bytes.fromhex
KEY = BacKey("T22000129", "640812", "101031")
CARD_ACCESS = H("31143012060A04007F0007020204020202010202010D")
K = H("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD")
K_PI = H("89DED1B26624EC1E634C1989302849DD")
NONCE_Z = H("95A3A016522EE98D01E76CB6B98B42C3")
NONCE_S = H("3F00C4D39D153F2B2A214A078D899B22")
SK_MAP_IFD = 0x7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99
PK_MAP_IFD = H(
    "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
    "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D"
)
PK_MAP_IC = H(
    "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
    "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54"
)
SHARED_H = H(
    "0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5"
    "0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181"
)
G_HAT = H(
    "048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
    "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522"
)
SK_DH_IFD = 0xA73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595
PK_DH_IFD = H(
    "042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
    "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462"
)
PK_DH_IC = H(
    "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
    "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094"
)
SHARED_SECRET = H("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925")
KS_ENC = H("F5F0E35C0D7161EE6724EE513A0D9A7F")
KS_MAC = H("FE251C7858B356B24514B3BD5F4297D1")
T_IFD = H("C2B0BD78D94BA866")
T_IC = H("3ABB9674BCE93C08")

TRANSCRIPT = [
    ("0022C1A412800A04007F0007020204020283010184010D", "9000"),
    ("10860000027C0000", "7C128010" + NONCE_Z.hex() + "9000"),
    ("10860000457C438141" + PK_MAP_IFD.hex() + "00", "7C438241" + PK_MAP_IC.hex() + "9000"),
    ("10860000457C438341" + PK_DH_IFD.hex() + "00", "7C438441" + PK_DH_IC.hex() + "9000"),
    ("008600000C7C0A8508" + T_IFD.hex() + "00", "7C0A8608" + T_IC.hex() + "9000"),
]
CURVE = pace.STANDARD_CURVES[13]


class ScriptedChip:
    """Replays the appendix's chip answers and checks each command the reader sends."""

    def __init__(self, script: list[tuple[str, str]]) -> None:
        self.script = list(script)
        self.sent: list[str] = []

    def __call__(self, command: CommandApdu) -> ResponseApdu:
        raw = command.encode().hex().upper()
        self.sent.append(raw)
        expected, answer = self.script.pop(0)
        assert raw == expected.upper()
        return ResponseApdu.decode(H(answer))


def test_card_access_names_ecdh_gm_aes128_on_brainpool_p256() -> None:
    (info,) = pace.parse_card_access(CARD_ACCESS)
    assert info == pace.PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13)
    assert info.supported and (info.cipher, info.key_length) == ("aes", 16)


def test_password_key_and_nonce() -> None:
    password = pace.PacePassword.from_mrz(KEY)
    assert password.secret == K
    assert pace.kdf(K, 3, "aes", 16) == K_PI
    (info,) = pace.parse_card_access(CARD_ACCESS)
    assert pace.decrypt_nonce(info, password, NONCE_Z) == NONCE_S


def test_generic_mapping_and_key_agreement() -> None:
    chip_map = pace.decode_point(PK_MAP_IC, CURVE)
    assert pace.encode_point(CURVE.generator * SK_MAP_IFD, CURVE) == PK_MAP_IFD
    assert pace.encode_point(chip_map * SK_MAP_IFD, CURVE) == SHARED_H
    mapped = pace.map_generator(CURVE, NONCE_S, chip_map * SK_MAP_IFD)
    assert pace.encode_point(mapped, CURVE) == G_HAT
    assert pace.encode_point(mapped * SK_DH_IFD, CURVE) == PK_DH_IFD
    shared = pace.decode_point(PK_DH_IC, CURVE) * SK_DH_IFD
    assert shared.x().to_bytes(32, "big") == SHARED_SECRET
    assert pace.kdf(SHARED_SECRET, 1, "aes", 16) == KS_ENC
    assert pace.kdf(SHARED_SECRET, 2, "aes", 16) == KS_MAC
    (info,) = pace.parse_card_access(CARD_ACCESS)
    assert pace.authentication_token(info, KS_MAC, PK_DH_IC) == T_IFD
    assert pace.authentication_token(info, KS_MAC, PK_DH_IFD) == T_IC


def test_reader_side_of_the_exchange_byte_for_byte() -> None:
    (info,) = pace.parse_card_access(CARD_ACCESS)
    chip = ScriptedChip(TRANSCRIPT)
    scalars = iter([SK_MAP_IFD, SK_DH_IFD])
    keys = pace.establish(
        chip, info, pace.PacePassword.from_mrz(KEY), scalar=lambda _order: next(scalars)
    )
    assert not chip.script
    assert (keys.encryption, keys.mac, keys.ssc, keys.cipher) == (KS_ENC, KS_MAC, 0, "aes")


def test_a_wrong_chip_token_is_refused() -> None:
    (info,) = pace.parse_card_access(CARD_ACCESS)
    script = [*TRANSCRIPT[:-1], (TRANSCRIPT[-1][0], "7C0A8608" + "00" * 8 + "9000")]
    scalars = iter([SK_MAP_IFD, SK_DH_IFD])
    with pytest.raises(pace.PaceError):
        pace.establish(
            ScriptedChip(script),
            info,
            pace.PacePassword.from_mrz(KEY),
            scalar=lambda _order: next(scalars),
        )


def test_refused_token_means_a_wrong_password() -> None:
    (info,) = pace.parse_card_access(CARD_ACCESS)
    script = [*TRANSCRIPT[:-1], (TRANSCRIPT[-1][0], "6300")]
    scalars = iter([SK_MAP_IFD, SK_DH_IFD])
    with pytest.raises(pace.PaceRefused):
        pace.establish(
            ScriptedChip(script),
            info,
            pace.PacePassword.from_mrz(KEY),
            scalar=lambda _order: next(scalars),
        )


def test_a_point_off_the_curve_is_refused() -> None:
    bad = bytearray(PK_MAP_IC)
    bad[-1] ^= 1
    with pytest.raises(pace.PaceError):
        pace.decode_point(bytes(bad), CURVE)


def test_aes_secure_messaging_after_pace_protects_a_select() -> None:
    """The first command under the G.1 session keys (counter 0 → 1): the reader's wrapping,
    decrypted again with the appendix's keys, is the SELECT it was given."""
    from hardware.card_reader import aes_crypto, tlv

    channel = SecureChannel(SessionKeys(KS_ENC, KS_MAC, 0, "aes"))
    raw = channel.wrap(CommandApdu(0x00, 0xA4, 0x04, 0x0C, H("A0000002471001")))
    body = tlv.decode_all(raw[5:-1])
    ssc = (1).to_bytes(16, "big")
    iv = aes_crypto.block(KS_ENC, ssc)
    plain = aes_crypto.decrypt(KS_ENC, body[0].value[1:], iv)
    assert plain == H("A0000002471001") + b"\x80" + bytes(8)
    mac_input = aes_crypto.pad(ssc + aes_crypto.pad(raw[:4]) + body[0].raw)
    assert body[1].value == aes_crypto.cmac8(KS_MAC, mac_input)


def test_can_password_is_six_digits() -> None:
    assert pace.PacePassword.from_can("012345").secret == b"012345"
    assert "012345" not in repr(pace.PacePassword.from_can("012345"))
    with pytest.raises(ValueError):
        pace.PacePassword.from_can("12345")
