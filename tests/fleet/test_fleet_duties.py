"""The kiosk's fleet duties end to end against the stand-in province: a published bundle and a
new release are taken in, the switch waits while a citizen uses the kiosk and happens once it
is left alone, and the kiosk asks to be restarted; plus the quiet-moment rule itself."""

from __future__ import annotations

import threading
from datetime import datetime, time
from pathlib import Path

import pytest

from devtools.release_builder import build_config_bundle, public_key_text
from kiosk.fleet.config import FleetSettings
from kiosk.fleet.heartbeat import FleetResults, HeartbeatSources, HeartbeatTimer
from kiosk.fleet.install_root import InstallRoot
from kiosk.fleet.quiet import QuietMoment
from kiosk.fleet.service import FleetDuties
from kiosk.fleet.updater import TrialWatch, Updater
from offline_queue.client import ProvincialClient
from tests.fleet.test_bundles import SETTINGS
from tests.kiosk_factory import kiosk_config, make_kiosk

OFFICE = [(time(7, 30), time(11, 30)), (time(13, 0), time(17, 0))]


def test_quiet_only_without_a_citizen_and_outside_hours_or_after_idle() -> None:
    quiet_for: list[float | None] = [None]
    now = [datetime(2026, 12, 3, 9, 0)]  # a Thursday, office open
    moment = QuietMoment(OFFICE, frozenset({5, 6}), 600, lambda: quiet_for[0], lambda: now[0])
    assert not moment.is_quiet()  # a citizen is on the kiosk
    quiet_for[0] = 120.0
    assert not moment.is_quiet()  # office open, only two minutes without a touch
    quiet_for[0] = 601.0
    assert moment.is_quiet()
    quiet_for[0] = 5.0
    now[0] = datetime(2026, 12, 3, 12, 0)  # lunch break
    assert moment.is_quiet()
    now[0] = datetime(2026, 12, 5, 9, 0)  # Saturday
    assert moment.is_quiet()
    quiet_for[0] = None
    assert not moment.is_quiet()  # never during a session, whatever the hour


@pytest.fixture
def kiosk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "home"))
    made = make_kiosk(tmp_path, kiosk_config(tmp_path))
    yield made
    made.close()


def test_a_bundle_and_a_release_are_taken_in_at_a_quiet_moment(
    tmp_path, kiosk, releases, province, public_key
) -> None:
    steps: list = []
    root = InstallRoot(tmp_path / "kiosk-app")
    releases.publish_tree(releases.tree("1.0.0"), "1.0.0")
    first = Updater(
        root, ProvincialClient(province.client_settings()), public_key, "stable", steps.append
    )
    assert first.prepare() is not None
    first.switch("1.0.0")
    TrialWatch(root, steps.append, lambda: True, 0).check()
    releases.publish_tree(releases.tree("1.0.1", module="v2"), "1.0.1")
    bundle_folder = tmp_path / "bundle"
    bundle_folder.mkdir()
    (bundle_folder / "settings.toml").write_text(SETTINGS, encoding="utf-8")
    build_config_bundle(bundle_folder, "1.0", releases.key, releases.publish, ["kiosk-01"])

    key = public_key_text(releases.key)
    settings = FleetSettings(
        install_root=str(root.root), release_public_key=key, config_public_key=key
    )
    results = FleetResults()
    sent: list = []
    core = kiosk.core
    sources = HeartbeatSources(
        "kiosk-01",
        "1.0.0",
        core.data_dir,
        kiosk.devices,
        core.printer,
        core.province.outbox_counts,
        core.local_time.now,
        results,
    )
    quiet_for: list[float | None] = [None]  # a citizen is using the kiosk (office hours: 9:00)
    restarted = threading.Event()
    duties = FleetDuties(
        settings,
        "kiosk-01",
        results,
        HeartbeatTimer(sources, sent.append, 3600),
        QuietMoment(
            OFFICE, frozenset(), 600, lambda: quiet_for[0], lambda: datetime(2026, 12, 3, 9)
        ),
        lambda: ProvincialClient(province.client_settings()),
        lambda: kiosk.services.catalogue,
        healthy=lambda: True,
        restart=restarted.set,
        quiet_poll_s=0.05,
    )
    outcome: list[bool] = []
    worker = threading.Thread(target=lambda: outcome.append(duties.check_once()))
    worker.start()
    worker.join(timeout=2)

    assert worker.is_alive()  # installed and self-tested, waiting for the citizen to leave
    assert root.release_dir("1.0.1").is_dir() and root.current_version() == "1.0.0"
    assert results.config_bundle["step"] == "applied"
    assert results.last_update["step"] == "self_test" and results.last_update["ok"]
    quiet_for[0] = 900.0  # fifteen minutes without a touch
    worker.join(timeout=10)
    assert outcome == [True] and root.current_version() == "1.0.1"
    assert results.last_update["step"] == "switched"
    duties.stop()
