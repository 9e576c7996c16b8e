"""A network printer on loopback, written from the ESC/POS reference, for python-escpos' own
`Network` transport (inside our driver) to talk to."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hardware.printer.config import NetworkPrinterSettings, printer_settings
from kiosk.paths import config_dir

from .escpos_peer import EscposPeer

FONT_DIR = config_dir() / "fonts"
FONT = FONT_DIR / "NotoSans-Regular.ttf"


@pytest.fixture
def peer() -> Iterator[EscposPeer]:
    printer = EscposPeer()
    yield printer
    printer.close()


def network_settings(port: int, **extra: object) -> NetworkPrinterSettings:
    values = {
        "driver": "network",
        "host": "127.0.0.1",
        "port": port,
        "timeout_seconds": 2.0,
        "status_timeout_seconds": 0.3,
        "health_interval_seconds": 0.2,
        **extra,
    }
    settings = printer_settings(**values)
    assert isinstance(settings, NetworkPrinterSettings)
    return settings
