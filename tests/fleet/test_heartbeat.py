"""Heartbeats through the kiosk's own door and outbox to the stand-in province, which keeps the
newest per kiosk and serves them to the province's dashboard."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests

from kiosk.fleet.heartbeat import FleetResults, HeartbeatSources, HeartbeatTimer, collect
from kiosk.fleet.updater import UpdateStep
from offline_queue.standin.embedded import start_standin
from tests.kiosk_factory import kiosk_config, make_kiosk


def wait_for(condition, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("condition not met in time")


@pytest.fixture
def paper_low_kiosk(tmp_path: Path):
    config = kiosk_config(tmp_path)
    config = config.model_copy(
        update={"printer": config.printer.model_copy(update={"simulator_fault": "paper_low"})}
    )
    kiosk = make_kiosk(tmp_path, config)
    yield kiosk
    kiosk.close()


def sources_of(kiosk, results: FleetResults) -> HeartbeatSources:
    core = kiosk.core
    return HeartbeatSources(
        kiosk_id=core.config.centre.kiosk_id,
        app_version="1.2.3",
        data_dir=core.data_dir,
        devices=kiosk.devices,
        printer=core.printer,
        outbox_counts=core.province.outbox_counts,
        now=core.local_time.now,
        results=results,
    )


def test_heartbeats_reach_the_province_with_device_health(paper_low_kiosk) -> None:
    kiosk = paper_low_kiosk
    results = FleetResults()
    opened = kiosk.core.province.wait_ready()
    store = opened.link.standin.store
    timer = HeartbeatTimer(sources_of(kiosk, results), kiosk.core.province.send_heartbeat, 3600)
    timer.start()
    try:
        first = wait_for(lambda: store.latest_heartbeats("kiosk-01"))[0]
        beat = first["heartbeat"]
        assert beat["app_version"] == "1.2.3" and beat["kiosk_id"] == "kiosk-01"
        assert beat["device_health"]["printer"]["paper"] == "near_end"
        assert set(beat["device_health"]) >= {"printer", "card_reader", "camera", "outbox"}
        assert beat["outbox"]["depth"] >= 0 and beat["free_disk_bytes"] > 0
        assert beat["uptime_seconds"] >= 0 and beat["last_update"] is None

        # an update step is reported at once, not at the next tick an hour later
        results.update_step(UpdateStep("switched", "1.2.4", True, "from 1.2.3"))
        latest = wait_for(
            lambda: [
                h for h in store.latest_heartbeats("kiosk-01") if h["heartbeat"]["last_update"]
            ]
        )[0]
        assert latest["heartbeat"]["last_update"]["step"] == "switched"
        assert latest["heartbeats"] >= 2
    finally:
        timer.stop()


def test_a_printer_out_of_paper_and_a_waiting_outbox_show(tmp_path: Path) -> None:
    config = kiosk_config(tmp_path)
    config = config.model_copy(
        update={
            "printer": config.printer.model_copy(update={"simulator_fault": "paper_out"}),
            "provincial": config.provincial.model_copy(
                update={"embedded_standin": False, "base_url": "http://127.0.0.1:9"}
            ),
        }
    )
    data = tmp_path / "data"
    (data / "keys").mkdir(parents=True)
    secret = data / "keys" / "provincial.secret"
    secret.write_text("ab" * 32)
    secret.chmod(0o600)
    kiosk = make_kiosk(tmp_path, config)
    try:
        province = kiosk.core.province
        province.wait_ready()
        province.record_ticket("ticket-1", {"service_id": "ho-tich", "number": 1})
        beat = wait_for(
            lambda: (b := collect(sources_of(kiosk, FleetResults())))["outbox"]["depth"] and b
        )
        assert beat["device_health"]["printer"] == {
            "ok": False,
            "text": beat["device_health"]["printer"]["text"],
            "paper": "out",
        }
        assert beat["devices"]["printer"] == "fault"
        assert beat["outbox"]["depth"] == 1 and beat["outbox"]["oldest_age_seconds"] >= 0
    finally:
        kiosk.close()


def test_the_dashboard_reads_the_latest_heartbeat_per_kiosk(tmp_path: Path) -> None:
    standin = start_standin(tmp_path / "standin.sqlite", operator_token="dashboard-token")
    try:
        from offline_queue.client import ProvincialClient

        client = ProvincialClient(standin.client_settings())
        client.heartbeat(b'{"app_version": "1.0.0", "device_health": {}}')
        client.heartbeat(b'{"app_version": "1.0.1", "device_health": {}}')
        client.close()
        url = f"{standin.url}/v1/fleet/heartbeats"
        assert requests.get(url, timeout=5).status_code == 401
        wrong = {"Authorization": "Bearer guess"}
        assert requests.get(url, headers=wrong, timeout=5).status_code == 401
        token = {"Authorization": "Bearer dashboard-token"}
        kiosks = requests.get(url, headers=token, timeout=5).json()["kiosks"]
        assert [(k["kiosk_id"], k["heartbeats"]) for k in kiosks] == [("kiosk-01", 2)]
        assert kiosks[0]["heartbeat"]["app_version"] == "1.0.1"
        one = requests.get(f"{url}/kiosk-01", headers=token, timeout=5)
        assert one.json()["heartbeat"]["app_version"] == "1.0.1"
        assert requests.get(f"{url}/kiosk-99", headers=token, timeout=5).status_code == 404
    finally:
        standin.stop()
