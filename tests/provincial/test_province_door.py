"""The kiosk's one door to the province (`kiosk.province.Province`), against the embedded
stand-in on 127.0.0.1: every hand-in and report arrives without anyone else waking the uploader;
a province that cannot open gets the same "not ready yet" answer on every path; the outbox and a
kiosk linked to a real province load neither the HTTP client nor the stand-in they do not need."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.clock import LocalTime
from kiosk.config import load_config
from kiosk.province import LookupOutcome, Notice, NoticeKind, Province, ProvinceNotReady
from offline_queue.outbox.model import ItemState
from offline_queue.standin.faults import Fault, FaultKind

CODE = "000.00.06.H56-261123-0042"


def wait_for(condition, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


@pytest.fixture
def config():
    return load_config()


@pytest.fixture
def province(config, tmp_path: Path):
    door = Province(config, tmp_path / "data", LocalTime(config.centre.timezone).now)
    assert door.opened() is not None, "the demo configuration opens its own stand-in"
    yield door
    door.close()


def received(province: Province, kind: str) -> list[str]:
    return [item.item_id for item in province.opened().link.standin.store.items(kind)]


def test_each_hand_in_and_report_reaches_the_province_by_itself(province: Province) -> None:
    province.hand_in_dossier(CODE, {"procedure_code": "1.001193", "form": {}}, [])
    province.hand_in_rating("rating-door-1", {"level": "hai_long", "score": 5})
    province.record_ticket("ticket-door-1", {"service_id": "ho-tich", "number": 7})
    notice = province.send_notice(NoticeKind.PRINTER_PAPER_LOW, {"printer": "TM-T88V"})
    province.send_heartbeat({"at": "2026-11-23T10:00:00+07:00", "queue_depth": 0})
    wait_for(lambda: received(province, "dossier") == [CODE])
    wait_for(lambda: received(province, "rating") == ["rating-door-1"])
    wait_for(lambda: received(province, "ticket_record") == ["ticket-door-1"])
    wait_for(lambda: received(province, "notice") == [notice.notice_id])
    store = province.opened().link.standin.store
    wait_for(lambda: store.heartbeats(province.opened().link.client_settings.kiosk_id) == 1)
    body = json.loads(store.body("notice", notice.notice_id))
    assert body["kind"] == "printer_paper_low"
    assert body["details"] == {"printer": "TM-T88V"}
    assert datetime.fromisoformat(body["at"]).utcoffset() is not None
    lookup = province.look_up_dossier(CODE)
    assert lookup.outcome is LookupOutcome.FOUND
    assert lookup.local is not None and lookup.local.sent


def test_a_province_that_cannot_open_answers_not_ready_on_every_path(
    config, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object) -> None:
        raise OSError("disk unplugged")

    door = Province(config, tmp_path / "data", LocalTime(config.centre.timezone).now, broken)
    try:
        with pytest.raises(ProvinceNotReady) as refused:
            door.hand_in_rating("rating-door-2", {"score": 5})
        assert refused.value.problem == "OSError"
        with pytest.raises(ProvinceNotReady):
            door.hand_in_dossier(CODE, {}, [])
        lookup = door.look_up_dossier(CODE)
        assert (lookup.outcome, lookup.problem_key, lookup.local) == (
            LookupOutcome.OFFLINE,
            "no_link",
            None,
        )
        assert door.people_waiting("ho-tich") is None
        door.record_ticket("ticket-door-2", {"number": 1})
        door.send_notice(NoticeKind.ASSISTANCE_REQUESTED)
        assert not door.check_health().ok
        with pytest.raises(ProvinceNotReady):
            door.send_now()
    finally:
        door.close()  # waits for the queued reports
    assert "ticket record not reported" in caplog.text
    assert "notice assistance_requested not reported" in caplog.text


def test_a_notice_is_typed() -> None:
    at = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    with pytest.raises(ValidationError):
        Notice.new("printer_on_fire", at, "kiosk-01")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Notice.new(NoticeKind.PRINTER_PAPER_OUT, at, "kiosk-01", {"pages": 3})  # type: ignore[dict-item]
    with pytest.raises(ValidationError):
        Notice.new(NoticeKind.PRINTER_PAPER_OUT, datetime(2026, 11, 23), "kiosk-01")


def test_the_technician_sends_refused_items_again(province: Province) -> None:
    """The province refuses a rating once (a 4xx: quarantined, never retried by itself); after
    the technician's re-queue it arrives."""
    opened = province.opened()
    opened.link.standin.arm(Fault(FaultKind.POISON, item_id="rating-door-3", status=422))
    province.hand_in_rating("rating-door-3", {"score": 4})
    wait_for(lambda: opened.outbox.item("rating-door-3").state is ItemState.QUARANTINED)
    assert province.send_now() == 0  # nothing waiting: a refused item needs a re-queue
    assert province.requeue_refused() == 1
    wait_for(lambda: received(province, "rating") == ["rating-door-3"])
    assert province.requeue_refused() == 0


def run_python(code: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=cwd
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_outbox_does_not_load_the_http_client() -> None:
    loaded = run_python(
        "import sys, offline_queue.outbox.store\n"
        "heavy = ('offline_queue.client', 'requests')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))",
        Path.cwd(),
    )
    assert loaded == "[]"


def test_a_kiosk_linked_to_the_real_province_never_loads_the_stand_in(tmp_path: Path) -> None:
    loaded = run_python(
        "import sys\n"
        "from pathlib import Path\n"
        "from offline_queue.config import ProvincialSettings\n"
        "from offline_queue.kiosk_secret import create_kiosk_secret\n"
        "from offline_queue.link import open_provincial_link\n"
        f"data = Path({str(tmp_path)!r})\n"
        "settings = ProvincialSettings(embedded_standin=False)\n"
        "create_kiosk_secret(settings.secret_path(data))\n"
        "link = open_provincial_link(settings, 'kiosk-01', data)\n"
        "link.new_client().close()\n"
        "print(sorted(m for m in sys.modules if m.startswith('offline_queue.standin')))",
        Path.cwd(),
    )
    assert loaded == "[]"


def test_a_province_that_opens_later_waits_to_be_told_and_never_opens_once_closed(
    config, tmp_path: Path
) -> None:
    """The kiosk opens the province after the home screen's first frame; one closed before
    that (the kiosk quit while starting) opens nothing."""
    calls: list[str] = []

    def opener(*_: object) -> None:
        calls.append("opened")
        raise OSError("no province here")

    now = LocalTime(config.centre.timezone).now
    door = Province(config, tmp_path / "later", now, opener, opens_later=True)
    assert door.opened(timeout=0.2) is None and calls == []
    door.start_opening()
    assert door.opened(timeout=10) is None and calls == ["opened"]
    door.close()
    quitting = Province(config, tmp_path / "quit", now, opener, opens_later=True)
    quitting.close()
    assert calls == ["opened"] and quitting.problem is None
