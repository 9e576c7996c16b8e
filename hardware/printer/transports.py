"""Thin transports: each opens a python-escpos printer object, writes raw bytes, reads status
bytes and closes. Whether a transport can be used here (its optional library installed) is
checked, not assumed, so a missing USB library never breaks a network printer.
"""

from __future__ import annotations

import shutil
import socket
from typing import Any

from hardware.device import DeviceError
from hardware.printer.config import PrinterSettings


def make_transport(settings: PrinterSettings) -> Any:
    """A closed python-escpos printer object for the configured driver."""
    # here, not at the top: `escpos.printer` loads every transport's library (CUPS, serial,
    # USB, barcodes), which the home screen's first frame must not wait for
    from escpos import printer as escpos_printer

    driver = settings.driver
    cls = {
        "network": escpos_printer.Network,
        "usb": escpos_printer.Usb,
        "serial": escpos_printer.Serial,
        "file": escpos_printer.File,
        "cups": escpos_printer.LP,
    }[driver]
    if not cls.is_usable() or (driver == "cups" and shutil.which("lp") is None):
        raise DeviceError(
            "printer.driver_unavailable",
            f"the {driver} printer driver needs a library that is not installed",
            retryable=False,
        )
    timeout = settings.timeout_seconds
    if driver == "network":
        return cls(
            host=settings.host, port=settings.port, timeout=timeout, profile=settings.profile
        )
    if driver == "usb":
        return cls(
            idVendor=settings.vendor_id,
            idProduct=settings.product_id,
            timeout=int(timeout * 1000),
            profile=settings.profile,
        )
    if driver == "serial":
        return cls(
            devfile=settings.device,
            baudrate=settings.baudrate,
            timeout=timeout,
            profile=settings.profile,
        )
    if driver == "file":
        return cls(devfile=settings.device, profile=settings.profile)
    # CUPS through its `lp` command (pycups is GPL, so it is not shipped): one job per ticket
    return cls(printer_name=settings.queue, profile=settings.profile)


def submits_on_close(settings: PrinterSettings) -> bool:
    """Transports whose data reaches the printer only when closed (a CUPS job)."""
    return settings.driver == "cups"


def connection_per_conversation(settings: PrinterSettings) -> bool:
    """A TCP connection is opened for each status check or job and closed after it: printers
    and switches drop idle connections, and a fresh one is never half-open."""
    return settings.driver in ("network", "cups")


def answers_status(settings: PrinterSettings) -> bool:
    """Write-only transports (a device file, a CUPS queue) cannot carry DLE EOT replies."""
    return settings.driver in ("network", "usb", "serial")


def set_read_timeout(transport: Any, seconds: float) -> None:
    """Status reads must be short: python-escpos would otherwise wait its full timeout."""
    device = getattr(transport, "device", None)
    if isinstance(device, socket.socket):
        device.settimeout(seconds)
    elif device is not None and hasattr(device, "timeout") and not callable(device.timeout):
        device.timeout = seconds  # pyserial
