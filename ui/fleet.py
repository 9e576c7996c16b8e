"""Starts the kiosk's fleet duties (heartbeat, bundles, updates, trial) for the running UI: the
shell says when the kiosk is left alone, and a restart is the event loop quitting so the
service manager starts the kiosk again (Restart=always), now from the switched release."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication

from kiosk.app import CoreServices, JourneyServices, Kiosk
from kiosk.fleet.heartbeat import FleetResults, HeartbeatSources, HeartbeatTimer
from kiosk.fleet.quiet import QuietMoment
from kiosk.fleet.service import FleetDuties
from kiosk.fleet.version import running_version
from kiosk.technician.health import HasHealth
from ui.background import call_on_qt_thread
from ui.shell import Shell

log = logging.getLogger(__name__)

# The exit status of a restart the kiosk asked for itself (after an update or a bundle).
RESTART_EXIT_CODE = 75


def start_fleet_duties(
    app: QGuiApplication,
    shell: Shell,
    core: CoreServices,
    loaded: Callable[[], JourneyServices | None],
) -> FleetDuties:
    config = core.config

    def devices() -> dict[str, HasHealth]:
        services = loaded()
        if services is not None:
            return Kiosk(core, services).devices()
        return {
            "technician.device.printer": core.printer,
            "technician.device.outbox": core.province,
        }

    def restart() -> None:
        log.warning("restarting the kiosk for an update or a new configuration")
        call_on_qt_thread(app.exit, RESTART_EXIT_CODE)

    def catalogue():
        services = loaded()
        return services.catalogue if services is not None else None

    results = FleetResults()
    sources = HeartbeatSources(
        kiosk_id=config.centre.kiosk_id,
        app_version=running_version(),
        data_dir=core.data_dir,
        devices=devices,
        printer=core.printer,
        outbox_counts=core.province.outbox_counts,
        now=core.local_time.now,
        results=results,
    )
    fleet = config.fleet
    quiet = QuietMoment(
        config.calendar.working_hours,
        config.calendar.weekly_days_off_numbers,
        fleet.idle_minutes_before_switch * 60,
        shell.quiet_for,
        core.local_time.now,
    )
    return FleetDuties(
        fleet,
        config.centre.kiosk_id,
        results,
        HeartbeatTimer(
            sources, core.province.send_heartbeat, fleet.heartbeat_minutes * 60, first_after_s=30
        ),
        quiet,
        core.province.fleet_client,
        catalogue,
        healthy=lambda: loaded() is not None,
        restart=restart,
    ).start()
