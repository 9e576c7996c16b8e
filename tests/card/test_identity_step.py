"""The identity step as a state machine, driven the way the view-model drives it (the chip read
runs inline here instead of on a worker)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hardware.card_reader.demo_document import DemoCitizen
from hardware.card_reader.simulator import SimulatedCardReader
from kiosk.identity import IdentityError, IdentityService, IdentitySource
from kiosk.journeys.identity import IdentityStep, IdentityStepState

S = IdentityStepState
TODAY = dt.date(2026, 11, 23)


def _step(reader: SimulatedCardReader | None) -> IdentityStep:
    return IdentityStep(IdentityService(reader, today=lambda: TODAY))


def _read(step: IdentityStep) -> None:
    step.reading_started()
    try:
        identity = step.service.read_card(step.hint, progress=step.read_progress)
    except IdentityError as exc:
        step.read_failed(exc)
    else:
        step.read_done(identity)


def test_qr_then_card_then_confirm(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    step = _step(make_simulator(citizen))
    seen: list[S] = []
    step.subscribe(seen.append)
    assert (step.state, step.step) == (S.SHOW_QR, 1)
    step.qr_scanned(citizen.qr_text().encode())
    assert (step.state, step.step) == (S.PLACE_CARD, 2)
    _read(step)
    assert (step.state, step.step) == (S.CONFIRM, 3)
    assert step.identity.source is IdentitySource.CHIP
    assert S.READING in seen and step.progress.fraction == 1.0


def test_a_wrong_qr_stays_on_the_qr_screen_with_a_message(
    make_simulator: Callable[..., SimulatedCardReader],
) -> None:
    step = _step(make_simulator())
    step.qr_scanned("https://example.com/not-an-id-card")
    assert step.state is S.SHOW_QR and step.problem_key == "identity.qr_too_few_fields"
    assert step.hint is None


def test_typing_instead_and_a_typing_mistake(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    step = _step(make_simulator(citizen))
    step.type_instead()
    step.typed("00119001234", "15/03/1990")
    assert step.state is S.TYPE_DETAILS and step.problem_key == "identity.id_not_12_digits"
    step.typed("001190012345", "15/03/1990")
    assert step.state is S.PLACE_CARD and step.problem_key is None
    assert not step.can_use_qr_data
    _read(step)
    assert step.state is S.CONFIRM


def test_card_lifted_mid_read_goes_back_to_the_reader_with_a_message(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    reader = make_simulator(citizen, simulator_fault="removed_mid_read")
    step = _step(reader)
    step.qr_scanned(citizen.qr_text())
    _read(step)
    assert step.state is S.PLACE_CARD and step.problem_key == "card_reader.removed"
    reader.set_fault("none")
    reader.insert_card()
    _read(step)
    assert step.state is S.CONFIRM


def test_unreadable_chip_offers_the_qr_data_openly(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    step = _step(make_simulator(citizen, simulator_fault="malformed_dg13"))
    step.qr_scanned(citizen.qr_text())
    _read(step)
    assert step.state is S.FAILED and step.problem_key == "identity.chip_record_unreadable"
    assert step.can_use_qr_data
    step.use_fallback()
    assert step.state is S.CONFIRM and step.identity.source is IdentitySource.QR


def test_without_a_reader_the_qr_is_the_identity(citizen: DemoCitizen) -> None:
    step = _step(None)
    step.qr_scanned(citizen.qr_text())
    assert step.state is S.CONFIRM and step.identity.source is IdentitySource.QR
    step.not_me()
    step.type_instead()
    step.typed("001190012345", "15031990")
    assert step.identity.source is IdentitySource.TYPED and step.identity.full_name == ""


def test_back_and_reset_forget_the_citizen(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    step = _step(make_simulator(citizen))
    step.qr_scanned(citizen.qr_text())
    assert step.back() and step.state is S.SHOW_QR and step.hint is None
    assert not step.back()
    step.qr_scanned(citizen.qr_text())
    _read(step)
    step.reset()
    assert step.state is S.SHOW_QR
    assert (step.hint, step.identity, step.problem_key, step.progress) == (None, None, None, None)


def test_late_results_after_the_session_ended_are_ignored(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    step = _step(make_simulator(citizen))
    step.qr_scanned(citizen.qr_text())
    step.reading_started()
    identity = step.service.read_card(step.hint)
    step.reset()
    step.read_done(identity)
    step.read_failed(IdentityError("card_reader.removed"))
    assert step.state is S.SHOW_QR and step.identity is None
