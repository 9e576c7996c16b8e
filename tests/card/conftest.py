"""Fixtures for the chip-card tests: demo citizens and signers, the in-process simulator, and the
real PC/SC stack — one `pcscd -f -a` for the session (started here unless one already runs) with
our virtual card plugged into its vpcd slot on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from hardware.card_reader import CardReaderSettings, open_reader
from hardware.card_reader.demo_document import (
    CardFaults,
    DemoCitizen,
    DemoSigner,
    build_card_files,
    demo_citizen,
)
from hardware.card_reader.simulator import SimulatedCardReader

TODAY = dt.date(2026, 11, 23)
VPCD_PORT = 35963


@pytest.fixture(scope="session")
def signer() -> DemoSigner:
    return DemoSigner.generate("ecdsa")


@pytest.fixture(scope="session")
def citizen() -> DemoCitizen:
    return demo_citizen()


@pytest.fixture(scope="session")
def late_window_citizen() -> DemoCitizen:
    """Issued 3 weeks before the 2-year window of age 25 opened: the rule says the card runs to
    25, but this card's office counted it inside the window, so it runs to 40."""
    return replace(
        demo_citizen(),
        id_number="079300123456",
        full_name="Lê Thị Mai Anh",
        birth=dt.date(2000, 8, 10),
        issue=dt.date(2023, 7, 20),
        expiry=dt.date(2040, 8, 10),
        old_id_number="",
        spouse="",
    )


@pytest.fixture
def csca_dir(tmp_path: Path, signer: DemoSigner) -> Path:
    folder = tmp_path / "csca"
    folder.mkdir()
    (folder / "demo-csca.pem").write_bytes(signer.csca_pem())
    return folder


@pytest.fixture
def make_simulator(
    signer: DemoSigner,
) -> Iterator[Callable[..., SimulatedCardReader]]:
    opened: list[SimulatedCardReader] = []

    def make(citizen: DemoCitizen | None = None, **settings: object) -> SimulatedCardReader:
        reader = SimulatedCardReader(
            CardReaderSettings(driver="simulator", **settings), citizen=citizen, signer=signer
        )
        reader.open()
        opened.append(reader)
        return reader

    yield make
    for reader in opened:
        reader.close()


# -- the real stack -------------------------------------------------------------------------
@pytest.fixture(scope="session")
def pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A running pcscd with vpcd listening on 127.0.0.1:35963 (shared by every test)."""
    try:
        import smartcard.scard  # noqa: F401
        import virtualsmartcard.VirtualSmartcard  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"pyscard / python3-virtualsmartcard not importable ({exc}); run scripts/setup")
    from devtools.vicc_bridge import vpcd_listening

    if vpcd_listening(VPCD_PORT):
        yield
        return
    executable = shutil.which("pcscd") or "/usr/sbin/pcscd"
    if not Path(executable).exists():
        pytest.skip("pcscd is not installed (scripts/setup installs pcscd and vsmartcard-vpcd)")
    log = tmp_path_factory.mktemp("pcscd") / "pcscd.log"
    with log.open("wb") as out:
        process = subprocess.Popen([executable, "-f", "-a"], stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while not vpcd_listening(VPCD_PORT):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            tail = log.read_text(errors="replace")[-500:]
            pytest.skip(f"pcscd could not be started here: {tail}")
        time.sleep(0.05)
    yield
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def plug_card(pcscd: None, signer: DemoSigner) -> Iterator[Callable[..., object]]:
    """Insert an independent virtual card (`devtools.icao_card`) into vpcd slot 0; every card
    is taken out again after the test.

    `plug(citizen, faults)` lays a card with the demo citizen's files (BAC and PACE); `plug(
    contents=…)` one built by `devtools.icao_card_files`. `behaviour` sets the card's quirks.
    """
    from devtools.icao_card import CardBehaviour, CardSecrets, IcaoCard
    from devtools.vicc_bridge import VirtualCardSlot

    slots: list[VirtualCardSlot] = []

    def plug(
        citizen: DemoCitizen | None = None,
        faults: CardFaults | None = None,
        *,
        contents: object | None = None,
        behaviour: CardBehaviour | None = None,
        extended_length: bool = True,
        remove_after: int | None = None,
        hang_after: int | None = None,
    ) -> VirtualCardSlot:
        behaviour = behaviour or CardBehaviour(extended="accept" if extended_length else "6700")
        if contents is None:
            assert citizen is not None
            files = build_card_files(citizen, signer, faults or CardFaults())
            key = citizen.bac_key()
            secrets = CardSecrets(
                key.document_number, key.birth, key.expiry, citizen.id_number[-6:]
            )
            card = IcaoCard({f.fid: data for f, data in files.items()}, secrets, behaviour)
        else:
            card = IcaoCard(contents.files, contents.secrets, behaviour)  # type: ignore[attr-defined]
        slot = VirtualCardSlot(card, VPCD_PORT, remove_after=remove_after, hang_after=hang_after)
        slot.insert()
        slots.append(slot)
        return slot

    yield plug
    for slot in slots:
        slot.remove()


@pytest.fixture
def pcsc_reader(pcscd: None) -> Iterator[Callable[..., object]]:
    readers = []

    def make(**settings: object):
        values = {"driver": "pcsc", "reader_pattern": r"Virtual PCD 00 00", **settings}
        reader = open_reader(CardReaderSettings(**values))
        reader.open()
        readers.append(reader)
        return reader

    yield make
    for reader in readers:
        reader.close()


@pytest.fixture
def wait_for() -> Callable[..., bool]:
    """Poll a condition (device threads report asynchronously); True once it holds."""

    def wait(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if condition():
                return True
            time.sleep(0.02)
        return condition()

    return wait
