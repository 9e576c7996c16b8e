"""Chip ID-card read over the real virtual stack (pcscd + vpcd + pyscard + our virtual card):
prints, from "card present" to "DG1 + DG13 parsed" (and with the DG2 portrait), the time and
the number of APDUs. Targets: ≤ 0.4 s and ≤ 14 APDUs for DG1 + DG13.

    .venv/bin/python bench/card_read.py [--runs 30]

Starts `pcscd -f -a` when none is running (and stops it afterwards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import time

from hardware.card_reader import CardReaderSettings, ReaderStatus, open_reader
from hardware.card_reader.demo_document import (
    DemoSigner,
    build_card_files,
    demo_citizen,
)
from hardware.card_reader.vicc_bridge import VirtualCardSlot, vpcd_listening
from hardware.card_reader.virtual_card import VirtualIdCard
from kiosk.identity import IdentityService


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
        f"{label:<34} median {statistics.median(ms):6.1f} ms   p90 {p90:6.1f} ms   "
        f"max {ms[-1]:6.1f} ms   APDUs {'/'.join(str(a) for a in sorted(apdus))}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    pcscd = ensure_pcscd()
    citizen, signer = demo_citizen(), DemoSigner.generate()
    slot = VirtualCardSlot(VirtualIdCard(build_card_files(citizen, signer), citizen.bac_key()))
    reader = open_reader(CardReaderSettings(driver="pcsc", reader_pattern="Virtual PCD 00 00"))
    reader.open()
    try:
        inserted = time.monotonic()
        slot.insert()
        if not reader.wait_for_card(5):
            sys.exit("the reader never reported the virtual card")
        presence = time.monotonic() - inserted
        service = IdentityService(reader, today=dt.date.today)
        hint = service.hint_from_qr(citizen.qr_text())

        started = time.perf_counter()
        service.read_card(hint)
        first = time.perf_counter() - started

        results: dict[str, tuple[list[float], set[int]]] = {}
        # label, read DG2, through the identity service, READ BINARY size, card takes extended
        cases = [
            ("DG1+DG13 (read_document)", False, False, 4096, True),
            ("DG1+DG13+DG2 (read_document)", True, False, 4096, True),
            ("DG1+DG13 -> Identity (service)", False, True, 4096, True),
            ("DG1+DG13+DG2 -> Identity (service)", True, True, 4096, True),
            ("DG1+DG13, short APDUs only", False, True, 223, True),
            ("DG1+DG13, card refusing extended", False, True, 4096, False),
        ]
        for label, portrait, via_service, chunk, extended in cases:
            times: list[float] = []
            counts: set[int] = set()
            slot.card.extended_length = extended
            reader.settings = reader.settings.model_copy(
                update={"read_portrait": portrait, "read_chunk_bytes": chunk}
            )
            for _ in range(args.runs):
                assert reader.status().status is ReaderStatus.CARD_PRESENT
                started = time.perf_counter()
                if via_service:
                    service.read_card(hint)
                else:
                    reader.read_document([citizen.bac_key()])
                times.append(time.perf_counter() - started)
                counts.add(reader.last_timing.apdu_count)
            results[label] = (times, counts)

        print(f"virtual stack: pcscd + vpcd + pyscard, {args.runs} runs each")
        print(f"card inserted -> reader reports present: {presence * 1000:.0f} ms (pcscd polling)")
        print(f"first read in a fresh process (DG1+DG13+DG2 -> Identity): {first * 1000:.1f} ms")
        for label, (times, counts) in results.items():
            summary(label, times, counts)
        dg13_times, dg13_apdus = results["DG1+DG13 -> Identity (service)"]
        ok = max(dg13_times) <= 0.4 and max(dg13_apdus) <= 14
        print(f"target DG1+DG13 <= 0.4 s and <= 14 APDUs: {'met' if ok else 'NOT met'}")
    finally:
        reader.close()
        slot.remove()
        if pcscd is not None:
            pcscd.terminate()
            pcscd.wait(5)


if __name__ == "__main__":
    main()
