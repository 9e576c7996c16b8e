"""The ESC/POS driver against a printer listening on 127.0.0.1, through python-escpos' Network."""

from __future__ import annotations

import socket

import pytest
import zxingcpp

from hardware.device import DeviceError, DeviceState
from hardware.printer.emulator import PrinterEmulator
from hardware.printer.escpos_driver import EscposTicketPrinter
from hardware.printer.interface import PaperState
from hardware.printer.job import PrintJob, QrCode, TextLine
from hardware.printer.render import render

from .conftest import FONT_DIR, network_settings

JOB = PrintJob((TextLine("Số thứ tự của bạn"), TextLine("A042"), QrCode("VE1|test|A042")))


def open_driver(emulator: PrinterEmulator, **extra: object) -> EscposTicketPrinter:
    return EscposTicketPrinter(network_settings(emulator.port, **extra), FONT_DIR)


@pytest.mark.parametrize(
    ("condition", "online", "paper", "cover"),
    [
        ("online", True, PaperState.OK, False),
        ("near_end", True, PaperState.LOW, False),
        ("paper_out", True, PaperState.OUT, False),
        ("cover_open", True, PaperState.OK, True),
        ("offline", False, PaperState.OK, False),
    ],
)
def test_status_is_read_like_a_printer_reports_it(
    emulator, condition, online, paper, cover
) -> None:
    emulator.condition = condition
    printer = open_driver(emulator)
    status = printer.status()
    assert (status.online, status.paper, status.cover_open) == (online, paper, cover)
    printer.close()


def test_a_silent_printer_is_unknown_never_ok(emulator) -> None:
    emulator.condition = "silent"
    printer = open_driver(emulator)
    status = printer.status()
    assert status.paper is PaperState.UNKNOWN and status.online is None
    assert not status.known
    assert not printer.check_health().ok
    printer.close()


def test_printing_sends_exactly_the_encoded_bytes_and_the_qr_reads_back(emulator) -> None:
    printer = open_driver(emulator)
    expected = printer.encoder.encode(JOB)
    result = printer.print_job(JOB)
    assert result.bytes_sent == len(expected)
    assert emulator.wait_for(len(expected))
    assert bytes(emulator.received) == expected
    assert expected.startswith(b"\x1b@") and b"\x1dV" in expected  # init and cut
    picture = render(
        bytes(emulator.received), printer.capabilities.width_dots, FONT_DIR / "NotoSans-Regular.ttf"
    )
    assert [code.text for code in zxingcpp.read_barcodes(picture.image)] == ["VE1|test|A042"]
    assert "A042" in picture.texts
    assert printer.state is DeviceState.IDLE
    printer.close()


def test_native_qr_is_sent_as_gs_k_when_the_profile_has_it(emulator) -> None:
    printer = open_driver(emulator, native_qr=True)
    printer.print_job(JOB)
    sent = printer.encoder.encode(JOB)
    assert emulator.wait_for(len(sent))
    picture = render(bytes(emulator.received), 576, FONT_DIR / "NotoSans-Regular.ttf")
    assert picture.qr_payloads == ["VE1|test|A042"]
    printer.close()


def test_near_end_still_prints_and_tells_the_technician(emulator) -> None:
    emulator.condition = "near_end"
    printer = open_driver(emulator)
    printer.print_job(JOB)
    health = printer.check_health()
    assert health.ok and "low" in health.text
    printer.close()


@pytest.mark.parametrize(
    ("condition", "key"),
    [
        ("paper_out", "printer.paper_out"),
        ("cover_open", "printer.cover_open"),
        ("offline", "printer.offline"),
    ],
)
def test_a_known_problem_stops_printing_and_sends_nothing(emulator, condition, key) -> None:
    emulator.condition = condition
    printer = open_driver(emulator)
    with pytest.raises(DeviceError) as raised:
        printer.print_job(JOB)
    assert raised.value.message_key == key and raised.value.retryable
    assert bytes(emulator.received) == b""
    assert not printer.check_health().ok
    printer.close()


def test_an_unplugged_printer_is_reported_unreachable() -> None:
    with socket.socket() as probe:  # a port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    printer = EscposTicketPrinter(network_settings(port), FONT_DIR)
    assert printer.status().online is False
    with pytest.raises(DeviceError) as raised:
        printer.print_job(JOB)
    assert raised.value.message_key in {"printer.offline", "printer.unreachable"}
    assert not printer.check_health().ok


def test_status_changes_are_events(emulator) -> None:
    printer = open_driver(emulator)
    seen = []
    printer.events.subscribe(lambda event: seen.append(event))
    printer.status()
    emulator.condition = "paper_out"
    printer.status()
    statuses = [e.payload for e in seen if e.kind == "status_changed"]
    assert [s.paper for s in statuses] == [PaperState.OK, PaperState.OUT]
    printer.close()
