"""Prints process start → home screen painted, from source and (if built) frozen, beside a
bare PySide6 QML window with one text started alternately in the same run, and their ratio.

    .venv/bin/python bench/startup.py [--runs N] [--frozen PATH]

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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Start:
    wall_s: float  # process start → first frame
    cpu_s: float  # CPU the process had used by then (all its threads): what load cannot stretch


def cpu_seconds(pid: int) -> float:
    """utime + stime of a live process, from /proc/PID/stat (fields 14 and 15, in ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_start(command: list[str]) -> Start:
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
                    return Start(time.perf_counter() - started, cpu_seconds(proc.pid))
            raise RuntimeError(f"{command[0]} exited before painting")
        finally:
            proc.kill()
            proc.wait()


BARE = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
TARGET_RATIO = 3.0
FROZEN_TARGET_S = 0.6  # warm, process start → home screen painted


def describe(name: str, starts: list[Start]) -> tuple[float, float]:
    """Prints the runs; returns the warm medians of wall time and CPU time."""
    times = [s.wall_s for s in starts]
    warm = times[1:] or times
    median = statistics.median(warm)
    cpu = statistics.median(s.cpu_s for s in starts[1:] or starts)
    print(
        f"{name:12s} start → first frame: cold {times[0]:.3f} s, warm median {median:.3f} s "
        f"(min {min(warm):.3f}, max {max(warm):.3f}, {len(warm)} runs); "
        f"CPU used by then {cpu:.2f} s"
    )
    return median, cpu


def report(kiosks: dict[str, list[str]], runs: int) -> None:
    """The bare window and each kiosk started in turn, round after round, so all see the same
    load (run by run the load moves more than the kiosks differ)."""
    load_before = os.getloadavg()[0]
    starts: dict[str, list[Start]] = {"bare window": [], **{f"kiosk {n}": [] for n in kiosks}}
    commands = {"bare window": BARE, **{f"kiosk {n}": c for n, c in kiosks.items()}}
    for _ in range(runs):
        for name, command in commands.items():
            starts[name].append(time_start(command))
    load = f"load average {load_before:.1f} → {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    bare_median, bare_cpu = describe("bare window", starts["bare window"])
    for name in kiosks:
        kiosk_median, kiosk_cpu = describe(f"kiosk {name}", starts[f"kiosk {name}"])
        ratio = kiosk_median / bare_median
        verdict = "meets" if ratio <= TARGET_RATIO else "misses"
        print(
            f"kiosk {name} / bare window: {ratio:.1f}× — {verdict} the target ≤ "
            f"{TARGET_RATIO:.0f}× (CPU {kiosk_cpu / bare_cpu:.1f}×; {load})"
        )
        if name == "frozen":
            verdict = "meets" if kiosk_median <= FROZEN_TARGET_S else "misses"
            print(f"kiosk frozen warm median: {verdict} the target ≤ {FROZEN_TARGET_S} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "kiosk" / "kiosk")
    args = parser.parse_args()
    kiosks = {"source": [sys.executable, "-m", "ui.main"]}
    frozen = args.frozen
    if frozen.exists():
        kiosks["frozen"] = [str(frozen)]
    report(kiosks, args.runs)
    if frozen.exists():
        size = sum(
            f.stat().st_size for f in frozen.parent.rglob("*") if f.is_file() and not f.is_symlink()
        )
        print(f"frozen bundle size: {size / 1e6:.1f} MB ({frozen.parent})")
    else:
        print("frozen: not built (scripts/build-frozen)")


if __name__ == "__main__":
    main()
