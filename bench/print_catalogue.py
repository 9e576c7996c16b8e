"""Prints every guidance slip and hand-in receipt of the bundled catalogue on every printer the
suite knows (58 mm = 384 dots, TM-T88V = 512, 80 mm = 576), in Vietnamese and English, with
image and native QR codes, decodes the bytes as a printer would print them and checks them
(tests/tickets/printed_check.py): nothing wider than the paper, no word or code broken, every
QR code read back with error correction M and a four-module quiet zone.

    .venv/bin/python bench/print_catalogue.py [--procedures N]

The suite's tests/tickets/test_printed_layouts.py does the same walk; this prints the problems
found (target: none), the jobs checked, and the time per job to encode and check.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.tickets.printed_check import (
    LANGUAGES,
    PRINTERS,
    bundled_catalogue,
    check,
    encoder,
    procedure_jobs,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--procedures", type=int, default=0, help="only the first N (0 = all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = bundled_catalogue(Path(tmp))
    procedures = catalogue.procedures[: args.procedures or None]
    problems: list[str] = []
    per_job: list[float] = []
    started = time.perf_counter()
    for printer, lang, native in itertools.product(PRINTERS, LANGUAGES, (False, True)):
        enc = encoder(printer, native)
        for procedure in procedures:
            for job, codes in procedure_jobs(catalogue, procedure, lang):
                began = time.perf_counter()
                found = check(job, enc, codes)
                per_job.append(time.perf_counter() - began)
                qr = "native" if native else "image"
                problems += [f"{job.name} ({printer}, {lang}, {qr} QR): {p}" for p in found]
    total = time.perf_counter() - started
    for problem in problems[:30]:
        print(problem)
    ms = sorted(t * 1000 for t in per_job)
    print(f"load average (1, 5, 15 min): {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    print(
        f"{len(per_job)} jobs ({len(procedures)} procedures × slip and receipt × "
        f"{len(PRINTERS)} printers × {len(LANGUAGES)} languages × image and native QR): "
        f"{len(problems)} problems (target 0)"
    )
    print(
        f"encode + decode + check per job: median {statistics.median(ms):.0f} ms, "
        f"max {ms[-1]:.0f} ms; whole walk {total:.0f} s"
    )


if __name__ == "__main__":
    main()
