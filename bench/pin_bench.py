"""Prints what one technician-PIN guess costs on this machine (Argon2id at the stored cost) and
what trying every 6-digit PIN from a stolen hash file would take, with the machine's load.

    .venv/bin/python bench/pin_bench.py [--repeat N]

Target (issue 15): ≥ 0.5 s of one core per guess.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from kiosk.technician.pin import COST, PinStore


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = PinStore(Path(folder) / "pin.json")
        store.set_pin("482915")
        cpu, wall = [], []
        for _ in range(args.repeat):
            started_cpu, started = time.process_time(), time.perf_counter()
            store.verify("482915")
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started)
    per_guess = statistics.median(cpu)
    print(f"Argon2id t={COST.time_cost} m={COST.memory_kib // 1024} MiB p={COST.parallelism}")
    print(f"one guess: {per_guess:.2f} CPU-s median, {statistics.median(wall):.2f} s wall")
    print(f"every 6-digit PIN: {per_guess * 1e6 / 3600:,.0f} core-hours")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
