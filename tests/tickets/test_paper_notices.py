"""Staff hear about paper: a network printer (the ESC/POS peer) reporting near-end, then out,
then refilled and near-end again raises one notice per change through the outbox to the
province's stand-in, however many tickets and health checks happen in between, and the
technician screen shows the latest."""

from __future__ import annotations

import json
import time
from pathlib import Path

from hardware.printer.escpos_driver import EscposTicketPrinter
from tests.kiosk_factory import make_kiosk
from tests.printer.conftest import FONT_DIR, network_settings
from tests.printer.escpos_peer import EscposPeer


def wait_for(condition, seconds: float = 15.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_paper_near_end_and_out_reach_the_centre_once_per_change(tmp_path: Path) -> None:
    peer = EscposPeer()
    printer = EscposTicketPrinter(network_settings(peer.port), FONT_DIR)
    kiosk = make_kiosk(tmp_path, printer=printer)
    try:
        store = kiosk.core.province.opened().link.standin.store

        def kinds() -> list[str]:
            return [
                json.loads(store.body("notice", item.item_id))["kind"]
                for item in store.items("notice")
            ]

        def after_a_few_checks(condition: str) -> None:
            peer.condition = condition
            seen = peer.status_queries
            wait_for(lambda: peer.status_queries >= seen + 9)  # three health checks at least

        wait_for(lambda: peer.status_queries > 0)
        after_a_few_checks("near_end")
        for _ in range(3):
            assert kiosk.core.tickets.issue("ho-tich", None, "vi").printed
        assert kiosk.core.paper.current.paper.value == "low"
        after_a_few_checks("paper_out")
        assert not kiosk.core.tickets.issue("ho-tich", None, "vi").printed
        after_a_few_checks("online")
        assert kiosk.core.paper.current is None
        after_a_few_checks("near_end")
        wait_for(lambda: len(kinds()) >= 3)
        time.sleep(0.5)
        assert kinds() == ["printer_paper_low", "printer_paper_out", "printer_paper_low"]
        notice = json.loads(store.body("notice", store.items("notice")[0].item_id))
        assert notice["kiosk_id"] == kiosk.core.config.centre.kiosk_id
        assert notice["details"] == {"device": "ticket_printer", "paper": "low"}
    finally:
        kiosk.close()
        peer.close()
