"""The simulated printer's paper roll: the soak and demos print for hours, and a real roll runs
low, runs out (in the middle of a ticket too) and is replaced by staff."""

from __future__ import annotations

import pytest
from PIL import Image

from hardware.device import DeviceError
from hardware.printer.config import printer_settings
from hardware.printer.interface import PaperState
from hardware.printer.simulator import SimulatedTicketPrinter

from .conftest import FONT_DIR
from .test_network_printer import JOB

ROLL_M = 0.4
DOTS_PER_MM = 203 / 25.4


def test_a_roll_runs_low_runs_out_and_is_replaced(tmp_path) -> None:
    settings = printer_settings(simulator_roll_m=ROLL_M, simulator_output=str(tmp_path))
    printer = SimulatedTicketPrinter(settings, FONT_DIR, tmp_path)
    printer.open()
    reported: list[PaperState] = []
    printer.events.subscribe(lambda event: reported.append(event.payload.paper))
    with pytest.raises(DeviceError) as out:
        for _ in range(100):
            printer.print_job(JOB)
    assert out.value.message_key == "printer.paper_out"
    # the tickets that came out, measured on the pictures of what was sent, nearly fill the roll;
    # the one the roll ended in is not among them
    tickets = [Image.open(path).height / DOTS_PER_MM for path in printer.printed]
    assert len(tickets) >= 3
    assert ROLL_M * 1000 - max(tickets) < sum(tickets) < ROLL_M * 1000
    assert reported == [PaperState.LOW, PaperState.OUT]
    assert printer.status().paper is PaperState.OUT
    with pytest.raises(DeviceError):
        printer.print_job(JOB)
    assert len(printer.printed) == len(tickets)
    printer.refill()
    assert reported[-1] is PaperState.OK and printer.status().paper is PaperState.OK
    printer.print_job(JOB)
    assert len(printer.printed) == len(tickets) + 1
