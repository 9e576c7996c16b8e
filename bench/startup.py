"""Prints process start → home screen painted, from source and (if built) frozen.

    .venv/bin/python bench/startup.py [--runs N]

Each run starts a fresh kiosk process offscreen and waits for the first frame of the home
screen; the first run is cold (files not yet cached), the rest are warm. Target: ≤ 0.6 s warm.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_start(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_STARTUP_PROBE="1", KIOSK_HOME=home
        )
        started = time.perf_counter()
        proc = subprocess.Popen(
            [*command, "--windowed"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=ROOT,
        )
        try:
            for line in proc.stdout:
                if line.startswith("KIOSK_PAINTED"):
                    return time.perf_counter() - started
            raise RuntimeError(f"{command[0]} exited before painting")
        finally:
            proc.kill()
            proc.wait()


def report(name: str, command: list[str], runs: int) -> None:
    times = [time_start(command) for _ in range(runs)]
    warm = times[1:] or times
    print(
        f"{name:7s} start → home painted: cold {times[0]:.3f} s, warm median "
        f"{statistics.median(warm):.3f} s (min {min(warm):.3f}, max {max(warm):.3f}, "
        f"{len(warm)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=6)
    args = parser.parse_args()
    report("source", [sys.executable, "-m", "ui.main"], args.runs)
    frozen = ROOT / "dist" / "kiosk" / "kiosk"
    if frozen.exists():
        report("frozen", [str(frozen)], args.runs)
        size = sum(
            f.stat().st_size for f in frozen.parent.rglob("*") if f.is_file() and not f.is_symlink()
        )
        print(f"frozen bundle size: {size / 1e6:.1f} MB ({frozen.parent})")
    else:
        print("frozen: not built (scripts/build-frozen)")


if __name__ == "__main__":
    main()
