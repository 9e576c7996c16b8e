"""Prints tap → next frame painted for every screen of every journey, p50, p95 and worst,
slowest screens first.

    .venv/bin/python bench/taps.py [--rounds N]

The real QML window runs offscreen on the Qt thread's own render loop. Each journey's screens
are walked by its screenshot tour (`devtools/screenshots.TOURS`); the tile on the home screen
is tapped with a real mouse click through the test driver (`tests/kiosk_driver.Driver`), the
later screens through the view-model slot the screen's button calls. Every such call is one
tap, painted before the next is made, as a person's taps are: a tap the tour names a screen
after is reported by that name, the others (Back on the way to a screen, the questions of a
rating) as the slot and the screen it led to. The clock starts when the tap is made and stops
at the first frame the window swaps after it; a step that waits for a device (the printer,
the card) is timed to its first frame, which is what the citizen sees first. Beside the wall
time each screen's median CPU of the Qt thread over the same span is printed (building and
painting it), which the load of a shared machine hardly stretches. Target: p95 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from kiosk_session import kiosk_window, load_average
from PySide6.QtCore import QObject

from devtools.screenshots import TOUR_PIN, TOURS
from tests.kiosk_driver import Driver

TARGET_P95_MS = 50.0


class Moment(NamedTuple):
    """When, by the wall clock, and how much CPU the Qt thread had used by then: the machine's
    load stretches the first, hardly the second (what building and painting a screen costs)."""

    wall: float
    cpu: float

    @staticmethod
    def now() -> Moment:
        return Moment(time.perf_counter(), time.thread_time())


Samples = dict[str, list[Moment]]  # each tap's wall time and the Qt thread's CPU, in ms


class FrameClock:
    """Moments of the frames the window swaps (on the Qt thread, as the taps are made), to find
    the first one after a tap."""

    def __init__(self, window, pump) -> None:
        self.frames: list[Moment] = []
        self.pump = pump
        window.frameSwapped.connect(lambda: self.frames.append(Moment.now()))

    def first_after(self, started: Moment, timeout: float = 2.0) -> Moment | None:
        end = time.monotonic() + timeout
        while True:
            later = [frame for frame in self.frames if frame.wall > started.wall]
            if later:
                return later[0]
            if time.monotonic() > end:
                return None
            self.pump.app.processEvents()


class Taps:
    """The clock of one walk: each tap's first frame, recorded under the screen it shows."""

    def __init__(self, ui, pump, clock: FrameClock, samples: Samples) -> None:
        self.ui, self.pump, self.clock, self.samples = ui, pump, clock, samples
        self.at = Moment.now()
        self.pending = ""  # a tap not yet recorded: what it called

    def tap(self, what: str) -> None:
        """A tap about to be made: the one before it is painted and recorded first."""
        if self.pending:
            self.record(f"{self.pending} → {self.ui.shell.screen}")
        self.pending = what
        self.at = Moment.now()

    def shot(self, name: str) -> None:
        """The tour names the screen the last tap led to."""
        self.pending = ""
        self.record(f"{name} ({self.ui.shell.screen})")

    def record(self, name: str) -> None:
        painted = self.clock.first_after(self.at)
        if painted is None:
            self.samples[name].append(Moment(float("inf"), float("inf")))
        else:
            took = Moment((painted.wall - self.at.wall) * 1000, (painted.cpu - self.at.cpu) * 1000)
            self.samples[name].append(took)
        self.settle()

    def settle(self) -> None:
        self.pump.wait(60)
        self.at = Moment.now()


class Tapping:
    """A view-model as the tours drive it, each call of a slot being a tap on its screen; the
    view-models it holds (a journey's identity or scan step) are tapped the same way."""

    def __init__(self, view_model: QObject, taps: Taps, name: str) -> None:
        self._view_model, self._taps, self._name = view_model, taps, name

    def __getattr__(self, attribute: str):
        value = getattr(self._view_model, attribute)
        if _is_view_model(value):
            return Tapping(value, self._taps, f"{self._name}.{attribute}")
        if callable(value) and getattr(value, "__self__", None) is self._view_model:

            def tapped(*args, **kwargs):
                self._taps.tap(f"{self._name}.{attribute}()")
                return value(*args, **kwargs)

            return tapped
        return value


def _is_view_model(value: object) -> bool:
    return isinstance(value, QObject) and type(value).__module__.startswith("ui.viewmodels")


