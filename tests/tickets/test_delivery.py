"""A ticket issued at the kiosk reaches the embedded stand-in province as a ticket record, and
the people-waiting count the province reports is printed on the next ticket."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from kiosk.config import load_config
from tests.kiosk_factory import make_kiosk


@pytest.fixture
def context(tmp_path: Path):
    config = load_config()
    config = config.model_copy(
        update={
            "printer": config.printer.model_copy(
                update={"driver": "simulator", "simulator_output": str(tmp_path / "out")}
            )
        }
    )
    ctx = make_kiosk(tmp_path, config)
    assert ctx.core.province.opened() is not None, "the demo configuration opens its own stand-in"
    yield ctx
    ctx.close()


def wait_for(condition, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_an_issued_ticket_is_recorded_at_the_province(context) -> None:
    outcome = context.core.tickets.issue("ho-tich", "elderly", "vi")
    store = context.core.province.opened().link.standin.store
    wait_for(lambda: store.items("ticket_record"))
    [stored] = store.items("ticket_record")
    body = json.loads(store.body("ticket_record", stored.item_id))
    assert body["number"] == outcome.ticket.number.sequence
    assert (body["service_id"], body["event"], body["priority"]) == ("ho-tich", "issued", "elderly")


def test_people_waiting_from_the_province_is_printed_on_the_ticket(context) -> None:
    context.core.province.opened().link.standin.store.set_waiting("dat-dai", 6)
    cache = context.core.province.opened().queue_status
    cache.heard_at = 0.0
    cache.waiting = context.core.province.opened().link.new_client().queue_status()
    cache.heard_at = time.monotonic()
    outcome = context.core.tickets.issue("dat-dai", None, "vi")
    assert outcome.ticket.people_waiting == 6


def test_the_outbox_shows_on_the_technician_screen(context) -> None:
    health = context.devices()["technician.device.outbox"].check_health()
    assert "waiting to send" in health.text


def test_an_item_the_province_refused_shows_on_the_technician_screen(context) -> None:
    outbox = context.core.province.opened().outbox
    outbox.enqueue_rating("rating-refused-1", {"level": 5, "at": "2026-11-23T10:00:00+07:00"})
    outbox.quarantine("rating-refused-1", "http 422 invalid")
    health = context.devices()["technician.device.outbox"].check_health()
    assert not health.ok
    assert "need attention (quarantined)" in health.text
