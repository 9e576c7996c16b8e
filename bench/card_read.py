"""Chip ID-card read over the real virtual stack (pcscd + vpcd + pyscard + the independent
virtual card of devtools.icao_card) on a card that adds 20 ms to every APDU: PACE + DG1 + DG13
and BAC + DG1 + DG13 (time and APDUs), then the whole verified read the kiosk does (EF.SOD,
DG14, DG15 and Active or Chip Authentication on top). Targets for PACE + DG1 + DG13: ≤ 0.4 s
and ≤ 20 APDUs.

    .venv/bin/python bench/card_read.py [--runs 10] [--delay-ms 20]

Starts `pcscd -f -a` when none is running (and stops it afterwards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from devtools.icao_card import CardBehaviour, IcaoCard
from devtools.icao_card_files import Holder, build
from devtools.icao_issuer import Issuer
from devtools.vicc_bridge import VirtualCardSlot, vpcd_listening
from hardware.card_reader import BacKey, CardReaderSettings, open_reader
from hardware.card_reader.dg13 import parse_dg13
from hardware.card_reader.emrtd import EmrtdReader
from hardware.card_reader.lds import EFile, parse_dg1
from hardware.card_reader.sod import TrustList

HOLDER = Holder(
    id_number="019196000123",
    full_name="Hoàng Thị Ngọc Ánh",
    birth=dt.date(1996, 4, 2),
    sex="Nữ",
    issue=dt.date(2023, 9, 14),
    expiry=dt.date(2036, 4, 2),
)


def ensure_pcscd() -> subprocess.Popen | None:
    if vpcd_listening():
        return None
    process = subprocess.Popen(
        [shutil.which("pcscd") or "/usr/sbin/pcscd", "-f", "-a"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not vpcd_listening():
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit("pcscd could not be started")
        time.sleep(0.05)
    return process


def summary(label: str, seconds: list[float], apdus: set[int]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[int(0.9 * (len(ms) - 1))]
    print(
        f"{label:<44} median {statistics.median(ms):6.1f} ms   p90 {p90:6.1f} ms   "
        f"max {ms[-1]:6.1f} ms   APDUs {'/'.join(str(a) for a in sorted(apdus))}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--delay-ms", type=float, default=20.0)
    args = parser.parse_args()

    pcscd = ensure_pcscd()
    signer = Issuer()
    contents = build(HOLDER, signer)
    with_ca = build(HOLDER, signer, chip_authentication="aes128")

    mrz_key = BacKey(HOLDER.id_number[-9:], "960402", "360402")
    reader = open_reader(CardReaderSettings(driver="pcsc", reader_pattern="Virtual PCD 00 00"))
    reader.open()
    results: dict[str, tuple[list[float], set[int]]] = {}
    try:

        def measure(
            label: str, behaviour: CardBehaviour, run: Callable[[], int], card=contents
        ) -> None:
            slot = VirtualCardSlot(
                IcaoCard(card.files, card.secrets, behaviour),
                delay_seconds=args.delay_ms / 1000,
            )
            slot.insert()
            try:
                if not reader.wait_for_card(5):
                    sys.exit("the reader never reported the virtual card")
                times, counts = [], set()
                for _ in range(args.runs):
                    started = time.perf_counter()
                    counts.add(run())
                    times.append(time.perf_counter() - started)
                results[label] = (times, counts)
            finally:
                slot.remove()
                reader.wait_for_card(0)

        def partial(can: str | None, keys: list[BacKey]) -> Callable[[], int]:
            """Open the chip and read DG1 + DG13 only, parsed (through the PC/SC channel)."""

            def run() -> int:
                with reader._card_channel() as channel:
                    chip = EmrtdReader(channel, TrustList())
                    chip.open_session(keys, can)
                    parse_dg1(chip.read_file(EFile.DG1))
                    parse_dg13(chip.read_file(EFile.DG13))
                    return chip.apdu_count

            return run

        def whole(can: str | None, keys: list[BacKey]) -> Callable[[], int]:
            def run() -> int:
                document = reader.read_document(keys, can=can, read_portrait=False)
                return document.apdu_count

            return run

        pace_card, bac_card = CardBehaviour(), CardBehaviour(pace=None)
        measure("PACE (CAN) + DG1 + DG13", pace_card, partial(HOLDER.can, []))
        measure("BAC + DG1 + DG13", bac_card, partial(None, [mrz_key]))
        measure("PACE, verified (+SOD, DG14, DG15, AA)", pace_card, whole(HOLDER.can, []))
        measure("BAC, verified (+SOD, DG14, DG15, AA)", bac_card, whole(None, [mrz_key]))
        measure(
            "PACE, verified with Chip Authentication", pace_card, whole(HOLDER.can, []), with_ca
        )
        measure(
            "PACE 3DES on NIST P-256 + DG1 + DG13",
            CardBehaviour(pace="3des", curve=12),
            partial(HOLDER.can, []),
        )
    finally:
        reader.close()
        if pcscd is not None:
            pcscd.terminate()
            pcscd.wait(5)

    load = os.getloadavg()
    print(
        f"virtual stack: pcscd + vpcd + pyscard, card adds {args.delay_ms:.0f} ms per APDU, "
        f"{args.runs} runs each; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    for label, (times, counts) in results.items():
        summary(label, times, counts)
    times, counts = results["PACE (CAN) + DG1 + DG13"]
    ok = max(times) <= 0.4 and max(counts) <= 20
    print(f"target PACE + DG1 + DG13 <= 0.4 s and <= 20 APDUs: {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
