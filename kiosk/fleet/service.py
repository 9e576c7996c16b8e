"""The kiosk's fleet duties on their own threads: the heartbeat, and — when the kiosk runs from
an install root with pinned keys — configuration bundles, updates, and the trial of a freshly
switched version. Switching and restarting wait for a quiet moment; the restart itself is the
caller's (the UI quits its event loop and the service manager starts the kiosk again).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.fleet.bundles import ConfigBundles
from kiosk.fleet.config import FleetSettings
from kiosk.fleet.heartbeat import FleetResults, HeartbeatTimer
from kiosk.fleet.install_root import ROLLED_BACK, TRIAL, InstallRoot
from kiosk.fleet.manifest import load_public_key
from kiosk.fleet.quiet import QuietMoment
from kiosk.fleet.updater import TrialWatch, Updater

log = logging.getLogger(__name__)

QUIET_POLL_S = 30.0
TRIAL_POLL_S = 15.0


@dataclass
class FleetDuties:
    settings: FleetSettings
    kiosk_id: str
    results: FleetResults
    heartbeat: HeartbeatTimer
    quiet: QuietMoment
    fleet_client: Callable[[], object]  # the door's fleet_client: releases and bundles
    catalogue: Callable[[], object | None]  # the catalogue store once journeys are loaded
    healthy: Callable[[], bool]
    restart: Callable[[], None]
    quiet_poll_s: float = QUIET_POLL_S

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> FleetDuties:
        root = self.settings.install_path
        if root is not None and self.results.last_update is None:
            # after a restart into a switched (or rolled back) release, the heartbeat still
            # says how the last update ended
            state = InstallRoot(root).read_state()
            self.results.last_update = {
                "step": state.phase,
                "version": state.version,
                "ok": state.phase != ROLLED_BACK,
                "detail": state.reason or (f"from {state.previous}" if state.previous else ""),
            }
        self.heartbeat.start()
        if self.settings.updates_enabled and root is not None:
            self._spawn("fleet-trial", lambda: self._watch_trial(InstallRoot(root)))
        if self.settings.updates_enabled or self.settings.config_public_key:
            self._spawn("fleet-updates", self._check_loop)
        return self

    def _spawn(self, name: str, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _watch_trial(self, root: InstallRoot) -> None:
        watch = TrialWatch(
            root, self.results.update_step, self.healthy, self.settings.trial_minutes * 60
        )
        while not self._stop.wait(TRIAL_POLL_S):
            phase = watch.check()
            if phase == ROLLED_BACK:
                self.restart()
                return
            if phase != TRIAL:
                return

    def _check_loop(self) -> None:
        while not self._stop.wait(5.0):  # let the kiosk settle before the first check
            restart_needed = False
            try:
                restart_needed = self.check_once()
            except Exception:
                log.exception("fleet check failed; trying again later")
            if restart_needed and self._wait_quiet():
                self.restart()
                return
            if self._stop.wait(self.settings.check_minutes * 60):
                return

    def check_once(self) -> bool:
        """Bundles, then releases; True when the kiosk should restart (after the switch)."""
        client = self.fleet_client()
        try:
            restart = False
            if self.settings.config_public_key:
                restart |= self._bundle(client)
            root = self.settings.install_path
            if self.settings.updates_enabled and root is not None:
                updater = Updater(
                    InstallRoot(root),
                    client,  # type: ignore[arg-type]
                    load_public_key(self.settings.release_public_key),
                    self.settings.channel,
                    self.results.update_step,
                    self.settings.self_test_timeout_seconds,
                )
                staged = updater.prepare()
                if staged is not None:
                    if not self._wait_quiet():
                        return False
                    updater.switch(staged.manifest.version)
                    restart = True
            return restart
        finally:
            with contextlib.suppress(Exception):
                client.close()  # type: ignore[attr-defined]

    def _bundle(self, client: object) -> bool:
        catalogue = self.catalogue()
        if catalogue is None:  # the journeys are still loading: the next round applies it
            return False
        document = client.latest_config_bundle()  # type: ignore[attr-defined]
        if document is None:
            return False
        bundles = ConfigBundles(
            load_public_key(self.settings.config_public_key), self.kiosk_id, catalogue
        )  # type: ignore[arg-type]
        result = bundles.apply(document)
        if result.step != "up_to_date":
            self.results.bundle_result(result.report())
        return result.ok and result.restart_needed

    def _wait_quiet(self) -> bool:
        while not self.quiet.is_quiet():
            if self._stop.wait(self.quiet_poll_s):
                return False
        return True

    def stop(self) -> None:
        self._stop.set()
        self.heartbeat.stop()
