"""The simulated reader with the virtual card in-process: the shared ICAO reading (keys, chunking,
extended-length fallback, protocol errors) and every reader status and event."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from hardware.card_reader import (
    BacKey,
    CardProtocolError,
    CardRemovedError,
    ChainStatus,
    NoCardError,
    NoReaderError,
    ReaderBusyError,
    ReaderStatus,
    ReaderUnresponsiveError,
    ReadStage,
    WrongKeyError,
)
from hardware.card_reader.demo_document import DemoCitizen, DemoSigner, build_card_files
from hardware.card_reader.emrtd import SHORT_CHUNK, ChipCheck, EmrtdReader
from hardware.card_reader.lds import EFile
from hardware.card_reader.simulator import SimulatedCardReader
from hardware.card_reader.sod import TrustList
from hardware.card_reader.virtual_card import VirtualIdCard
from hardware.device import DeviceState

WRONG = BacKey("000000000", "900101", "300101")


class _Recorder:
    """A channel that passes APDUs to the card and remembers their sizes."""

    def __init__(self, card: VirtualIdCard) -> None:
        self.card = card
        self.sent: list[bytes] = []

    def transmit(self, apdu: bytes) -> bytes:
        self.sent.append(apdu)
        return self.card.execute(apdu)


def test_correct_key_reads_everything_in_few_apdus(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    reader = make_simulator(citizen)
    document = reader.read_document([citizen.bac_key()], read_portrait=False)
    assert document.key_index == 0
    assert document.mrz.id_number == citizen.id_number
    assert document.record is not None and document.record.full_name == citizen.full_name
    assert document.portrait is None
    # EF.CardAccess (by SFI, then by SELECT: the demo card has none, so BAC), SELECT,
    # GET CHALLENGE, EXTERNAL AUTHENTICATE, DG1, DG13, DG14, DG15, EF.SOD, INTERNAL AUTHENTICATE
    assert document.apdu_count == 11
    assert document.chip_check is ChipCheck.GENUINE
    assert document.passive_auth is not None
    assert document.passive_auth.chain is ChainStatus.NO_TRUST_LIST
    assert reader.last_timing is not None and reader.last_timing.apdu_count == 11


def test_wrong_keys_are_reported_as_wrong_keys(
    make_simulator: Callable[..., SimulatedCardReader],
) -> None:
    reader = make_simulator()
    with pytest.raises(WrongKeyError) as caught:
        reader.read_document([WRONG, BacKey("190012345", "900315", "250315")])
    assert caught.value.tried == 2
    assert caught.value.message_key == "card_reader.wrong_key" and not caught.value.retryable
    assert reader.status().status is ReaderStatus.CARD_PRESENT


def test_second_key_opens_after_a_refusal(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    document = make_simulator(citizen).read_document([WRONG, citizen.bac_key()])
    assert document.key_index == 1


def test_progress_is_reported_in_stages(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    seen = []
    make_simulator(citizen).read_document([citizen.bac_key()], progress=seen.append)
    stages = [p.stage for p in seen]
    assert stages[0] is ReadStage.AUTHENTICATING and stages[-1] is ReadStage.VERIFYING
    assert ReadStage.PORTRAIT in stages
    assert [p.fraction for p in seen] == sorted(p.fraction for p in seen)


def test_card_refusing_extended_length_is_read_in_short_chunks(
    citizen: DemoCitizen, signer: DemoSigner
) -> None:
    card = VirtualIdCard(
        build_card_files(citizen, signer), citizen.bac_key(), extended_length=False
    )
    channel = _Recorder(card)
    document = EmrtdReader(channel, TrustList(), chunk=4096, extended=True).read(
        [citizen.bac_key()]
    )
    assert document.portrait is not None and document.passive_auth.data_intact
    assert document.extended_refused
    # after the refusal every APDU is short: no Lc/Le in the extended form
    refused = next(i for i, a in enumerate(channel.sent) if len(a) > 5 and a[4] == 0)
    assert all(not (len(a) > 5 and a[4] == 0) for a in channel.sent[refused + 1 :])
    assert document.apdu_count > 20  # DG2 alone takes ~26 short reads of 223 bytes
    assert SHORT_CHUNK == 223


def test_a_card_breaking_secure_messaging_is_a_protocol_error(
    citizen: DemoCitizen, signer: DemoSigner
) -> None:
    card = VirtualIdCard(build_card_files(citizen, signer), citizen.bac_key())

    class Corrupting(_Recorder):
        def transmit(self, apdu: bytes) -> bytes:
            answer = bytearray(super().transmit(apdu))
            if apdu[0] == 0x0C:
                answer[-4] ^= 0x01  # one bit of the response MAC
            return bytes(answer)

    with pytest.raises(CardProtocolError):
        EmrtdReader(Corrupting(card), TrustList()).read([citizen.bac_key()])


def test_files_cannot_be_read_without_bac(citizen: DemoCitizen, signer: DemoSigner) -> None:
    card = VirtualIdCard(build_card_files(citizen, signer), citizen.bac_key())
    assert card.execute(bytes.fromhex("00A4040C07A0000002471001"))[-2:] == b"\x90\x00"
    assert card.execute(bytes.fromhex("00B0810000"))[-2:] == b"\x69\x82"


def test_whole_file_reassembled_across_chunks(citizen: DemoCitizen, signer: DemoSigner) -> None:
    files = build_card_files(citizen, signer)
    card = VirtualIdCard(files, citizen.bac_key())
    reader = EmrtdReader(_Recorder(card), TrustList(), chunk=1000, extended=True)
    reader.open_session([citizen.bac_key()])
    assert reader.read_file(EFile.DG2) == files[EFile.DG2]
    assert reader.apdu_count == 5 + 6  # 5.7 kB in 1000-byte chunks


# -- statuses and events --------------------------------------------------------------------
def test_no_reader(make_simulator: Callable[..., SimulatedCardReader]) -> None:
    reader = make_simulator(simulator_fault="no_reader")
    assert reader.status().status is ReaderStatus.NO_READER
    with pytest.raises(NoReaderError) as caught:
        reader.read_document([WRONG])
    assert caught.value.message_key == "card_reader.no_reader"
    assert not reader.check_health().ok


def test_no_card_then_insert_and_remove_emit_events(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    reader = make_simulator(simulator_card_present=False)
    assert reader.status().status is ReaderStatus.NO_CARD
    with pytest.raises(NoCardError):
        reader.read_document([citizen.bac_key()])
    assert reader.status().status is ReaderStatus.NO_CARD
    events: list[str] = []
    reader.events.subscribe(lambda e: events.append(e.kind))
    reader.insert_card()
    assert reader.wait_for_card(1.0)
    reader.remove_card()
    assert events == ["card_inserted", "status_changed", "card_removed", "status_changed"]
    assert not reader.wait_for_card(0.05)


def test_busy_while_reading_and_a_second_read_is_refused(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    reader = make_simulator(citizen)
    inside = threading.Event()
    release = threading.Event()
    seen = []

    def progress(_: object) -> None:
        if not inside.is_set():
            inside.set()
            seen.append((reader.status().status, reader.state))
            release.wait(5)

    worker = threading.Thread(
        target=lambda: reader.read_document([citizen.bac_key()], progress=progress)
    )
    worker.start()
    assert inside.wait(5)
    with pytest.raises(ReaderBusyError):
        reader.read_document([citizen.bac_key()])
    release.set()
    worker.join(5)
    assert seen == [(ReaderStatus.BUSY, DeviceState.BUSY)]
    assert reader.status().status is ReaderStatus.CARD_PRESENT
    assert reader.state is DeviceState.IDLE


def test_card_removed_mid_read(make_simulator: Callable[..., SimulatedCardReader]) -> None:
    reader = make_simulator(simulator_fault="removed_mid_read")
    with pytest.raises(CardRemovedError) as caught:
        reader.read_document([reader.citizen.bac_key()])
    assert caught.value.message_key == "card_reader.removed" and caught.value.retryable
    assert reader.status().status is ReaderStatus.REMOVED_MID_READ
    reader.set_fault("none")
    reader.insert_card()
    assert reader.status().status is ReaderStatus.CARD_PRESENT


def test_unresponsive_reader_times_out(make_simulator: Callable[..., SimulatedCardReader]) -> None:
    reader = make_simulator(simulator_fault="unresponsive", apdu_timeout_seconds=0.05)
    with pytest.raises(ReaderUnresponsiveError):
        reader.read_document([reader.citizen.bac_key()])
    assert reader.status().status is ReaderStatus.UNRESPONSIVE
    assert not reader.check_health().ok


def test_health_of_a_ready_simulator(make_simulator: Callable[..., SimulatedCardReader]) -> None:
    health = make_simulator().check_health()
    assert health.ok and "demo card" in health.text


def test_status_is_unknown_before_open(signer: DemoSigner) -> None:
    from hardware.card_reader import CardReaderSettings

    reader = SimulatedCardReader(CardReaderSettings(), signer=signer)
    assert reader.status().status is ReaderStatus.UNKNOWN
    with pytest.raises(NoReaderError):
        reader.read_document([WRONG])


def test_self_test_probes_the_card_without_a_key(
    make_simulator: Callable[..., SimulatedCardReader],
) -> None:
    reader = make_simulator()
    report = reader.self_test()
    assert report.ok and report.details["probe_apdus"] == 4
    assert reader.status().status is ReaderStatus.CARD_PRESENT
    reader.remove_card()
    assert "probe_apdus" not in reader.self_test().details


def test_reader_failing_to_transmit_extended_apdus_falls_back_to_short(
    citizen: DemoCitizen, signer: DemoSigner
) -> None:
    """A reader (or its driver) that cannot carry an extended APDU fails the transmit itself;
    the card never sees it. That too is a sign to reopen the session and read short."""
    from hardware.card_reader.errors import CardProtocolError

    card = VirtualIdCard(build_card_files(citizen, signer), citizen.bac_key())

    class ShortOnlyReader(_Recorder):
        def transmit(self, apdu: bytes) -> bytes:
            if len(apdu) > 5 and apdu[4] == 0:
                raise CardProtocolError("transmit: Transaction failed")
            return super().transmit(apdu)

    channel = ShortOnlyReader(card)
    document = EmrtdReader(channel, TrustList(), chunk=4096, extended=True).read(
        [citizen.bac_key()]
    )
    assert document.extended_refused and document.portrait is not None
    assert document.passive_auth.data_intact
