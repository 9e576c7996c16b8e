"""The technician screen names the real cause, in Vietnamese and English: a refused
connection, no route, a silent printer, a USB printer that is not there, a serial port that does
not exist, permission denied (with the udev rule), an unknown profile."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

from escpos.exceptions import DeviceNotFoundError

from hardware.printer.config import printer_settings
from hardware.printer.diagnosis import diagnose, udev_rule
from hardware.printer.escpos_driver import EscposTicketPrinter
from hardware.printer.factory import open_printer
from kiosk.i18n import translate

from .conftest import FONT_DIR, network_settings


def health_text(printer, lang: str) -> str:
    report = printer.check_health()
    assert not report.ok and report.text_key
    return translate(report.text_key, lang, **report.values)


def test_a_refused_connection_and_a_silent_printer_read_differently(peer) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = EscposTicketPrinter(network_settings(port), FONT_DIR)
    assert "từ chối kết nối" in health_text(refused, "vi")
    assert f"127.0.0.1:{port} refused the connection" in health_text(refused, "en")
    peer.silent = True
    silent = EscposTicketPrinter(network_settings(peer.port), FONT_DIR)
    assert "does not answer status queries" in health_text(silent, "en")
    assert "không trả lời lệnh hỏi tình trạng" in health_text(silent, "vi")


def test_a_usb_printer_that_is_not_plugged_in() -> None:
    printer = EscposTicketPrinter(
        printer_settings(driver="usb", vendor_id=0x04B8, product_id=0x0E15, timeout_seconds=1),
        FONT_DIR,
    )
    assert printer.status().online is False
    assert "USB printer 04b8:0e15 not found" in health_text(printer, "en")
    assert "Không thấy máy in USB 04b8:0e15" in health_text(printer, "vi")


def test_a_serial_port_that_does_not_exist() -> None:
    printer = EscposTicketPrinter(
        printer_settings(driver="serial", device="/dev/ttyNOPE0", timeout_seconds=1), FONT_DIR
    )
    assert "Device /dev/ttyNOPE0 does not exist" in health_text(printer, "en")


def test_permission_denied_gives_the_udev_rule() -> None:
    # what python-escpos raises when pyusb is refused the device (tests run as root, who never is)
    settings = printer_settings(driver="usb", vendor_id=0x04B8, product_id=0x0202)
    try:
        try:
            raise PermissionError(errno.EACCES, "Access denied (insufficient permissions)")
        except PermissionError as denied:
            raise DeviceNotFoundError(f"Unable to open USB printer: {denied}") from None
    except DeviceNotFoundError as exc:
        cause = diagnose(exc, settings)
    assert cause.key == "printer.cause.permission_usb"
    rule = udev_rule(0x04B8, 0x0202)
    assert rule == (
        'SUBSYSTEM=="usb", ATTRS{idVendor}=="04b8", ATTRS{idProduct}=="0202", '
        'MODE="0660", GROUP="lp"'
    )
    text = translate(cause.key, "vi", **cause.values)
    assert rule in text and "/etc/udev/rules.d/" in text


def test_no_route_and_timeout_are_told_apart() -> None:
    settings = network_settings(9100)
    for error, key in (
        (OSError(errno.EHOSTUNREACH, "No route to host"), "printer.cause.no_route"),
        (OSError(errno.ENETUNREACH, "Network is unreachable"), "printer.cause.no_route"),
        (TimeoutError("timed out"), "printer.cause.timed_out"),
    ):
        try:
            try:
                raise error
            except OSError:
                raise DeviceNotFoundError("Could not open socket") from None
        except DeviceNotFoundError as exc:
            assert diagnose(exc, settings).key == key


def test_an_unknown_profile_starts_the_kiosk_and_says_so(tmp_path: Path) -> None:
    printer = open_printer(
        printer_settings(driver="network", host="10.0.0.9", profile="TM-T88"), FONT_DIR, tmp_path
    )
    assert "'TM-T88' is not known to python-escpos" in health_text(printer, "en")


def test_a_health_check_that_fails_is_still_a_sentence() -> None:
    from hardware.printer.interface import PrinterCapabilities, TicketPrinter

    class Broken(TicketPrinter):
        open = close = print_job = lambda self, *a: None

        def status(self):
            raise RuntimeError("driver crashed")

    report = Broken(PrinterCapabilities(576, False, True)).check_health()
    assert not report.ok
    text = translate(report.text_key, "vi", **report.values)
    assert text == "Không kiểm tra được máy in: driver crashed"
