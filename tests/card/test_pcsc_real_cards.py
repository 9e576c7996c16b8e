"""What real Vietnamese cards and readers do, over the real stack (pcscd + vpcd + pyscard) with
the independent card of `devtools.icao_card`: PACE with the CAN or the MRZ on brainpool and NIST
curves, PACE-only chips, cards that refuse extended length in each of the ways seen (6700, 6987,
6988), cards that refuse short-identifier reads, Active Authentication of a genuine chip and of
a copy, a name longer than the MRZ holds, and a chip that stops answering."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from devtools.icao_card import CardBehaviour
from devtools.icao_card_files import Holder, build, td1
from devtools.icao_issuer import Issuer
from hardware.card_reader import BacKey, ReaderUnresponsiveError, WrongKeyError
from hardware.card_reader.emrtd import AccessProtocol, ChipCheck
from kiosk.identity import IdentityError, IdentityService

pytestmark = pytest.mark.pcsc

HOLDER = Holder(
    id_number="019196000123",
    full_name="Hoàng Thị Ngọc Ánh",
    birth=dt.date(1996, 4, 2),
    sex="Nữ",
    issue=dt.date(2023, 9, 14),
    expiry=dt.date(2036, 4, 2),
)
MRZ_KEY = BacKey("196000123", "960402", "360402")
WRONG_KEY = BacKey("196000123", "960403", "360402")


def _qr(holder: Holder) -> str:
    """The front of the card: ID | old ID | name | birth | sex | address | issue date."""
    return "|".join(
        (
            holder.id_number,
            holder.old_id_number,
            holder.full_name,
            holder.birth.strftime("%d%m%Y"),
            holder.sex,
            holder.residence,
            holder.issue.strftime("%d%m%Y"),
        )
    )


def _service(reader: object) -> IdentityService:
    return IdentityService(reader, today=lambda: dt.date(2026, 11, 23))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def issuer() -> Issuer:
    return Issuer()


@pytest.fixture
def trusted(tmp_path: Path, issuer: Issuer) -> Path:
    folder = tmp_path / "csca"
    folder.mkdir()
    (folder / "csca.pem").write_bytes(issuer.csca_pem())
    return folder


@pytest.mark.parametrize(
    ("pace", "curve"),
    [("aes128", 13), ("aes128", 12), ("3des", 12), ("3des", 13), ("aes256", 16)],
)
def test_pace_only_card_opens_with_the_can(
    plug_card: Callable[..., object],
    pcsc_reader: Callable[..., object],
    issuer: Issuer,
    trusted: Path,
    pace: str,
    curve: int,
) -> None:
    contents = build(HOLDER, issuer)
    plug_card(contents=contents, behaviour=CardBehaviour(bac=False, pace=pace, curve=curve))
    reader = pcsc_reader(trust_list=str(trusted), read_portrait=False)
    assert reader.wait_for_card(5)
    identity = _service(reader).read_card(_service(reader).hint_from_qr(_qr(HOLDER)))
    assert reader.last_timing.access is AccessProtocol.PACE_CAN
    assert identity.full_name == "Hoàng Thị Ngọc Ánh"
    assert identity.issuer_signed and identity.chip_genuine and identity.verified
    assert identity.mismatches == ()


def test_pace_with_the_mrz_when_no_can_is_known(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], issuer: Issuer
) -> None:
    plug_card(contents=build(HOLDER, issuer), behaviour=CardBehaviour(bac=False))
    reader = pcsc_reader(read_portrait=False)
    assert reader.wait_for_card(5)
    document = reader.read_document([WRONG_KEY, MRZ_KEY])
    assert (document.access, document.key_index) == (AccessProtocol.PACE_MRZ, 1)
    assert document.record is not None and document.record.id_number == HOLDER.id_number


def test_pace_only_card_with_no_right_key_is_a_wrong_key(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], issuer: Issuer
) -> None:
    plug_card(contents=build(HOLDER, issuer), behaviour=CardBehaviour(bac=False))
    reader = pcsc_reader(read_portrait=False)
    assert reader.wait_for_card(5)
    with pytest.raises(WrongKeyError) as caught:
        reader.read_document([WRONG_KEY], can="000000")
    assert caught.value.tried == 2


def test_key_not_found_asks_for_the_id_number_without_blaming_the_card(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], issuer: Issuer
) -> None:
    other = Holder(**{**HOLDER.__dict__, "id_number": "019196000999"})
    plug_card(contents=build(other, issuer), behaviour=CardBehaviour(bac=False))
    reader = pcsc_reader(read_portrait=False)
    assert reader.wait_for_card(5)
    service = _service(reader)
    with pytest.raises(IdentityError) as caught:
        service.read_card(service.hint_from_qr(_qr(HOLDER)))
    assert caught.value.message_key == "identity.key_not_found"


def test_bac_is_the_fallback_for_a_card_without_pace(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], issuer: Issuer
) -> None:
    plug_card(contents=build(HOLDER, issuer), behaviour=CardBehaviour(pace=None))
    reader = pcsc_reader(read_portrait=False)
    assert reader.wait_for_card(5)
    document = reader.read_document([MRZ_KEY], can=HOLDER.can)
    assert document.access is AccessProtocol.BAC
    assert document.chip_check is ChipCheck.GENUINE


@pytest.mark.parametrize("refusal", ["6700", "6987", "6988"])
@pytest.mark.parametrize("pace", ["aes128", None])
def test_card_refusing_extended_length_is_read_short_and_remembered(
    plug_card: Callable[..., object],
    pcsc_reader: Callable[..., object],
    issuer: Issuer,
    refusal: str,
    pace: str | None,
) -> None:
    slot = plug_card(
        contents=build(HOLDER, issuer, portrait=True),
        behaviour=CardBehaviour(pace=pace, extended=refusal),
    )
    reader = pcsc_reader(extended_length="on")  # a reader that carries extended APDUs
    assert reader.wait_for_card(5)
    document = reader.read_document([MRZ_KEY], can=HOLDER.can)
    assert document.extended_refused
    assert document.portrait is not None and document.passive_auth.data_intact
    refused = slot.card.extended_seen
    assert refused == 1  # one refusal, then short reads only
    again = reader.read_document([MRZ_KEY], can=HOLDER.can)
    assert slot.card.extended_seen == refused  # remembered: no extended APDU the second time
    assert not again.extended_refused and again.portrait is not None


def test_reader_that_does_not_say_gets_short_reads(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], issuer: Issuer
) -> None:
    """vpcd does not answer SCARD_ATTR_MAXINPUT: with the default settings nothing extended
    is ever sent, so a card that would refuse it is never troubled."""
    slot = plug_card(
        contents=build(HOLDER, issuer, portrait=True), behaviour=CardBehaviour(extended="6988")
    )
    reader = pcsc_reader()
    assert reader.wait_for_card(5)
    document = reader.read_document([], can=HOLDER.can)
    assert document.portrait is not None and not document.extended_refused
    assert slot.card.extended_seen == 0


def test_card_refusing_short_file_identifiers_is_read_after_select(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], issuer: Issuer
) -> None:
    plug_card(contents=build(HOLDER, issuer), behaviour=CardBehaviour(short_file_ids=False))
    reader = pcsc_reader(read_portrait=False)
    assert reader.wait_for_card(5)
    document = reader.read_document([MRZ_KEY], can=HOLDER.can)
    assert document.access is AccessProtocol.PACE_CAN  # EF.CardAccess found by SELECT too
    assert document.record is not None and document.record.full_name == HOLDER.full_name
    assert document.passive_auth.data_intact and document.chip_check is ChipCheck.GENUINE


def test_a_copy_of_the_files_on_another_chip_is_not_genuine(
    plug_card: Callable[..., object],
    pcsc_reader: Callable[..., object],
    issuer: Issuer,
    trusted: Path,
) -> None:
    """Every file copied, the issuer's signature intact, but the chip's own key is not there:
    Active Authentication fails and the kiosk does not call the data verified."""
    clone = build(HOLDER, issuer, clone_of=ec.generate_private_key(ec.SECP256R1()))
    plug_card(contents=clone)
    reader = pcsc_reader(trust_list=str(trusted), read_portrait=False)
    assert reader.wait_for_card(5)
    identity = _service(reader).read_card(_service(reader).hint_from_qr(_qr(HOLDER)))
    assert reader.last_timing.chip_check is ChipCheck.FAILED
    assert identity.issuer_signed and not identity.chip_genuine and not identity.verified


def test_card_without_active_authentication_is_not_called_genuine(
    plug_card: Callable[..., object],
    pcsc_reader: Callable[..., object],
    issuer: Issuer,
    trusted: Path,
) -> None:
    plug_card(contents=build(HOLDER, issuer, active_authentication=False))
    reader = pcsc_reader(trust_list=str(trusted), read_portrait=False)
    assert reader.wait_for_card(5)
    identity = _service(reader).read_card(_service(reader).hint_from_qr(_qr(HOLDER)))
    assert reader.last_timing.chip_check is ChipCheck.NOT_OFFERED
    assert identity.issuer_signed and not identity.verified


def test_signer_outside_the_trust_list_is_not_verified(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], tmp_path: Path
) -> None:
    other_csca = tmp_path / "other"
    other_csca.mkdir()
    (other_csca / "csca.pem").write_bytes(Issuer().csca_pem())
    plug_card(contents=build(HOLDER, Issuer()))
    reader = pcsc_reader(trust_list=str(other_csca), read_portrait=False)
    assert reader.wait_for_card(5)
    identity = _service(reader).read_card(_service(reader).hint_from_qr(_qr(HOLDER)))
    assert identity.chip_genuine and not identity.issuer_signed and not identity.verified


def test_a_name_longer_than_the_mrz_is_no_mismatch(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], issuer: Issuer
) -> None:
    long_name = Holder(**{**HOLDER.__dict__, "full_name": "Tôn Nữ Hoàng Thị Ngọc Ánh Phương Thảo"})
    plug_card(contents=build(long_name, issuer))
    reader = pcsc_reader(read_portrait=False)
    assert reader.wait_for_card(5)
    identity = _service(reader).read_card(_service(reader).hint_from_qr(_qr(long_name)))
    assert td1(long_name)[60:] == "TON<<NU<HOANG<THI<NGOC<ANH<PHU"  # the MRZ cut it at 30
    assert identity.full_name == "Tôn Nữ Hoàng Thị Ngọc Ánh Phương Thảo"
    assert identity.mismatches == ()


def test_an_unresponsive_card_is_given_up_within_the_apdu_timeout(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], issuer: Issuer
) -> None:
    slot = plug_card(contents=build(HOLDER, issuer), hang_after=3)
    reader = pcsc_reader(apdu_timeout_seconds=1.0, connect_timeout_seconds=1.0)
    assert reader.wait_for_card(5)
    started = time.monotonic()
    with pytest.raises(ReaderUnresponsiveError):
        reader.read_document([MRZ_KEY], can=HOLDER.can)
    waited = time.monotonic() - started
    # one APDU timeout, not three (transmit, then disconnect and release waiting on pcscd);
    # the bound is loose on purpose: this is a deadline, not a speed measurement
    assert waited < 2.5
    slot.remove()  # lifting the dead card frees pcscd


@pytest.mark.parametrize("suite", ["aes128", "3des"])
@pytest.mark.parametrize("pace", ["aes128", None])
def test_chip_authentication_proves_the_chip(
    plug_card: Callable[..., object],
    pcsc_reader: Callable[..., object],
    issuer: Issuer,
    trusted: Path,
    suite: str,
    pace: str | None,
) -> None:
    """DG14 offers Chip Authentication (key on brainpoolP256r1 with the curve spelled out): the
    chip answers under the agreed keys, and the rest of the read runs under them."""
    contents = build(HOLDER, issuer, chip_authentication=suite)
    slot = plug_card(contents=contents, behaviour=CardBehaviour(pace=pace))
    reader = pcsc_reader(trust_list=str(trusted), read_portrait=False)
    assert reader.wait_for_card(5)
    identity = _service(reader).read_card(
        _service(reader).hint_from_typed(HOLDER.id_number, "02/04/1996")
    )
    assert reader.last_timing.chip_check is ChipCheck.GENUINE and identity.verified
    assert slot.card.chip_authentications == 1


def test_chip_authentication_unmasks_a_copy(
    plug_card: Callable[..., object],
    pcsc_reader: Callable[..., object],
    issuer: Issuer,
    trusted: Path,
) -> None:
    clone = build(
        HOLDER,
        issuer,
        chip_authentication="aes128",
        clone_of=ec.generate_private_key(ec.SECP256R1()),
    )
    plug_card(contents=clone)
    reader = pcsc_reader(trust_list=str(trusted), read_portrait=False)
    assert reader.wait_for_card(5)
    identity = _service(reader).read_card(_service(reader).hint_from_qr(_qr(HOLDER)))
    assert reader.last_timing.chip_check is ChipCheck.FAILED
    assert identity.full_name == HOLDER.full_name  # the data is still read (and shown unticked)
    assert identity.issuer_signed and not identity.verified
