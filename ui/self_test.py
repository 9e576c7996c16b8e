"""`kiosk --self-test`: proves an installed (or frozen) kiosk works end to end without devices.

It validates the configuration, paints the home screen offscreen and checks it is not blank,
takes a queue number through the real journey and view-model, prints it on the simulated
printer, checks the ticket image exists, and asks every (simulated) device and the outbox for
its health — which also proves the bundle carries their data files. Exit code 0 only if every
step passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from kiosk.config import ConfigError, load_config, with_simulated_printer


def _wait(app, condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def run_self_test(site: Path | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        config = load_config(site)
    except ConfigError as exc:
        print("FAIL configuration:", *exc.problems, sep="\n  ")
        return 2
    config = with_simulated_printer(config)
    config = config.model_copy(update={"ui": config.ui.model_copy(update={"fullscreen": False})})
    from kiosk.app import build_kiosk
    from kiosk.i18n import translate
    from kiosk.journeys.take_number import TakeNumberState
    from kiosk.technician.health import check_all
    from ui.app import KioskUi, create_application

    app = create_application(sys.argv)
    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-") as tmp:
        kiosk = build_kiosk(config, data=Path(tmp))
        try:
            ui = KioskUi(kiosk.core, kiosk.services, windowed=True)
            _wait(app, lambda: False, 0.3)
            image = ui.window.grabWindow()
            colours = {
                image.pixel(x, y)
                for x in range(0, image.width(), 37)
                for y in range(0, image.height(), 37)
            }
            if image.isNull() or len(colours) < 3:
                print("FAIL home screen did not paint")
                return 1
            print(f"ok   home screen painted ({image.width()}×{image.height()})")
            vm = ui.journeys["take_number"]
            ui.home.open("take_number")
            vm.chooseService(config.queue.services[0].id)
            vm.choosePriority("")
            if not _wait(app, lambda: vm.journey.state is TakeNumberState.ISSUED, 20):
                print(f"FAIL ticket not issued (state {vm.journey.state.name})")
                return 1
            outcome = vm.journey.outcome
            printed = list((Path(tmp) / "printed-tickets").glob("*.png"))
            if not outcome.printed or not printed:
                print(f"FAIL ticket not printed ({outcome.problem_key})")
                return 1
            print(
                f"ok   ticket {outcome.ticket.number.label} printed, "
                f"{outcome.bytes_sent} bytes of ESC/POS"
            )
            failed = False
            for health in check_all(kiosk.devices()):
                failed |= not health.report.ok
                state = "ok  " if health.report.ok else "FAIL"
                print(f"{state} {translate(health.name, 'en')}: {health.report.text}")
            if failed:
                return 1
            ui.close()
            _wait(app, lambda: False, 0.05)
        finally:
            kiosk.close()
    print("self-test passed")
    return 0
