"""The identity service over the simulated reader: QR or typed details → derived keys → chip →
one checked, cross-checked `Identity`; every failure a translated message; nothing logged."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from hardware.card_reader import ChainStatus, ChipCheck, ImageFormat
from hardware.card_reader.demo_document import DemoCitizen
from hardware.card_reader.simulator import SimulatedCardReader
from kiosk.i18n import catalogue
from kiosk.identity import IdentityError, IdentityService, IdentitySource, Sex

TODAY = dt.date(2026, 11, 23)


def _service(reader: SimulatedCardReader | None) -> IdentityService:
    return IdentityService(reader, today=lambda: TODAY)


def _error(call: Callable[[], object]) -> IdentityError:
    with pytest.raises(IdentityError) as caught:
        call()
    assert caught.value.message_key in catalogue()
    return caught.value


def test_qr_then_chip_gives_a_full_checked_identity(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen, csca_dir: Path
) -> None:
    service = _service(make_simulator(citizen, trust_list=str(csca_dir)))
    identity = service.read_card(service.hint_from_qr(citizen.qr_text()))
    assert identity.source is IdentitySource.CHIP
    assert identity.full_name == "Trần Thị Thu Hà" and identity.sex is Sex.FEMALE
    assert identity.birth_date == dt.date(1990, 3, 15)
    assert identity.issue_date == dt.date(2021, 7, 1)
    assert identity.expiry_date == dt.date(2030, 3, 15) and not identity.never_expires
    assert (identity.father, identity.mother, identity.spouse) == (
        "Trần Văn Bình",
        "Lê Thị Hoa",
        "Nguyễn Văn Nam",
    )
    assert identity.residence == citizen.residence
    assert identity.portrait is not None and identity.portrait.format is ImageFormat.JPEG
    assert identity.chain_status is ChainStatus.VERIFIED and identity.issuer_signed
    # the demo chip signs the challenge with the key of its issuer-signed DG15: the green tick
    assert identity.chip_check is ChipCheck.GENUINE and identity.verified
    assert identity.mismatches == ()
    values = identity.form_values()
    assert values["birth_date"] == "15/03/1990" and values["id_number"] == "001190012345"


def test_typed_id_and_birth_date_open_the_card_without_an_issue_date(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    service = _service(make_simulator(citizen))
    identity = service.read_card(service.hint_from_typed(" 001190012345 ", "15/03/1990"))
    assert identity.id_number == citizen.id_number
    assert identity.chain_status is ChainStatus.NO_TRUST_LIST
    assert not identity.issuer_signed and not identity.verified


def test_card_that_never_expires(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    elder = replace(
        citizen,
        id_number="001060000123",
        birth=dt.date(1960, 5, 1),
        sex="Nam",
        issue=dt.date(2021, 4, 1),
        expiry=None,
    )
    service = _service(make_simulator(elder))
    identity = service.read_card(service.hint_from_qr(elder.qr_text()))
    assert identity.never_expires and identity.expiry_date is None
    assert identity.mismatches == ()


def test_qr_of_another_card_is_a_wrong_key_not_a_broken_card(
    make_simulator: Callable[..., SimulatedCardReader],
    citizen: DemoCitizen,
    late_window_citizen: DemoCitizen,
) -> None:
    service = _service(make_simulator(citizen))
    error = _error(lambda: service.read_card(service.hint_from_qr(late_window_citizen.qr_text())))
    assert error.message_key == "identity.key_not_found" and not error.retryable
    typed = service.hint_from_typed("001190012345", "16/03/1990")
    assert _error(lambda: service.read_card(typed)).message_key == "identity.wrong_key_typed"


def test_disagreeing_qr_is_flagged_not_trusted(
    make_simulator: Callable[..., SimulatedCardReader], citizen: DemoCitizen
) -> None:
    service = _service(make_simulator(citizen))
    printed = citizen.qr_text().replace("Số 12 phố Tràng Tiền", "Số 99 phố Huế")
    identity = service.read_card(service.hint_from_qr(printed))
    assert identity.mismatches == ("residence",)
    assert identity.residence == citizen.residence  # the signed chip wins


@pytest.mark.parametrize(
    ("fault", "key"),
    [
        ("tampered", "identity.chip_tampered"),
        ("malformed_dg13", "identity.chip_record_unreadable"),
        ("removed_mid_read", "card_reader.removed"),
        ("no_reader", "card_reader.no_reader"),
    ],
)
def test_chip_problems_become_clear_messages(
    make_simulator: Callable[..., SimulatedCardReader],
    citizen: DemoCitizen,
    fault: str,
    key: str,
) -> None:
    service = _service(make_simulator(citizen, simulator_fault=fault))
    assert (
        _error(lambda: service.read_card(service.hint_from_qr(citizen.qr_text()))).message_key
        == key
    )


def test_without_a_reader() -> None:
    service = _service(None)
    hint = service.hint_from_typed("001190012345", "15031990")
    assert _error(lambda: service.read_card(hint)).message_key == "identity.no_reader"


@pytest.mark.parametrize(
    ("number", "birth", "key"),
    [
        ("001190012345", "31/02/1990", "identity.typed_bad_birth_date"),
        ("001190012345", "15/03/90", "identity.typed_bad_birth_date"),
        ("001190012345", "15/03/2090", "identity.typed_bad_birth_date"),
        ("001190012345", "15/03/1991", "identity.id_birth_mismatch"),
        ("0011900123", "15/03/1990", "identity.id_not_12_digits"),
        ("1" * 10_000, "15/03/1990", "identity.id_not_12_digits"),
        ("001190012345", "1" * 10_000, "identity.id_not_12_digits"),
    ],
)
def test_typed_details_are_checked(number: str, birth: str, key: str) -> None:
    assert _error(lambda: _service(None).hint_from_typed(number, birth)).message_key == key


def test_qr_alone_gives_an_unverified_identity(citizen: DemoCitizen) -> None:
    service = _service(None)
    identity = service.identity_from_qr(service.hint_from_qr(citizen.qr_text()).qr)
    assert identity.source is IdentitySource.QR
    assert identity.chain_status is None and identity.portrait is None
    assert identity.full_name == "Trần Thị Thu Hà"


def test_nothing_personal_reaches_the_log_or_a_repr(
    make_simulator: Callable[..., SimulatedCardReader],
    citizen: DemoCitizen,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    service = _service(make_simulator(citizen))
    hint = service.hint_from_qr(citizen.qr_text())
    identity = service.read_card(hint)
    with pytest.raises(IdentityError):
        service.read_card(service.hint_from_typed("001190012345", "16/03/1990"))
    shown = caplog.text + repr(identity) + str(identity) + repr(hint)
    for secret in ("001190012345", "190012345", "Trần", "TRAN", "15/03/1990", "900315", "Tràng"):
        assert secret not in shown
    assert "chip read" in caplog.text  # the outcome itself is logged
