"""Prints process start → home screen painted, from source and (if built) frozen, beside a
bare PySide6 QML window with one text started alternately in the same run, and their ratio.

    .venv/bin/python bench/startup.py [--runs N]

Each run starts a fresh process offscreen and waits for its first frame; the first run is cold
(files not yet cached), the rest are warm: Python's bytecode and Qt's QML disk cache
(~/.cache/kiosk/qmlcache) are written by the first run and read by the others, as on a kiosk.
PYTHONDONTWRITEBYTECODE is dropped for the runs: with it every start compiled the kiosk's 300
modules from source again (0.3-0.8 s), which no installed kiosk does. The machine's load is
printed beside the figures. Targets: the kiosk ≤ 3× the bare window; frozen ≤ 0.6 s warm.
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
        env.pop("PYTHONDONTWRITEBYTECODE", None)
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


BARE = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
TARGET_RATIO = 3.0


def describe(name: str, times: list[float]) -> float:
    warm = times[1:] or times
    median = statistics.median(warm)
    print(
        f"{name:12s} start → first frame: cold {times[0]:.3f} s, warm median {median:.3f} s "
        f"(min {min(warm):.3f}, max {max(warm):.3f}, {len(warm)} runs)"
    )
    return median


def report(name: str, command: list[str], runs: int) -> None:
    """The bare window and the kiosk started in turn, so both see the same load."""
    load_before = os.getloadavg()[0]
    bare: list[float] = []
    kiosk: list[float] = []
    for _ in range(runs):
        bare.append(time_start(BARE))
        kiosk.append(time_start(command))
    load_after = os.getloadavg()[0]
    bare_median = describe("bare window", bare)
    kiosk_median = describe(f"kiosk {name}", kiosk)
    ratio = kiosk_median / bare_median
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    print(
        f"kiosk {name} / bare window: {ratio:.1f}× — {verdict} the target ≤ {TARGET_RATIO:.0f}× "
        f"(load average {load_before:.1f} → {load_after:.1f} on {os.cpu_count()} cores)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "kiosk" / "kiosk")
    args = parser.parse_args()
    report("source", [sys.executable, "-m", "ui.main"], args.runs)
    frozen = args.frozen
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
