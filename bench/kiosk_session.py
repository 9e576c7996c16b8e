"""One offscreen kiosk window for the benches that drive journeys: the product's own
composition (`tests/kiosk_factory.make_kiosk`: simulated printer, card reader and camera) on a
temporary data folder, with the screenshot tours (`devtools/screenshots.TOURS`) as the walks."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# frames are painted on the Qt thread, so none can slip in while a tap's handler still runs
os.environ.setdefault("QSG_RENDER_LOOP", "basic")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from kiosk.config import KioskConfig  # noqa: E402
from tests.kiosk_factory import make_kiosk  # noqa: E402
from ui.app import KioskUi, create_application  # noqa: E402


class Pump:
    """Runs the Qt event loop for the walks; also stands in for pytest-qt's bot so the test
    driver (`tests/kiosk_driver.Driver`) taps with real mouse events outside pytest."""

    def __init__(self, app) -> None:
        self.app = app

    def wait(self, ms: int) -> None:
        """A real event loop, as pytest-qt's wait runs: unlike processEvents it also deletes
        the objects QML handed to deleteLater (old screens), which the soak must see go."""
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def waitUntil(self, condition: Callable[[], bool], timeout: int = 20_000) -> None:
        end = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the kiosk did not reach the expected state")
            self.wait(1)


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f} on {os.cpu_count()} cores"


class SkippingClock:
    """The monotonic clock, plus time skipped forward so a walk-away ends by the real idle
    timer without the bench waiting 90 seconds."""

    def __init__(self) -> None:
        self.skipped = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.skipped

    def skip(self, seconds: float) -> None:
        self.skipped += seconds


@contextmanager
def kiosk_window(
    tmp: Path,
    idle_clock: Callable[[], float] = time.monotonic,
    config: KioskConfig | None = None,
) -> Iterator[tuple[KioskUi, Pump]]:
    app = create_application(sys.argv)
    kiosk = make_kiosk(tmp, config)
    ui = KioskUi(kiosk.core, kiosk.services, windowed=True, idle_clock=idle_clock)
    pump = Pump(app)
    try:
        pump.waitUntil(lambda: ui.shell.screen == "Home")
        yield ui, pump
    finally:
        ui.close()
        kiosk.close()
