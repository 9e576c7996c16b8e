"""Key derivation, mutual authentication and secure messaging against the worked example of
ICAO Doc 9303 Part 11, Appendix D (document L898902C<, born 690806, expiring 940623)."""

from __future__ import annotations

import pytest

from hardware.card_reader import des_crypto
from hardware.card_reader.apdu import CommandApdu, ResponseApdu
from hardware.card_reader.bac import (
    BacError,
    BacKey,
    authentication_request,
    complete_authentication,
)
from hardware.card_reader.secure_messaging import SecureChannel, SecureMessagingError

h = bytes.fromhex
KEY = BacKey("L898902C<", "690806", "940623")
RND_IC = h("4608F91988702212")
RND_IFD = h("781723860C06C226")
K_IFD = h("0B795240CB7049B01C19B33E32804F0B")
CARD_ANSWER = h("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449")


def test_mrz_information_and_key_seed() -> None:
    assert KEY.mrz_information() == "L898902C<369080619406236"
    assert KEY.seed() == h("239AB9CB282DAF66231DC5A4DF6BFBAE")


def test_document_basic_access_keys() -> None:
    assert KEY.encryption_key() == h("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert KEY.mac_key() == h("7962D9ECE03D1ACD4C76089DCE131543")


def test_external_authenticate_data_and_mac() -> None:
    request = authentication_request(KEY, RND_IC, RND_IFD, K_IFD)
    assert request[:32] == h("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2")
    assert request[32:] == h("5F1448EEA8AD90A7")  # M.IFD, the retail MAC
    command = CommandApdu(0x00, 0x82, 0x00, 0x00, request, le=40).encode()
    assert command == h("0082000028") + request + h("28")


def test_session_keys_and_send_sequence_counter() -> None:
    keys = complete_authentication(KEY, CARD_ANSWER, RND_IC, RND_IFD, K_IFD)
    assert keys.encryption == h("979EC13B1CBFE9DCD01AB0FED307EAE5")
    assert keys.mac == h("F1CB1F1FB5ADF208806B89DC579DC1F8")
    assert keys.ssc == 0x887022120C06C226


def test_card_answer_with_a_bad_mac_is_refused() -> None:
    forged = CARD_ANSWER[:-1] + bytes([CARD_ANSWER[-1] ^ 1])
    with pytest.raises(BacError):
        complete_authentication(KEY, forged, RND_IC, RND_IFD, K_IFD)


def test_secure_messaging_of_appendix_d4() -> None:
    channel = SecureChannel(complete_authentication(KEY, CARD_ANSWER, RND_IC, RND_IFD, K_IFD))

    select = channel.wrap(CommandApdu(0x00, 0xA4, 0x02, 0x0C, h("011E")))
    assert select == h("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")
    assert channel.unwrap(ResponseApdu.decode(h("990290008E08FA855A5D4C50A8ED9000"))).sw == 0x9000

    read_header = channel.wrap(CommandApdu(0x00, 0xB0, 0x00, 0x00, le=4))
    assert read_header == h("0CB000000D9701048E08ED6705417E96BA5500")
    header = channel.unwrap(
        ResponseApdu.decode(h("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"))
    )
    assert header.data == h("60145F01")

    read_rest = channel.wrap(CommandApdu(0x00, 0xB0, 0x00, 0x04, le=0x12))
    assert read_rest == h("0CB000040D9701128E082EA28A70F3C7B53500")
    rest = channel.unwrap(
        ResponseApdu.decode(
            h(
                "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08"
                "C8B2787EAEA07D749000"
            )
        )
    )
    assert header.data + rest.data == h("60145F0104303130365F36063034303030305C026175")
    assert channel.ssc == 0x887022120C06C22C


def test_a_response_with_a_wrong_mac_breaks_the_session() -> None:
    channel = SecureChannel(complete_authentication(KEY, CARD_ANSWER, RND_IC, RND_IFD, K_IFD))
    channel.wrap(CommandApdu(0x00, 0xA4, 0x02, 0x0C, h("011E")))
    with pytest.raises(SecureMessagingError):
        channel.unwrap(ResponseApdu.decode(h("990290008E08FA855A5D4C50A8EE9000")))


def test_retail_mac_and_padding_primitives() -> None:
    assert des_crypto.pad(b"") == h("8000000000000000")
    assert des_crypto.pad(h("0102030405060708")) == h("01020304050607088000000000000000")
    assert des_crypto.unpad(h("0102800000")) == h("0102")
    with pytest.raises(ValueError):
        des_crypto.unpad(h("0102030000"))
    assert des_crypto.adjust_parity(h("00FF")) == h("01FE")


@pytest.mark.parametrize(
    ("number", "birth", "expiry"),
    [("L898902C", "690806", "940623"), ("123456789", "691306", "940623")],
)
def test_bac_key_refuses_malformed_fields(number: str, birth: str, expiry: str) -> None:
    with pytest.raises(ValueError):
        BacKey(number, birth, expiry)


def test_bac_key_hides_its_content() -> None:
    assert "L898902C" not in repr(KEY) and "690806" not in repr(KEY)
