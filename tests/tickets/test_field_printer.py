"""Issuing tickets to a network printer that misbehaves like printers and switches in the field:
python-escpos' own `Network` transport (inside our driver, its health watch running) against the
ESC/POS peer on 127.0.0.1, with the real ticket book on disk. Each ticket ends printed, printed
but unconfirmed, or not printed; the book records which, no number is reused, and what the
screen says keeps the number whenever the ticket may not have come out."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hardware.printer.escpos_driver import EscposTicketPrinter
from kiosk.clock import LocalTime
from kiosk.config import load_config
from kiosk.printing import print_message
from kiosk.tickets.numbering import TicketBook
from kiosk.tickets.service import TicketOutcome, TicketService
from tests.printer.conftest import FONT_DIR, network_settings
from tests.printer.escpos_peer import EscposPeer
from ui.viewmodels.take_number import TICKET_WORDS


@pytest.fixture
def field(tmp_path: Path):
    peer = EscposPeer()
    config = load_config()
    printer = EscposTicketPrinter(network_settings(peer.port), FONT_DIR)
    printer.open()
    book = TicketBook(tmp_path / "tickets.sqlite", config.queue, LocalTime())
    service = TicketService(book, printer, config.centre, config.queue)
    yield peer, service
    printer.close()
    peer.close()


def issue(service: TicketService) -> TicketOutcome:
    return service.issue("ho-tich", None, "vi")


def states(service: TicketService, outcome: TicketOutcome) -> list[tuple[str, str]]:
    day = outcome.ticket.number.issued_at.date().isoformat()
    return [(r["label"], r["print_state"]) for r in service.book.tickets_on(day)]


def said(outcome: TicketOutcome) -> str:
    return print_message(outcome.printing, TICKET_WORDS, "vi", number=outcome.ticket.number.label)


def test_a_printer_restarting_between_tickets_prints_them_all(field) -> None:
    peer, service = field
    first = issue(service)
    peer.restart()
    # a watch check that fell in the restart refuses taps until its next one (0.5 s)
    deadline = time.monotonic() + 5
    while service.printer.diagnosis() is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    second = issue(service)
    assert first.confirmed and second.confirmed
    assert len(peer.jobs) == 2
    assert states(service, second) == [("A001", "printed"), ("A002", "printed")]


def test_a_printer_dropping_idle_connections_prints_them_all(field) -> None:
    peer, service = field
    peer.idle_close_seconds = 0.3
    outcomes = []
    for _ in range(2):
        outcomes.append(issue(service))
        time.sleep(0.4)  # idle longer than the printer keeps a connection
    assert [(o.confirmed, o.problem_key) for o in outcomes] == [(True, None)] * 2
    assert len(peer.jobs) == 2


def test_a_connection_cut_mid_ticket_keeps_the_number_on_screen(field) -> None:
    peer, service = field
    peer.close_after_bytes = 2003
    cut = issue(service)
    assert not cut.printed and cut.problem_key == "printer.not_printed"
    assert "A001" in said(cut) and "giữa chừng" in said(cut)
    peer.close_after_bytes = None
    after = issue(service)
    assert after.confirmed
    assert [len(j) for j in peer.jobs] == [2003, after.bytes_sent]  # never resent
    assert states(service, after) == [("A001", "not_printed"), ("A002", "printed")]


def test_a_printer_that_never_answers_status_prints_unconfirmed(field) -> None:
    peer, service = field
    peer.silent = True
    outcome = issue(service)
    assert outcome.printed and outcome.confirmed is None
    assert len(peer.jobs) == 1 and len(peer.jobs[0]) == outcome.bytes_sent
    peer.silent = False
    confirmed = issue(service)
    assert confirmed.confirmed and "A001" in said(outcome) and said(outcome) != said(confirmed)
    assert states(service, outcome) == [("A001", "printed_unconfirmed"), ("A002", "printed")]
