"""Runs many mixed citizen journeys in one kiosk process and prints what it holds every 100.

    .venv/bin/python bench/soak.py [--journeys N] [--every N] [--plot soak.png] [--trace]

One offscreen kiosk window with the simulated printer, card reader and camera walks, in turn:
take a number, search the catalogue (and print guidance), hand in with identity and scans,
follow a dossier, rate, help, and a citizen who walks away mid-journey (the real idle timer
sends the kiosk home); each journey's citizen then ends the visit, as Done or the idle timer
would. The simulated printer has a paper roll (`--roll-m`): it runs low, runs
out (the journeys then take the printer's error paths) and an attendant puts in a new roll a
few journeys later (`--refill-after`); the tours also play a paper-out of their own.

Every `--every` journeys it prints resident memory, OS threads, open file descriptors, Python
objects, live Qt object wrappers, the window's Qt Quick items and the tickets printed and
refused, and at the end a PNG plot. Targets: RSS growth ≤ 10 MB after the first round, threads
stable, 0 crashes. With `--trace`, Python's own allocations are traced (tracemalloc) and
printed beside RSS, and the lines whose allocations grew most after the first round are
listed: RSS that grows while they stay flat is native (Qt, the allocator), not Python. With
`--trim`, the C allocator returns its free memory before each sample: growth that remains is
memory in use, growth that goes was the allocator keeping freed memory.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk_session import SkippingClock, kiosk_window, load_average
from PIL import Image, ImageDraw
from PySide6.QtCore import QObject

from devtools import screenshots
from hardware.printer.interface import PaperState
from hardware.printer.simulator import SimulatedTicketPrinter
from tests.kiosk_factory import kiosk_config
from ui.background import wait_idle

TARGET_RSS_GROWTH_MB = 10.0


@dataclass(frozen=True)
class Sample:
    journeys: int
    rss_mb: float
    rss_anon_mb: float  # the heap, thread arenas, buffers: what a leak grows
    rss_file_mb: float  # pages of libraries and data files touched so far: grows, then stops
    threads: int
    open_files: int
    python_objects: int
    qt_wrappers: int
    window_items: int
    python_traced_mb: float


def proc_status(field: str) -> str:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return line.split()[1]
    raise KeyError(field)


def resident_by_mapping() -> Counter[str]:
    """Resident KiB by what is mapped: a file's name, `[heap]`, or `[anon]` for the anonymous
    mappings (thread arenas, large buffers), to name what grew."""
    resident: Counter[str] = Counter()
    name = "[anon]"
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if fields[0].endswith(":"):
            if fields[0] == "Rss:":
                resident[name] += int(fields[1])
        else:  # a mapping's header: address range, perms, offset, device, inode, [path]
            name = Path(fields[5]).name if len(fields) > 5 else "[anon]"
    return resident


def object_types() -> tuple[Counter[str], Counter[str]]:
    """Live Python objects and Qt object wrappers by class: what to look at when a count grows."""
    gc.collect()
    objects = gc.get_objects()
    wrappers = Counter(type(o).__name__ for o in objects if isinstance(o, QObject))
    return Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in objects), wrappers


def sample(journeys: int, ui) -> Sample:
    gc.collect()
    objects = gc.get_objects()
    return Sample(
        journeys=journeys,
        rss_mb=int(proc_status("VmRSS")) / 1024,
        rss_anon_mb=int(proc_status("RssAnon")) / 1024,
        rss_file_mb=int(proc_status("RssFile")) / 1024,
        threads=int(proc_status("Threads")),
        open_files=len(os.listdir("/proc/self/fd")),
        python_objects=len(objects),
        qt_wrappers=sum(1 for o in objects if isinstance(o, QObject)),
        window_items=count_items(ui.window.contentItem()),
        python_traced_mb=tracemalloc.get_traced_memory()[0] / 2**20,
    )


def count_items(root) -> int:
    """The window's Qt Quick items, walked through childItems(). Not findChildren(): PySide
    keeps each wrapper it returns referenced from the window's wrapper, so counting that way
    grew the wrapper count by some 200 per sample (destroyed screens' items included) and
    showed a leak the kiosk does not have."""
    pending, count = [root], 0
    while pending:
        item = pending.pop()
        count += 1
        pending.extend(item.childItems())
    return count


def walk_away(clock: SkippingClock, idle_seconds: float):
    """A citizen opens the catalogue, types half a search and leaves."""

    def walk_away_tour(ui, shot, wait) -> None:
        vm = ui.journeys["find_procedure"]
        ui.home.open("find_procedure")
        vm.chooseWay("search")
        vm.typeQuery("khai sinh")
        shot("walked-away")
        clock.skip(idle_seconds + 1)  # past the warning and its countdown
        wait(lambda: ui.shell.screen == "Home")

    return walk_away_tour


class Attendant:
    """Counts what the simulated printer is asked to print and puts in a new roll
    `refill_after` journeys after the paper ran out, as staff told by the centre would."""

    def __init__(self, printer: SimulatedTicketPrinter, refill_after: int) -> None:
        self.printer = printer
        self.refill_after = refill_after
        self.asked = 0
        self.rolls = 0
        self._out_since: int | None = None
        print_job = printer.print_job

        def counted(job):
            self.asked += 1
            return print_job(job)

        printer.print_job = counted  # type: ignore[method-assign]

    @property
    def printed(self) -> int:
        return len(self.printer.printed)

    def after_journey(self, done: int) -> None:
        if self.printer.status().paper is not PaperState.OUT:
            return
        if self._out_since is None:
            self._out_since = done
        elif done - self._out_since >= self.refill_after:
            self.printer.refill()
            self.rolls += 1
            self._out_since = None


def print_python_growth(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot) -> None:
    """The source lines whose live Python allocations grew most since the first round."""
    print("Python allocations that grew most after the first round:")
    for stat in after.compare_to(before, "lineno")[:10]:
        print(f"  {stat.size_diff / 1024:+8.0f} KiB {stat.count_diff:+7d} blocks  {stat.traceback}")


def plot(samples: list[Sample], path: Path) -> None:
    """One panel per measure, drawn with Pillow (no plotting library in the environment) in its
    default font, which has no arrows or ellipses. Drawn from the first round on, the start
    named in words: scaled to include the start, the climb to the first round flattened the
    growth after it into a line."""
    fields = [f for f in asdict(samples[0]) if f != "journeys"]
    width, panel = 900, 150
    image = Image.new("RGB", (width, panel * len(fields)), "white")
    draw = ImageDraw.Draw(image)
    start, samples = samples[0], samples[1:] if len(samples) > 2 else samples
    xs = [s.journeys for s in samples]
    for row, field in enumerate(fields):
        top = row * panel
        values = [getattr(s, field) for s in samples]
        low, high = min(values), max(values)
        span = (high - low) or 1
        left, right, bottom, up = 70, width - 20, top + panel - 25, top + 25
        draw.rectangle((left, up, right, bottom), outline="grey")
        title = f"{field}: {low:g} to {high:g} (last {values[-1]:g}, at start "
        draw.text((left, top + 5), f"{title}{getattr(start, field):g})", "black")
        points = [
            (
                left + (right - left) * (x - xs[0]) / ((xs[-1] - xs[0]) or 1),
                bottom - (bottom - up) * (v - low) / span,
            )
            for x, v in zip(xs, values, strict=True)
        ]
        draw.line(points, fill="navy", width=2) if len(points) > 1 else None
        draw.text((left, bottom + 5), f"journeys {xs[0]} to {xs[-1]}", "black")
    image.save(path)


def soak_config(tmp: Path, roll_m: float):
    """The tests' configuration with a paper roll in the simulated printer."""
    config = kiosk_config(tmp)
    printer = config.printer.model_copy(update={"simulator_roll_m": roll_m})
    return config.model_copy(update={"printer": printer})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journeys", type=int, default=1000)
    parser.add_argument("--every", type=int, default=100)
    parser.add_argument("--plot", type=Path, default=Path("soak.png"))
    parser.add_argument("--trace", action="store_true", help="trace Python's allocations")
    parser.add_argument(
        "--trim",
        action="store_true",
        help="return the allocator's free memory to the system before each sample (malloc_trim)",
    )
    parser.add_argument("--roll-m", type=float, default=6.0, help="paper roll length, metres")
    parser.add_argument("--refill-after", type=int, default=3, help="journeys without paper")
    args = parser.parse_args()
    if args.trace:
        tracemalloc.start(1)
    clock = SkippingClock()
    after_first_round: tracemalloc.Snapshot | None = None
    first_round_types: tuple[Counter[str], Counter[str]] | None = None
    first_round_resident: Counter[str] = Counter()
    crashes: list[str] = []
    print(f"before: {load_average()}")
    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp,
        kiosk_window(Path(tmp), clock, soak_config(Path(tmp), args.roll_m)) as (ui, pump),
    ):
        attendant = Attendant(ui.core.printer, args.refill_after)
        settings = ui.core.config.ui
        idle = settings.idle_seconds + settings.idle_warning_seconds
        crashed = ui.shell.journey_crashed

        def count_crash(where: str) -> None:
            crashes.append(where)
            crashed(where)

        ui.shell.journey_crashed = count_crash
        mix: list[Callable] = [
            screenshots.tour_take_number,
            screenshots.tour_find_procedure,
            screenshots.tour_hand_in,
            screenshots.tour_follow_dossier,
            screenshots.tour_rating,
            screenshots.tour_help,
            walk_away(clock, idle),
        ]

        def shot(_name: str) -> None:
            pump.wait(5)  # let the screen paint, as a person would see it

        def wait(condition: Callable[[], bool]) -> None:
            pump.waitUntil(condition)

        trim = ctypes.CDLL("libc.so.6").malloc_trim if args.trim else lambda _pad: 0
        trim(0)
        samples = [sample(0, ui)]
        print(
            f"{'journeys':>8s} {'RSS MB':>7s} {'anon':>6s} {'file':>6s} {'threads':>7s} "
            f"{'fds':>4s} "
            f"{'py objs':>8s} {'Qt wrap':>7s} {'items':>6s} {'py MB':>6s} {'printed':>7s} "
            f"{'refused':>7s} {'rolls':>5s}  load"
        )
        for done in range(1, args.journeys + 1):
            tour = mix[(done - 1) % len(mix)]
            try:
                ui.shell.home()
                tour(ui, shot, wait)
                ui.shell.end_session()  # each journey is one citizen, whose visit ends
            except Exception as error:  # a journey that does not finish counts as a crash
                crashes.append(f"{tour.__name__}: {error!r}")
            attendant.after_journey(done)
            if done % args.every == 0 or done == args.journeys:
                wait_idle(10)  # what the session's end started in the background has run
                trim(0)
                s = sample(done, ui)
                samples.append(s)
                plot(samples, args.plot)  # drawn as it goes: a long run stopped early has one
                print(
                    f"{s.journeys:8d} {s.rss_mb:7.1f} {s.rss_anon_mb:6.1f} {s.rss_file_mb:6.1f} "
                    f"{s.threads:7d} {s.open_files:4d} "
                    f"{s.python_objects:8d} {s.qt_wrappers:7d} {s.window_items:6d} "
                    f"{s.python_traced_mb:6.1f} {attendant.printed:7d} "
                    f"{attendant.asked - attendant.printed:7d} {attendant.rolls:5d}  "
                    f"{os.getloadavg()[0]:.1f}",
                    flush=True,
                )
                if first_round_types is None:
                    first_round_types = object_types()
                    first_round_resident = resident_by_mapping()
                    if args.trace:
                        after_first_round = tracemalloc.take_snapshot()
        if after_first_round is not None:
            print_python_growth(after_first_round, tracemalloc.take_snapshot())
        if first_round_types is not None:
            objects, wrappers = object_types()
            grown = (objects - first_round_types[0]).most_common(8)
            print(f"Python objects that grew after the first round: {grown or 'none'}")
            grown = (wrappers - first_round_types[1]).most_common(8)
            print(f"Qt wrappers that grew after the first round: {grown or 'none'}")
            resident = (resident_by_mapping() - first_round_resident).most_common(8)
            print("resident memory that grew after the first round, MB:")
            print("  " + ", ".join(f"{name} {kib / 1024:+.1f}" for name, kib in resident))
    elapsed = time.monotonic() - started
    print(f"after:  {load_average()}; {args.journeys} journeys in {elapsed:.0f} s")
    # the first round loads every screen and journey once; growth is counted after it
    baseline = samples[1] if len(samples) > 2 else samples[0]
    growth = samples[-1].rss_mb - baseline.rss_mb
    print(
        f"RSS growth after the first {baseline.journeys} journeys: {growth:+.1f} MB "
        f"(target ≤ {TARGET_RSS_GROWTH_MB:.0f} MB), threads {baseline.threads} → "
        f"{samples[-1].threads}, open files {baseline.open_files} → {samples[-1].open_files}, "
        f"crashes {len(crashes)} (target 0)"
    )
    for crash in crashes[:10]:
        print(f"  crash: {crash}")
    print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
