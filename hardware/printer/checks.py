"""What `kiosk --check-config` checks of the printer beyond the file's own rules: the profile
exists in python-escpos and can do what is asked of it, and the device, port or queue the
transport names exists on this machine and can be opened. Each problem names the key and says
what to do; a printer that is merely switched off is not a configuration problem.
"""

from __future__ import annotations

import difflib
import os
import shutil
import stat
import subprocess

from escpos import printer as escpos_printer

from hardware.device import DeviceError
from hardware.printer.config import PrinterSettings
from hardware.printer.profile import known_profiles, printer_model


def printer_problems(settings: PrinterSettings) -> list[str]:
    """One line per problem, `printer.key: what is wrong and what to do`; empty when fine."""
    problems = _profile_problems(settings)
    match settings.driver:
        case "usb":
            if not escpos_printer.Usb.is_usable():
                problems.append("printer.driver: USB printing needs pyusb and libusb installed")
        case "serial":
            if not escpos_printer.Serial.is_usable():
                problems.append("printer.driver: serial printing needs pyserial installed")
            problems += _device_problems(settings.device, char_device=True)
        case "file":
            problems += _device_problems(settings.device, char_device=False)
        case "cups":
            problems += _cups_problems(settings.queue)
    return problems


def _profile_problems(settings: PrinterSettings) -> list[str]:
    try:
        model = printer_model(settings)
    except DeviceError:
        close = difflib.get_close_matches(settings.profile, known_profiles(), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return [
            f"printer.profile: {settings.profile!r} is not a python-escpos profile{hint} "
            f"(known: {', '.join(known_profiles())})"
        ]
    problems = []
    if settings.native_qr and not model.native_qr:
        problems.append(
            f"printer.native_qr: profile {settings.profile} cannot draw QR codes itself; "
            "set native_qr = false"
        )
    return problems


def _device_problems(device: str, char_device: bool) -> list[str]:
    if not os.path.exists(device):
        return [f"printer.device: {device} does not exist (is the printer plugged in?)"]
    mode = os.stat(device).st_mode
    if char_device and not stat.S_ISCHR(mode):
        return [f"printer.device: {device} is not a serial port"]
    if not os.access(device, os.W_OK | (os.R_OK if char_device else 0)):
        group = "dialout" if char_device else "lp"
        return [
            f"printer.device: this user may not open {device}; "
            f"add it to the group that owns the device (usually {group})"
        ]
    return []


def _cups_problems(queue: str) -> list[str]:
    if shutil.which("lp") is None or shutil.which("lpstat") is None:
        return ["printer.driver: CUPS printing needs the lp and lpstat commands (cups-client)"]
    try:
        known = subprocess.run(
            ["lpstat", "-p", queue], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"printer.queue: CUPS could not be asked about {queue!r} ({exc})"]
    if known.returncode != 0:
        return [f"printer.queue: CUPS has no queue {queue!r} (see lpstat -p)"]
    return []
