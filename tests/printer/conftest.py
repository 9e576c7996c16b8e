"""A network printer on loopback for python-escpos' own `Network` transport to talk to."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hardware.printer.config import PrinterSettings
from hardware.printer.emulator import PrinterEmulator
from kiosk.paths import config_dir

FONT_DIR = config_dir() / "fonts"


@pytest.fixture
def emulator() -> Iterator[PrinterEmulator]:
    printer = PrinterEmulator()
    yield printer
    printer.close()


def network_settings(port: int, **extra: object) -> PrinterSettings:
    return PrinterSettings(
        driver="network",
        host="127.0.0.1",
        port=port,
        timeout_seconds=2.0,
        status_timeout_seconds=0.3,
        **extra,
    )
