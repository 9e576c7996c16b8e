"""The ESC/POS driver against a printer on 127.0.0.1 that behaves like the ESC/POS reference says
and misbehaves like printers and switches in the field: restarts, idle disconnects, a connection
cut mid-job, half-open connections, silence, no power. Each ticket ends printed (every byte
arrived and the printer said so) or not printed with the cause named."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from hardware.device import DeviceError, DeviceState
from hardware.printer.escpos_driver import EscposTicketPrinter
from hardware.printer.interface import PaperState
from hardware.printer.job import PrintJob, QrCode, TextLine

from .conftest import FONT, FONT_DIR, network_settings
from .escpos_peer import EscposPeer
from .paper import decode, read_qr_codes

JOB = PrintJob((TextLine("Số thứ tự của bạn"), TextLine("A042"), QrCode("VE1|test|A042")))


def driver(peer: EscposPeer, **extra: object) -> EscposTicketPrinter:
    return EscposTicketPrinter(network_settings(peer.port, **extra), FONT_DIR)


def wait_until(condition, seconds: float = 5.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


@pytest.mark.parametrize(
    ("condition", "online", "paper", "cover"),
    [
        ("online", True, PaperState.OK, False),
        ("near_end", True, PaperState.LOW, False),
        ("paper_out", False, PaperState.OUT, False),
        ("cover_open", False, PaperState.OK, True),
        ("offline", False, PaperState.OK, False),
    ],
)
def test_status_is_read_like_the_reference_describes_it(peer, condition, online, paper, cover):
    peer.condition = condition
    printer = driver(peer)
    status = printer.status()
    assert (status.online, status.paper, status.cover_open) == (online, paper, cover)
    printer.close()


def test_a_ticket_arrives_whole_is_confirmed_and_reads_back(peer) -> None:
    printer = driver(peer)
    expected = printer.encoder.encode(JOB)
    result = printer.print_job(JOB)
    assert result.confirmed is True and result.bytes_sent == len(expected)
    assert peer.jobs == [expected]
    paper = decode(peer.jobs[0], printer.capabilities.width_dots, FONT)
    assert [c.text for c in read_qr_codes(paper)] == ["VE1|test|A042"]
    assert "A042" in [t.text for t in paper.texts] and paper.cuts == 1
    assert printer.state is DeviceState.IDLE
    wait_until(lambda: peer.open_connections() == 0)  # nothing left open for a switch to drop
    printer.close()


def test_a_printer_restarting_between_tickets_loses_none_of_them(peer) -> None:
    printer = driver(peer)
    printer.open()  # the health watch runs between tickets, as in the kiosk
    for _ in range(6):
        assert printer.print_job(JOB).confirmed
        peer.restart()
        # a watch check that fell in the restart refuses taps until its next one (0.5 s)
        wait_until(lambda: printer.diagnosis() is None)
    assert len(peer.jobs) == 6 and len(set(peer.jobs)) == 1
    printer.close()


def test_a_printer_that_drops_idle_connections_loses_no_ticket(peer) -> None:
    peer.idle_close_seconds = 0.1
    printer = driver(peer)
    printer.open()
    for _ in range(6):
        assert printer.print_job(JOB).confirmed
        time.sleep(0.25)
    assert len(peer.jobs) == 6
    printer.close()


def test_a_connection_that_closes_as_the_job_starts_is_retried_on_a_fresh_one(peer) -> None:
    peer.drop_next_connections = 1  # accepted, then cut before a byte of the job
    printer = driver(peer)
    assert printer.print_job(JOB).confirmed
    assert peer.jobs == [printer.encoder.encode(JOB)]
    printer.close()


def test_a_connection_cut_mid_job_is_not_printed_and_not_sent_again(peer) -> None:
    printer = driver(peer)
    peer.close_after_bytes = 2003
    with pytest.raises(DeviceError) as raised:
        printer.print_job(JOB)
    assert raised.value.message_key == "printer.not_printed"
    assert not raised.value.retryable
    assert [len(job) for job in peer.jobs] == [2003]  # never a second, duplicate half
    peer.close_after_bytes = None
    assert printer.print_job(JOB).confirmed  # the next ticket prints
    printer.close()


def test_a_printer_that_stops_reading_mid_job_is_not_printed(peer) -> None:
    printer = driver(peer)
    peer.abandon_after_bytes = 2003  # half-open: no reset, no more reading, no answer
    with pytest.raises(DeviceError) as raised:
        printer.print_job(JOB)
    assert raised.value.message_key == "printer.not_printed"
    assert [len(job) for job in peer.jobs] == [2003]
    printer.close()


def test_half_open_connections_left_behind_do_not_swallow_the_next_ticket(peer) -> None:
    printer = driver(peer)
    printer.open()
    wait_until(lambda: peer.status_queries > 0)
    peer.half_open()  # whatever the kiosk held open is dead without a word
    assert printer.print_job(JOB).confirmed
    assert peer.jobs[-1] == printer.encoder.encode(JOB)
    printer.close()


def test_a_printer_that_never_answers_status_prints_unconfirmed(peer) -> None:
    peer.silent = True
    printer = driver(peer)
    result = printer.print_job(JOB)
    assert result.confirmed is None  # accepted, but nobody can vouch for paper
    assert peer.jobs == [printer.encoder.encode(JOB)]
    health = printer.check_health()
    assert not health.ok and health.text_key == "printer.cause.no_status_reply"
    printer.close()


def test_a_printer_that_falls_silent_after_the_job_is_not_counted_printed(peer) -> None:
    printer = driver(peer)
    printer.status()
    peer.abandon_after_bytes = len(printer.encoder.encode(JOB))  # all arrives, no reply after
    with pytest.raises(DeviceError) as raised:
        printer.print_job(JOB)
    assert raised.value.message_key == "printer.not_printed"
    printer.close()


@pytest.mark.parametrize(
    ("condition", "key"),
    [
        ("paper_out", "printer.paper_out"),
        ("cover_open", "printer.cover_open"),
        ("offline", "printer.offline"),
    ],
)
def test_a_known_problem_stops_printing_and_sends_nothing(peer, condition, key) -> None:
    peer.condition = condition
    printer = driver(peer)
    with pytest.raises(DeviceError) as raised:
        printer.print_job(JOB)
    assert raised.value.message_key == key and raised.value.retryable
    assert peer.jobs == []
    health = printer.check_health()
    assert not health.ok and health.text_key == f"printer.health.{key.split('.')[1]}"
    printer.close()


def test_near_end_prints_and_tells_the_technician(peer) -> None:
    peer.condition = "near_end"
    printer = driver(peer)
    assert printer.print_job(JOB).confirmed
    health = printer.check_health()
    assert health.ok and health.text_key == "printer.health.paper_low"
    printer.close()


def test_a_refused_connection_is_named(peer) -> None:
    with socket.socket() as probe:  # a port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    printer = EscposTicketPrinter(network_settings(port), FONT_DIR)
    assert printer.status().online is False
    with pytest.raises(DeviceError) as raised:
        printer.print_job(JOB)
    assert raised.value.message_key == "printer.unreachable"
    health = printer.check_health()
    assert health.text_key == "printer.cause.connection_refused"
    assert health.values["where"] == f"127.0.0.1:{port}"


def test_a_switched_off_printer_is_known_before_the_tap_and_comes_back(peer) -> None:
    printer = driver(peer, timeout_seconds=0.5)
    printer.open()
    wait_until(lambda: printer.diagnosis() is None and peer.status_queries > 0)
    peer.switch_off()
    wait_until(lambda: printer.diagnosis() is not None)
    assert printer.diagnosis().key == "printer.cause.timed_out"
    with pytest.raises(DeviceError) as raised:
        printer.print_job(JOB)
    assert raised.value.message_key == "printer.unreachable"
    peer.switch_on()
    wait_until(lambda: printer.diagnosis() is None)
    assert printer.print_job(JOB).confirmed
    printer.close()


def test_a_tap_on_a_printer_known_to_be_off_neither_connects_nor_queues(peer) -> None:
    """The citizen's wait does not depend on the network or on the watch: with the watch's
    check stuck (its lock held here), a tap on a printer found off is refused at once."""
    peer.switch_off()
    printer = driver(peer, timeout_seconds=0.5, health_interval_seconds=60)
    printer.open()
    wait_until(lambda: printer.diagnosis() is not None)
    outcome: list[BaseException] = []

    def tap() -> None:
        try:
            printer.print_job(JOB)
        except DeviceError as exc:
            outcome.append(exc)

    with printer._lock:  # the watch mid-check, as long as it likes
        tapper = threading.Thread(target=tap)
        tapper.start()
        tapper.join(10)
        assert not tapper.is_alive(), "the tap queued behind the health check"
    assert [e.message_key for e in outcome] == ["printer.unreachable"]
    peer.switch_on()
    wait_until(lambda: printer.diagnosis() is None)  # tried again long before the 60 s
    assert printer.print_job(JOB).confirmed
    printer.close()


def test_status_changes_are_events_once_per_change(peer) -> None:
    printer = driver(peer)
    seen = []
    printer.events.subscribe(lambda event: seen.append(event))
    printer.status()
    printer.status()
    peer.condition = "near_end"
    printer.status()
    printer.status()
    statuses = [e.payload for e in seen if e.kind == "status_changed"]
    assert [s.paper for s in statuses] == [PaperState.OK, PaperState.LOW]
    printer.close()
