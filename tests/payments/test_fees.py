"""Fees worked out from the answers: per copy, per page with tiers and a cap, province-set
charges, exemptions; every schedule's amount makes a VietQR the independent parser reads."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.dossiers.forms import FormLibrary
from kiosk.payments.due import payment_due
from kiosk.payments.fees import (
    FEE_EXEMPTION_ANSWER,
    MAX_QUANTITY,
    bill_for,
    load_schedules,
    work_out,
)
from kiosk.payments.settings import AccountSettings, PaymentSettings
from tests.payments.emvco import parse

SCHEDULES = load_schedules()
CODE = "000.00.06.H56-261203-0042"
UNIT = AccountSettings(bank_bin="970415", account="113366668888", account_name="UBND XA AN BINH")
OWN = AccountSettings(bank_bin="970436", account="0071000888999", account_name="UBND XA AN BINH HT")


@pytest.mark.parametrize(
    ("copies", "total"), [("1", 8_000), ("3", 24_000), ("", 8_000), ("0", 8_000), ("x", 8_000)]
)
def test_extract_copies_are_charged_per_copy(copies: str, total: int) -> None:
    bill = work_out(SCHEDULES, "2.000635", {"copies": copies})
    assert bill is not None and bill.total_vnd == total and bill.payable_by_transfer


def test_a_huge_number_of_copies_is_capped() -> None:
    bill = work_out(SCHEDULES, "2.000635", {"copies": "100000"})
    assert bill is not None and bill.total_vnd == 8_000 * MAX_QUANTITY


@pytest.mark.parametrize(
    ("pages", "copies", "total"),
    [
        ("1", "1", 2_000),
        ("2", "1", 4_000),
        ("3", "1", 5_000),  # from the third page 1.000 đ
        ("5", "2", 14_000),
        ("50", "1", 52_000),
    ],
)
def test_certified_copies_follow_the_page_tiers(pages: str, copies: str, total: int) -> None:
    bill = work_out(SCHEDULES, "2.000815", {"pages": pages, "copies": copies})
    assert bill is not None and bill.total_vnd == total


def test_certified_copies_stop_at_the_cap_per_copy() -> None:
    from kiosk.payments.fees import _per_copy_of_pages

    item = SCHEDULES.procedures["2.000815"].items[0]
    assert _per_copy_of_pages(item, 199) == 200_000 and _per_copy_of_pages(item, 400) == 200_000


def test_signature_certification_is_per_case() -> None:
    bill = work_out(SCHEDULES, "2.000884", {})
    assert bill is not None and bill.total_vnd == 10_000


def test_a_province_set_charge_without_its_amount_goes_to_the_counter() -> None:
    bill = work_out(SCHEDULES, "1.004873", {})
    assert bill is not None and not bill.complete and not bill.payable_by_transfer
    due = payment_due(CODE, bill, PaymentSettings(account=UNIT))
    assert due.qr_payload == ""
    assert due.how_to_pay("vi") == ["Nộp phí tại quầy khi nhận kết quả."]


def test_a_province_set_charge_is_waived_for_an_exemption_the_law_grants() -> None:
    amounts = {"1.004873": 15_000}
    paid = work_out(SCHEDULES, "1.004873", {}, "", amounts)
    waived = work_out(SCHEDULES, "1.004873", {}, "poor_household", amounts)
    not_granted = work_out(SCHEDULES, "1.004873", {}, "on_time_death", amounts)
    assert paid is not None and paid.total_vnd == 15_000
    assert waived is not None and waived.total_vnd == 0 and waived.complete
    assert waived.lines[0].exemption == "poor_household"
    assert not_granted is not None and not_granted.total_vnd == 15_000
    assert payment_due(CODE, waived, PaymentSettings(account=UNIT)).how_to_pay("en") == [
        "Nothing to pay."
    ]
    assert "on_time_death" not in SCHEDULES.exemptions_for("1.000656")  # worked out, not asked


@pytest.mark.parametrize(
    ("death_date", "free"),
    [
        ("12/11/2026", True),  # the 15th day after the death: on time
        ("11/11/2026", False),  # the 16th: late
        ("27/11/2026", True),  # the same day
        ("28/11/2026", False),  # a date after the hand-in is no death on time
        ("", False),
        ("11-2026", False),
    ],
)
def test_a_death_registered_within_15_days_is_free(death_date: str, free: bool) -> None:
    """Luật Hộ tịch 2014: on time is within 15 days of the death (Điều 33), free (Điều 11)."""
    handed_in = dt.date(2026, 11, 27)
    amounts = {"1.000656": 10_000}
    bill = work_out(SCHEDULES, "1.000656", {"death_date": death_date}, "", amounts, handed_in)
    assert bill is not None and bill.complete
    assert bill.total_vnd == (0 if free else 10_000)
    assert (bill.lines[0].exemption == "on_time_death") is free


@pytest.mark.parametrize(
    ("death_date", "claimed", "exemption"),
    [
        ("01/10/2026", "Người khuyết tật", "disability"),  # late: the law's 11.1.a exempts
        ("01/10/2026", "Người thuộc hộ nghèo", "poor_household"),
        ("01/10/2026", "Không thuộc diện miễn", ""),
        ("01/10/2026", "", ""),  # the question skipped
        ("25/11/2026", "Không thuộc diện miễn", "on_time_death"),  # on time: free anyway
    ],
)
def test_a_death_registered_late_is_waived_for_the_exemption_claimed_beside_its_date(
    death_date: str, claimed: str, exemption: str
) -> None:
    """1.000656 asks the exemption on the screen of the death (no screen added to the walk);
    the answer reaches the fees the check screen shows before handing in, worked out as the
    screen does: the bill from the answers on the day, then its lines with the total."""
    form = FormLibrary().get("1.000656")
    assert form is not None
    page = next(p for p in form.screens(form.fields) if FEE_EXEMPTION_ANSWER in {f.id for f in p})
    assert {"death_date", "death_place"} <= {f.id for f in page}
    assert not form.field(FEE_EXEMPTION_ANSWER).required
    assert claimed in {"", *(c.value for c in form.field(FEE_EXEMPTION_ANSWER).choices)}
    settings = PaymentSettings(account=UNIT, province_amounts={"1.000656": 10_000})
    answers = {"death_date": death_date, **({FEE_EXEMPTION_ANSWER: claimed} if claimed else {})}
    bill = bill_for("1.000656", answers, settings.province_amounts, dt.date(2026, 12, 3))
    assert bill is not None and bill.lines[0].exemption == exemption
    due = payment_due("", bill, settings)
    first, *_, total = due.lines("vi")
    if exemption:
        assert "× 1: được miễn" in first and total == "Tổng cộng: 0 đ (Không đồng)"
        assert due.qr_payload == "" and due.how_to_pay("vi") == ["Không phải nộp phí."]
    else:
        assert "× 1: 10.000 đ" in first and total == "Tổng cộng: 10.000 đ (Mười nghìn đồng)"
        assert bill.payable_by_transfer


def test_every_item_cites_its_legal_basis() -> None:
    for fees in SCHEDULES.procedures.values():
        for item in fees.items:
            assert any(word in item.source for word in ("Thông tư", "Nghị định", "Luật"))


def test_every_accepted_procedures_fee_makes_a_vietqr_the_parser_reads() -> None:
    """Each procedure with a form and a schedule: with one and several copies/pages, into the
    unit's account or the procedure's own, the code parses to the amount, account and code."""
    settings = PaymentSettings(
        account=UNIT, accounts={"2.000635": OWN}, province_amounts={"1.004873": 15_000}
    )
    accepted = set(FormLibrary().codes()) | set(SCHEDULES.procedures)
    checked = 0
    for procedure in sorted(accepted & set(SCHEDULES.procedures)):
        for answers in ({}, {"copies": "3", "pages": "4"}):
            bill = work_out(SCHEDULES, procedure, answers, "", settings.province_amounts)
            assert bill is not None
            due = payment_due(CODE, bill, settings)
            if not bill.payable_by_transfer:
                assert due.qr_payload == ""
                continue
            fields = parse(due.qr_payload)
            assert fields.crc_ok
            account = OWN if procedure == "2.000635" else UNIT
            assert fields.fields["54"] == str(bill.total_vnd)
            assert fields.fields["38"]["01"] == {  # type: ignore[index]
                "00": account.bank_bin,
                "01": account.account,
            }
            assert fields.fields["62"] == {"08": CODE}
            checked += 1
    assert checked >= 6


def test_the_total_is_said_in_words() -> None:
    bill = work_out(SCHEDULES, "2.000635", {"copies": "3"})
    assert bill is not None
    lines = payment_due(CODE, bill, PaymentSettings()).lines("vi")
    assert lines[-1] == "Tổng cộng: 24.000 đ (Hai mươi tư nghìn đồng)"
    assert "Thông tư 281/2016/TT-BTC" in lines[0]


def test_the_exemption_question_offers_only_what_the_law_grants_for_the_procedure() -> None:
    """Each form asking it offers "not exempt" and the exemptions its schedule cites, by their
    names in the schedule; the answer waives the charge, "not exempt" does not."""
    forms = FormLibrary()
    asked = 0
    for code in forms.codes():
        form = forms.get(code)
        assert form is not None
        if FEE_EXEMPTION_ANSWER not in {f.id for f in form.fields}:
            continue
        asked += 1
        offered = [c.value for c in form.field(FEE_EXEMPTION_ANSWER).choices]
        claimed = [SCHEDULES.exemption_answered(value) for value in offered]
        assert claimed[0] == "" and offered[0] == "Không thuộc diện miễn"
        assert claimed[1:] == SCHEDULES.exemptions_for(code), code
        amounts = {code: 20_000}
        for value, exemption in zip(offered, claimed, strict=True):
            bill = work_out(SCHEDULES, code, {"copies": "1"}, exemption, amounts)
            assert bill is not None
            assert (bill.total_vnd == 0) == bool(exemption), (code, value)
    assert asked >= 5


def test_every_procedure_the_kiosk_takes_has_its_fees_worked_out() -> None:
    assert set(FormLibrary().codes()) <= set(SCHEDULES.procedures)
