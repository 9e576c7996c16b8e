"""Every configured transport is built by python-escpos; a device file receives a whole ticket,
and a transport whose library or command is missing says so instead of failing later."""

from __future__ import annotations

from pathlib import Path

import pytest
from escpos import printer as escpos_printer

from hardware.device import DeviceError
from hardware.printer.config import printer_settings
from hardware.printer.escpos_driver import EscposTicketPrinter
from hardware.printer.interface import PaperState
from hardware.printer.job import PrintJob, TextLine
from hardware.printer.transports import make_transport

from .conftest import FONT_DIR

JOB = PrintJob((TextLine("Hộ tịch"), TextLine("A001")))


def test_a_device_file_gets_the_whole_ticket_and_status_stays_unknown(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.touch()
    printer = EscposTicketPrinter(printer_settings(driver="file", device=str(device)), FONT_DIR)
    assert printer.status().paper is PaperState.UNKNOWN  # a file never answers DLE EOT
    printer.print_job(JOB)
    printer.print_job(JOB)
    one = printer.encoder.encode(JOB)
    assert device.read_bytes().endswith(one + one)
    printer.close()


@pytest.mark.parametrize(
    ("values", "cls"),
    [
        ({"driver": "usb", "vendor_id": 0x04B8, "product_id": 0x0202}, escpos_printer.Usb),
        ({"driver": "serial", "device": "/dev/ttyS0"}, escpos_printer.Serial),
        ({"driver": "network", "host": "192.168.1.50"}, escpos_printer.Network),
        ({"driver": "file", "device": "/dev/usb/lp0"}, escpos_printer.File),
        ({"driver": "cups", "queue": "kiosk"}, escpos_printer.LP),
    ],
)
def test_each_driver_maps_to_its_python_escpos_transport(values: dict, cls: type) -> None:
    assert isinstance(make_transport(printer_settings(**values)), cls)


def test_a_missing_cups_client_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DeviceError) as raised:
        make_transport(printer_settings(driver="cups", queue="kiosk"))
    assert raised.value.message_key == "printer.driver_unavailable"
    assert not raised.value.retryable


def test_an_absent_serial_port_is_unreachable_not_a_crash() -> None:
    printer = EscposTicketPrinter(
        printer_settings(driver="serial", device="/dev/ttyNOPE0", timeout_seconds=1), FONT_DIR
    )
    assert printer.status().online is False
    with pytest.raises(DeviceError) as raised:
        printer.print_job(JOB)
    assert raised.value.message_key in {"printer.unreachable", "printer.offline"}
