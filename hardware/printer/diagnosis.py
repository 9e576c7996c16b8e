"""Names the real cause of a failed conversation with a printer, for the technician: connection
refused, no route, timed out, USB device not found, permission denied (with the udev rule to
add), device missing. python-escpos wraps the system's error in `DeviceNotFoundError`; the
original is found in the exception's chain.
"""

from __future__ import annotations

import errno
import socket

from hardware.device import DeviceTimeout
from hardware.printer.config import PrinterSettings
from hardware.printer.interface import Diagnosis

_NO_ROUTE = {errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN, errno.EADDRNOTAVAIL}
_LOST = {errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED, errno.ESHUTDOWN}
_MISSING = {errno.ENOENT, errno.ENODEV, errno.ENXIO}


def udev_rule(vendor_id: int, product_id: int) -> str:
    """The line that lets the kiosk's user open the printer (file /etc/udev/rules.d/…)."""
    return (
        f'SUBSYSTEM=="usb", ATTRS{{idVendor}}=="{vendor_id:04x}", '
        f'ATTRS{{idProduct}}=="{product_id:04x}", MODE="0660", GROUP="lp"'
    )


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _errno(exc: BaseException) -> int | None:
    for link in _chain(exc):
        number = getattr(link, "errno", None)
        if isinstance(number, int):
            return number
        for arg in getattr(link, "args", ()):  # pyserial keeps it in the message only
            text = str(arg)
            if "Permission denied" in text:
                return errno.EACCES
            if "No such file or directory" in text:
                return errno.ENOENT
    return None


def printer_address(settings: PrinterSettings) -> str:
    match settings.driver:
        case "network":
            return f"{settings.host}:{settings.port}"
        case "usb":
            return f"{settings.vendor_id:04x}:{settings.product_id:04x}"
        case "serial" | "file":
            return settings.device
        case "cups":
            return settings.queue
    return settings.driver


def diagnose(exc: BaseException, settings: PrinterSettings) -> Diagnosis:
    """The cause of a failure to open or talk to the printer."""
    where = printer_address(settings)
    detail = str(exc).replace("\n", " ")
    chain = _chain(exc)
    number = _errno(exc)

    def cause(name: str, **values: str) -> Diagnosis:
        return Diagnosis(f"printer.cause.{name}", {"where": where, **values}, detail)

    if number in (errno.EACCES, errno.EPERM):
        if settings.driver == "usb":
            rule = udev_rule(settings.vendor_id, settings.product_id)
            return cause("permission_usb", rule=rule)
        return cause("permission_device")
    if any(isinstance(link, DeviceTimeout | socket.timeout) for link in chain):
        return cause("timed_out")
    if number == errno.ECONNREFUSED:
        return cause("connection_refused")
    if number in _NO_ROUTE or any(isinstance(link, socket.gaierror) for link in chain):
        return cause("no_route")
    if number in _LOST:
        return cause("connection_lost")
    if settings.driver == "usb" and any(
        type(link).__name__ in ("USBNotFoundError", "DeviceNotFoundError", "AssertionError")
        for link in chain
    ):
        return cause("usb_not_found")
    if number in _MISSING:
        return cause("device_missing")
    return cause("unknown", detail=detail)
