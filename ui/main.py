"""The `kiosk` command: start the kiosk, or check its configuration, or run its self-test."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ui.pyside_imports import skip_source_scan

# frozen, PyInstaller's run-time hook has loaded Qt before this file: spare the imports below
skip_source_scan()

from kiosk.config import ConfigError, config_files, device_problems, load_config  # noqa: E402
from kiosk.logging_setup import configure_logging  # noqa: E402
from kiosk.paths import log_dir  # noqa: E402

if TYPE_CHECKING:
    from kiosk.fleet.service import FleetDuties

STARTED = time.perf_counter()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosk", description=__doc__)
    parser.add_argument("--windowed", action="store_true", help="a window instead of fullscreen")
    parser.add_argument("--site", type=Path, help="this kiosk's site configuration file")
    parser.add_argument(
        "--check-config", action="store_true", help="validate the configuration and exit"
    )
    parser.add_argument(
        "--set-technician-pin",
        action="store_true",
        help="set the PIN that opens technician mode (asked twice, at least 6 digits)",
    )
    parser.add_argument(
        "--out-of-service",
        action="store_true",
        help="only the 'out of service, please go to the counter' screen (after a crash loop)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="paint the home screen, issue a ticket to the simulator, exit 0 if all works",
    )
    return parser.parse_args(argv)


def check_config(site: Path | None) -> int:
    try:
        config = load_config(site)
    except ConfigError as exc:
        print("Configuration is not valid:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    problems = device_problems(config)
    if problems:
        print("Configuration cannot work on this machine:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print("Files read, later ones win:", file=sys.stderr)
        for path in config_files(site):
            print(f"  {path}", file=sys.stderr)
        return 2
    print("Configuration is valid. Files read, later ones win:")
    for path in config_files(site):
        print(f"  {path}")
    print(f"Kiosk {config.centre.kiosk_id} at {config.centre.name.vi}")
    return 0


def set_technician_pin() -> int:
    from kiosk.technician.pin import MIN_DIGITS, PinStore, pin_path

    first = getpass.getpass(f"New technician PIN ({MIN_DIGITS}+ digits): ")
    if getpass.getpass("Once more: ") != first:
        print("The two PINs differ; nothing changed.", file=sys.stderr)
        return 2
    try:
        PinStore(pin_path()).set_pin(first)
    except ValueError as exc:
        print(f"Not set: {exc}.", file=sys.stderr)
        return 2
    print(f"Technician PIN set ({pin_path()}).")
    return 0


def out_of_service(site: Path | None, windowed: bool) -> int:
    from ui.out_of_service import run_out_of_service

    try:
        name = load_config(site).centre.name.vi
    except ConfigError:
        name = ""  # the screen needs no configuration; a broken one may be why we are here
    return run_out_of_service(name, windowed)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.check_config:
        return check_config(args.site)
    if args.set_technician_pin:
        return set_technician_pin()
    if args.self_test:
        from ui.self_test import run_self_test

        return run_self_test(args.site)
    if args.out_of_service:
        return out_of_service(args.site, args.windowed)
    from kiosk.instance import already_running_message, hold_single_instance
    from kiosk.paths import data_dir

    # Before anything opens: a second kiosk on the same data folder would destroy data.
    instance = hold_single_instance(data_dir())
    if instance is None:
        from ui.come_forward import ask_running_kiosk_forward

        print(already_running_message(data_dir()), file=sys.stderr)
        ask_running_kiosk_forward(data_dir())
        return 3
    with instance:
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.site)
    except ConfigError as exc:
        print("The kiosk cannot start; fix the configuration first:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    configure_logging(
        log_dir(), config.logging.level, config.logging.max_bytes, config.logging.backups
    )
    from PySide6.QtCore import QTimer

    skip_source_scan()  # from source, Qt has just loaded: spare the imports below
    from kiosk.app import JourneyServices, start_core, start_journey_services
    from kiosk.paths import data_dir
    from platform_layer import on_termination
    from ui.app import KioskUi, create_application
    from ui.background import run_in_background
    from ui.come_forward import ComeForwardListener
    from ui.startup import report_first_frame
    from ui.watchdog import ServiceWatchdog

    app = create_application(sys.argv)
    core = start_core(config, province_opens_later=True)
    ui = KioskUi(core, windowed=args.windowed)
    ComeForwardListener(data_dir(), ui.window)
    if os.environ.get("KIOSK_STARTUP_PROBE"):
        report_first_frame(ui.window, STARTED)
    watchdog = ServiceWatchdog(app)
    # the service manager stops the kiosk with SIGTERM: close the outbox and devices properly
    on_termination(app.quit)

    def not_completed(exc: BaseException) -> None:
        logging.getLogger(__name__).critical("the kiosk could not finish starting", exc_info=exc)
        ui.shell.show_notice(ui.i18n.strings["common.unexpected"])

    started: list[bool] = []
    loaded: list[JourneyServices] = []
    fleets: list[FleetDuties] = []

    def attach(services: JourneyServices) -> None:
        loaded.append(services)
        ui.attach_journeys(services)

    def complete_after_first_frame() -> None:
        # Started once the home screen is on the glass: loading the journeys (OpenCV, the card
        # reader, the catalogue) on a worker earlier would compete with the first paint.
        if started:  # frames keep coming while the queued call waits
            return
        started.append(True)
        watchdog.ready()
        core.province.start_opening()
        run_in_background(lambda: start_journey_services(core), attach, not_completed)
        run_in_background(_import_fleet_duties, start_fleet, not_completed)

    def journey_services() -> JourneyServices | None:
        return loaded[0] if loaded else None

    def start_fleet(start_fleet_duties: Callable[..., FleetDuties]) -> None:
        fleets.append(start_fleet_duties(app, ui.shell, core, journey_services))

    def first_frame_swapped() -> None:
        # direct, on the render thread: the work is started later from the Qt thread's event
        # loop (a timer with a context runs in the context's thread), as a queued connection
        # would, without building Qt's namespace of enums (~35 ms CPU) before the first frame
        if not started:
            QTimer.singleShot(0, app, complete_after_first_frame)

    ui.window.frameSwapped.connect(first_frame_swapped)
    try:
        return app.exec()
    finally:
        watchdog.stopping()
        for fleet in fleets:
            fleet.stop()
        for services in loaded:
            services.close()
        core.close()


def _import_fleet_duties() -> Callable[..., FleetDuties]:
    """On a worker once the home screen is painted: the fleet's modules bring the calendar
    (holidays), the card reader's cryptography and the bundle checks, which the first frame
    does not need (they were imported on the Qt thread before it)."""
    from ui.fleet import start_fleet_duties

    return start_fleet_duties


if __name__ == "__main__":
    sys.exit(main())
