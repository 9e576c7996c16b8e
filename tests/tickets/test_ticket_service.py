"""Issuing: print through the simulator; a failed print keeps the number issued, never reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from hardware.printer.simulator import SimulatedTicketPrinter
from kiosk.config import load_config
from kiosk.journeys.take_number import TakeNumberJourney, TakeNumberState
from tests.kiosk_factory import make_kiosk


@pytest.fixture
def context(tmp_path: Path):
    config = load_config()
    config = config.model_copy(
        update={
            "printer": config.printer.model_copy(
                update={"driver": "simulator", "simulator_output": str(tmp_path / "out")}
            )
        }
    )
    ctx = make_kiosk(tmp_path, config)
    yield ctx
    ctx.close()


def test_a_printed_ticket_is_recorded_as_printed(context) -> None:
    outcome = context.core.tickets.issue("ho-tich", "pregnant", "vi")
    assert outcome.printed and outcome.bytes_sent > 0
    day = outcome.ticket.number.issued_at.date().isoformat()
    [row] = context.core.tickets.book.tickets_on(day)
    assert (row["label"], row["print_state"], row["priority"]) == ("A001", "printed", "pregnant")


@pytest.mark.parametrize("fault", ["paper_out", "cover_open", "offline"])
def test_a_printer_problem_keeps_the_number_and_says_why(context, fault) -> None:
    printer: SimulatedTicketPrinter = context.core.printer
    printer.set_fault(fault)
    outcome = context.core.tickets.issue("ho-tich", None, "vi")
    assert not outcome.printed
    assert outcome.problem_key in {f"printer.{fault}", "printer.unreachable"}
    printer.set_fault("none")
    again = context.core.tickets.issue("ho-tich", None, "vi")
    assert (outcome.ticket.number.label, again.ticket.number.label) == ("A001", "A002")
    day = again.ticket.number.issued_at.date().isoformat()
    states = [r["print_state"] for r in context.core.tickets.book.tickets_on(day)]
    assert states == ["not_printed", "printed"]


def test_an_unknown_priority_is_refused(context) -> None:
    with pytest.raises(ValueError):
        context.core.tickets.issue("ho-tich", "vip", "vi")


def test_the_journey_walks_its_states_and_wipes_on_reset(context) -> None:
    journey = TakeNumberJourney(["ho-tich"], ["elderly"])
    journey.choose_service("ho-tich")
    assert journey.step == 2
    journey.choose_priority("elderly")
    assert journey.state is TakeNumberState.ISSUING
    journey.issued(context.core.tickets.issue(journey.service_id, journey.priority, "vi"))
    assert journey.state is TakeNumberState.ISSUED
    journey.reset()
    assert journey.state is TakeNumberState.CHOOSE_SERVICE
    assert journey.service_id is None and journey.outcome is None
    with pytest.raises(ValueError):
        journey.choose_service("nope")
