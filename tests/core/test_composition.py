"""The composition root (kiosk/app.py): start-up hands out frozen, typed services; any device or
service is replaced by its field name, the same way for all; a name it does not know is an
error, not silently ignored."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hardware.printer.simulator import SimulatedTicketPrinter
from kiosk.paths import config_dir
from tests.kiosk_factory import kiosk_config, make_kiosk


def test_services_are_frozen_and_overridable_by_name(tmp_path: Path) -> None:
    config = kiosk_config(tmp_path)
    printer = SimulatedTicketPrinter(config.printer, config_dir() / "fonts", tmp_path / "mine")
    kiosk = make_kiosk(tmp_path, config, printer=printer, camera=None, card_reader=None)
    try:
        assert kiosk.core.printer is printer and kiosk.core.tickets.printer is printer
        assert kiosk.services.hand_in.printer is printer
        assert kiosk.services.camera is None and kiosk.services.identity.reader is None
        assert set(kiosk.devices()) == {"technician.device.printer", "technician.device.outbox"}
        with pytest.raises(dataclasses.FrozenInstanceError):
            kiosk.services.camera = object()  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError):
            kiosk.core.printer = printer  # type: ignore[misc]
    finally:
        kiosk.close()


def test_an_unknown_override_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="build_kiosk cannot override scanner"):
        make_kiosk(tmp_path, scanner=object())
