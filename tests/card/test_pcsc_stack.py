"""The PC/SC driver against the real stack: pcscd, Debian's vpcd reader driver, pyscard, and an
independent virtual card (`devtools.icao_card`, written from ICAO 9303 alone) served by
virtualsmartcard's VirtualICC loop on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hardware.card_reader import (
    BacKey,
    CardRemovedError,
    ChainStatus,
    NoCardError,
    NoReaderError,
    ReaderBusyError,
    ReaderStatus,
    ReaderUnresponsiveError,
    WrongKeyError,
)
from hardware.card_reader.demo_document import CardFaults, DemoCitizen
from kiosk.identity import IdentityError, IdentityService, IdentitySource

pytestmark = pytest.mark.pcsc


def _service(reader: object) -> IdentityService:
    import datetime as dt

    return IdentityService(reader, today=lambda: dt.date(2026, 11, 23))  # type: ignore[arg-type]


def test_correct_key_reads_the_card(
    plug_card: Callable[..., object],
    pcsc_reader: Callable[..., object],
    citizen: DemoCitizen,
    csca_dir: Path,
) -> None:
    plug_card(citizen)
    reader = pcsc_reader(trust_list=str(csca_dir))
    assert reader.wait_for_card(5)
    document = reader.read_document([citizen.bac_key()])
    assert document.key_index == 0
    assert document.mrz.id_number == citizen.id_number
    assert document.record.full_name == "Trần Thị Thu Hà"
    assert document.record.father == "Trần Văn Bình"
    assert document.portrait is not None
    assert document.passive_auth.matched_groups == (1, 2, 13)
    assert document.passive_auth.chain is ChainStatus.VERIFIED
    assert reader.check_health().ok


def test_wrong_key_is_reported_as_wrong_key(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], citizen: DemoCitizen
) -> None:
    plug_card(citizen)
    reader = pcsc_reader()
    assert reader.wait_for_card(5)
    with pytest.raises(WrongKeyError):
        reader.read_document([BacKey(citizen.id_number[-9:], "900316", "300315")])
    # and the card still opens with the right key afterwards: nothing was broken
    assert reader.read_document([citizen.bac_key()], read_portrait=False).key_index == 0


def test_derived_expiry_found_after_a_wrong_first_guess(
    plug_card: Callable[..., object],
    pcsc_reader: Callable[..., object],
    late_window_citizen: DemoCitizen,
) -> None:
    from devtools.icao_card import CardBehaviour

    plug_card(late_window_citizen, behaviour=CardBehaviour(pace=None))  # a BAC-only card
    reader = pcsc_reader(read_portrait=False)
    assert reader.wait_for_card(5)
    service = _service(reader)
    hint = service.hint_from_qr(late_window_citizen.qr_text())
    identity = service.read_card(hint)
    assert identity.source is IdentitySource.CHIP
    assert identity.expiry_date is not None and identity.expiry_date.year == 2040
    assert identity.mismatches == ()
    assert reader.last_timing is not None
    guessed = reader.last_timing.apdu_count
    reader.read_document([late_window_citizen.bac_key()])
    # the rule's answer (age 25) was refused, the neighbouring reading (age 40) opened it:
    # the refusal cost GET CHALLENGE + EXTERNAL AUTHENTICATE and a fresh SELECT
    assert guessed - reader.last_timing.apdu_count == 3


def test_card_removed_mid_read(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], citizen: DemoCitizen
) -> None:
    plug_card(citizen, remove_after=5)
    reader = pcsc_reader()
    assert reader.wait_for_card(5)
    with pytest.raises(CardRemovedError):
        reader.read_document([citizen.bac_key()])
    assert reader.status().status is ReaderStatus.REMOVED_MID_READ


def test_no_reader_matching_the_pattern(
    pcsc_reader: Callable[..., object], citizen: DemoCitizen, wait_for: Callable[..., bool]
) -> None:
    reader = pcsc_reader(reader_pattern=r"^ACME Contactless 9000$")
    assert wait_for(lambda: reader.status().status is ReaderStatus.NO_READER)
    with pytest.raises(NoReaderError):
        reader.read_document([citizen.bac_key()])
    health = reader.check_health()
    assert not health.ok and "Virtual PCD" in health.text  # names the readers it did find


def test_no_card_on_the_reader(
    pcsc_reader: Callable[..., object], citizen: DemoCitizen, wait_for: Callable[..., bool]
) -> None:
    reader = pcsc_reader()
    assert wait_for(lambda: reader.status().status is ReaderStatus.NO_CARD)
    with pytest.raises(NoCardError):
        reader.read_document([citizen.bac_key()])


def test_tampered_data_group_is_caught(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], citizen: DemoCitizen
) -> None:
    plug_card(citizen, CardFaults(tampered_dg13=True))
    reader = pcsc_reader(read_portrait=False)
    assert reader.wait_for_card(5)
    document = reader.read_document([citizen.bac_key()])
    assert document.passive_auth.mismatched_groups == (13,)
    with pytest.raises(IdentityError) as caught:
        _service(reader).read_card(_service(reader).hint_from_qr(citizen.qr_text()))
    assert caught.value.message_key == "identity.chip_tampered"


def test_malformed_dg13_is_reported(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], citizen: DemoCitizen
) -> None:
    plug_card(citizen, CardFaults(malformed_dg13=True))
    reader = pcsc_reader(read_portrait=False)
    assert reader.wait_for_card(5)
    document = reader.read_document([citizen.bac_key()])
    assert document.record is None
    assert document.record_problem == "card_reader.dg13_malformed"
    assert document.passive_auth.data_intact  # signed as issued: the issuer's problem
    service = _service(reader)
    with pytest.raises(IdentityError) as caught:
        service.read_card(service.hint_from_qr(citizen.qr_text()))
    assert caught.value.message_key == "identity.chip_record_unreadable"


def test_events_follow_the_card(
    plug_card: Callable[..., object],
    pcsc_reader: Callable[..., object],
    citizen: DemoCitizen,
    wait_for: Callable[..., bool],
) -> None:
    reader = pcsc_reader()
    assert wait_for(lambda: reader.status().status is ReaderStatus.NO_CARD)
    kinds: list[str] = []
    reader.events.subscribe(lambda event: kinds.append(event.kind))
    slot = plug_card(citizen)
    assert wait_for(lambda: "card_inserted" in kinds)
    slot.remove()
    assert wait_for(lambda: "card_removed" in kinds)
    assert reader.status().status is ReaderStatus.NO_CARD


def test_exclusive_access_makes_a_second_user_wait(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], citizen: DemoCitizen
) -> None:
    from smartcard import scard

    slot = plug_card(citizen)
    reader = pcsc_reader()
    assert reader.wait_for_card(5)
    _, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    hresult, handle, _ = scard.SCardConnect(
        context, slot.reader, scard.SCARD_SHARE_EXCLUSIVE, scard.SCARD_PROTOCOL_T1
    )
    assert hresult == scard.SCARD_S_SUCCESS
    try:
        with pytest.raises(ReaderBusyError):
            reader.read_document([citizen.bac_key()])
    finally:
        scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
        scard.SCardReleaseContext(context)
    assert reader.read_document([citizen.bac_key()], read_portrait=False).key_index == 0


def test_card_that_stops_answering_is_unresponsive(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], citizen: DemoCitizen
) -> None:
    slot = plug_card(citizen, hang_after=4)
    reader = pcsc_reader(apdu_timeout_seconds=0.5, connect_timeout_seconds=0.5)
    assert reader.wait_for_card(5)
    with pytest.raises(ReaderUnresponsiveError):
        reader.read_document([citizen.bac_key()])
    assert reader.status().status is ReaderStatus.UNRESPONSIVE
    slot.remove()  # lifting the dead card frees pcscd, which waits on it without a timeout


def test_card_refusing_extended_length_still_reads(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], citizen: DemoCitizen
) -> None:
    plug_card(citizen, extended_length=False)
    reader = pcsc_reader(extended_length="on")  # so the first READ really is extended
    assert reader.wait_for_card(5)
    document = reader.read_document([citizen.bac_key()])
    assert document.extended_refused
    assert document.portrait is not None and document.passive_auth.data_intact


def test_self_test_on_the_real_stack(
    plug_card: Callable[..., object], pcsc_reader: Callable[..., object], citizen: DemoCitizen
) -> None:
    plug_card(citizen)
    reader = pcsc_reader()
    assert reader.wait_for_card(5)
    report = reader.self_test()
    # one READ of EF.CardAccess: the chip offers PACE, so it is an ICAO chip; no key needed
    assert report.ok and report.details["probe_apdus"] == 1
    assert (
        report.details["reader_extended_length"] is False
    )  # vpcd does not say: asked, not assumed
    assert "Virtual PCD 00 00" in report.text