class TappingUi:
    """The window as the tours see it: its view-models tap, and opening a journey taps its
    home tile."""

    def __init__(self, ui, taps: Taps, tap_tile: Callable[[str], None]) -> None:
        self._ui = ui
        self.home = TappingHome(ui.home, tap_tile)
        self.journeys = {name: Tapping(vm, taps, name) for name, vm in ui.journeys.items()}
        self.technician = Tapping(ui.technician, taps, "technician")
        self.shell = TappingShell(ui.shell, taps)

    def __getattr__(self, name: str):
        return getattr(self._ui, name)


class TappingShell:
    """The shell, whose `home()` is the Home button."""

    def __init__(self, shell, taps: Taps) -> None:
        self._shell, self._taps = shell, taps

    def home(self) -> None:
        self._taps.tap("Home")
        self._shell.home()

    def __getattr__(self, name: str):
        return getattr(self._shell, name)


class TappingHome:
    def __init__(self, home, tap_tile: Callable[[str], None]) -> None:
        self._home = home
        self.open = tap_tile

    def __getattr__(self, name: str):
        return getattr(self._home, name)


def walk(ui, pump, clock: FrameClock, samples: Samples) -> None:
    driver = Driver(ui, pump)
    opened_by_tile = ui.home.open
    taps = Taps(ui, pump, clock, samples)

    def tap_tile(journey_id: str) -> None:
        if ui.shell.screen != "Home":
            taps.tap("Home")
            ui.shell.home()
        taps.tap(f"tile {journey_id}")
        driver.tap(f"tile_{journey_id}")
        if ui.shell.screen == "Home":  # the tile was not on screen: open it as the tile would
            opened_by_tile(journey_id)

    def wait(condition: Callable[[], bool]) -> None:
        pump.waitUntil(condition)

    person = TappingUi(ui, taps, tap_tile)
    for tour in TOURS:
        if ui.shell.screen != "Home":
            ui.shell.home()
        taps.pending = ""
        taps.settle()
        tour(person, taps.shot, wait)
        taps.tap("")  # the tour's last tap (Home, mostly) is painted and recorded too


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5, help="walks of every tour")
    args = parser.parse_args()
    samples: Samples = defaultdict(list)
    print(f"before: {load_average()}")
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-taps-") as tmp,
        kiosk_window(Path(tmp)) as (ui, pump),
    ):
        clock = FrameClock(ui.window, pump)
        # set once at installation (`kiosk --set-technician-pin`), not on a tap: its Argon2
        # hash would otherwise be timed as the technician PIN screen's tap
        pin = ui.kiosk.services.technician_pin
        if not pin.configured:
            pin.set_pin(TOUR_PIN)
        for _ in range(args.rounds):
            walk(ui, pump, clock, samples)
    print(f"after:  {load_average()}")
    walls = {name: [took.wall for took in taken] for name, taken in samples.items()}
    cpus = {name: [took.cpu for took in taken] for name, taken in samples.items()}
    rows = sorted(walls, key=lambda name: percentile(walls[name], 0.95), reverse=True)
    print(f"{'screen':58s} {'n':>3s} {'p50':>7s} {'p95':>7s} {'worst':>7s} {'cpu p50':>8s}  (ms)")
    for name in rows:
        values, cpu = walls[name], statistics.median(cpus[name])
        print(
            f"{name:58s} {len(values):3d} {statistics.median(values):7.1f} "
            f"{percentile(values, 0.95):7.1f} {max(values):7.1f} {cpu:8.1f}"
        )
    every = [v for values in walls.values() for v in values]
    p95 = percentile(every, 0.95)
    verdict = "meets" if p95 <= TARGET_P95_MS else "misses"
    print(
        f"all taps: {len(every)}, p50 {statistics.median(every):.1f} ms, p95 {p95:.1f} ms, "
        f"worst {max(every):.1f} ms — {verdict} the target p95 ≤ {TARGET_P95_MS:.0f} ms"
    )
    cpu = [v for values in cpus.values() for v in values]
    print(
        f"Qt thread's CPU from tap to frame: p50 {statistics.median(cpu):.1f} ms, "
        f"p95 {percentile(cpu, 0.95):.1f} ms, worst {max(cpu):.1f} ms"
    )
    slow = [name for name in rows if percentile(walls[name], 0.95) > TARGET_P95_MS]
    print("slowest screens: " + (", ".join(slow[:8]) if slow else "none over the target"))


if __name__ == "__main__":
    main()
