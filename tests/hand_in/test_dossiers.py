"""The parts under the hand-in screens: dossier codes (local midnight, never reused), the form
files against the catalogue, answer checks and the processing time the calendar counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.calendar.appointment import WorkingHours
from kiosk.catalogue.model import ProcessingTime
from kiosk.catalogue.store import CatalogueStore
from kiosk.clock import LocalTime
from kiosk.config import load_config
from kiosk.dossiers.forms import FormLibrary, accepts_hand_in, clean_answer, papers_to_scan
from kiosk.dossiers.numbering import DossierBook
from kiosk.dossiers.submission import allowed_time

UNIT = "000.00.06.H56"


class Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


def test_codes_count_up_per_local_day_and_survive_a_restart(tmp_path: Path) -> None:
    # 16:59 UTC on 26/11 is 23:59 in Hà Nội; one minute later it is the 27th there
    clock = Clock(dt.datetime(2026, 11, 26, 16, 59, tzinfo=dt.UTC))
    book = DossierBook(tmp_path / "d.sqlite", UNIT, LocalTime("Asia/Ho_Chi_Minh", clock))
    assert [book.allocate().code for _ in range(2)] == [
        f"{UNIT}-261126-0001",
        f"{UNIT}-261126-0002",
    ]
    book.mark(f"{UNIT}-261126-0002", "not_stored")
    book.close()
    book = DossierBook(tmp_path / "d.sqlite", UNIT, LocalTime("Asia/Ho_Chi_Minh", clock))
    assert book.allocate().code == f"{UNIT}-261126-0003"  # a refused code is never given again
    clock.at += dt.timedelta(minutes=1)
    assert book.allocate().code == f"{UNIT}-261127-0001"
    assert book.state_of(f"{UNIT}-261126-0002") == "not_stored"
    book.close()


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    return CatalogueStore.open(load_config().catalogue, tmp_path_factory.mktemp("cat")).current


def test_every_form_belongs_to_a_procedure_the_kiosk_may_take(catalogue) -> None:
    forms = FormLibrary()
    assert {"1.001193", "1.000656", "1.004873"} <= set(forms.codes())
    for code in forms.codes():
        procedure = catalogue.by_code[code]
        assert accepts_hand_in(procedure)
        form = forms.get(code)
        steps = papers_to_scan(procedure, form)
        # every rule in the form file matches a paper of the record
        record = [paper.name for case in procedure.papers for paper in case.papers]
        for rule in form.papers:
            assert any(name.startswith(rule.matches) for name in record), rule.matches
        assert not any(step.name.lower().startswith("tờ khai") for step in steps)
        # every condition can come true: it names a choice the field offers
        conditions = [c for f in form.fields for c in [*f.ask_if, f.prefill_if] if c]
        for condition in conditions + [r.skip_if for r in form.papers if r.skip_if]:
            offered = {choice.value for choice in form.field(condition.field).choices}
            assert set(condition.values) <= offered, condition


def test_the_declarants_role_decides_the_papers(catalogue) -> None:
    procedure, form = catalogue.by_code["1.001193"], FormLibrary().get("1.001193")
    by_mother = [s.name for s in papers_to_scan(procedure, form, {"relationship": "Mẹ"})]
    assert not any(name.startswith("Văn bản ủy quyền") for name in by_mother)
    assert by_mother[0].startswith("Giấy chứng sinh")
    by_grandmother = papers_to_scan(procedure, form, {"relationship": "Ông, bà"})
    assert by_grandmother[0].name.startswith("Văn bản ủy quyền")
    marital = catalogue.by_code["1.004873"]
    assert papers_to_scan(marital, FormLibrary().get("1.004873")) == []  # one applies for oneself


def test_shared_choice_lists() -> None:
    form = FormLibrary().get("1.001193")
    ethnic = [c.value for c in form.field("child_ethnicity").choices]
    assert len(ethnic) == len(set(ethnic)) == 54 and ethnic[0] == "Kinh"
    assert form.field("child_nationality").choices[0].value == "Việt Nam"


def test_birth_registration_papers_and_what_may_be_missing(catalogue) -> None:
    procedure = catalogue.by_code["1.001193"]
    steps = papers_to_scan(procedure, FormLibrary().get("1.001193"))
    names = [s.name for s in steps]
    assert names[0].startswith("Văn bản ủy quyền") and names[1].startswith("Giấy chứng sinh")
    assert all(s.may_lack and s.lack_note for s in steps)
    assert "người làm chứng" in steps[1].lack_note.vi


def test_answers_are_checked_and_tidied() -> None:
    form = FormLibrary().get("1.001193")
    today = dt.date(2026, 11, 27)
    birth = form.field("child_birth_date")
    assert clean_answer(birth, " 5/9/2026 ", today) == ("05/09/2026", None)
    # what a person types: eight digits, any separator, one-digit day and month
    for typed in ("15031991", "15/3/1991", "15 03 1991", "15-03-1991", "15.3.1991"):
        assert clean_answer(birth, typed, today) == ("15/03/1991", None), typed
    assert clean_answer(birth, "31/02/2026", today)[1] == "hand_in.form.error.date_day"
    assert clean_answer(birth, "15131991", today)[1] == "hand_in.form.error.date_month"
    assert clean_answer(birth, "15/03/0991", today)[1] == "hand_in.form.error.date_year"
    for typed in ("1503199", "15/03/91", "ngày 15", "150319911"):
        assert clean_answer(birth, typed, today)[1] == "hand_in.form.error.date", typed
    assert clean_answer(birth, "01/12/2026", today)[1] == "hand_in.form.error.future"
    assert clean_answer(form.field("child_name"), "  ", today)[1] == "hand_in.form.error.required"
    assert clean_answer(form.field("father_residence"), "", today) == ("", None)  # optional
    year = form.field("mother_birth_year")
    assert clean_answer(year, "1995", today) == ("1995", None)
    assert clean_answer(year, "95", today)[1] == "hand_in.form.error.year"
    sex = form.field("child_sex")
    assert clean_answer(sex, "Nữ", today) == ("Nữ", None)
    assert clean_answer(sex, "X", today)[1] == "hand_in.form.error.required"


def test_processing_times_the_calendar_can_count() -> None:
    assert allowed_time(ProcessingTime(same_day=True, text="Trong ngày")) == 0
    assert allowed_time(ProcessingTime(value=3, unit="working_days")) == 3
    assert allowed_time(ProcessingTime(value=4, unit="hours")) == WorkingHours(4)
    assert allowed_time(ProcessingTime(value=30, unit="days")) is None  # not working days
    assert allowed_time(ProcessingTime(text="5 (Cổng không ghi đơn vị thời gian)")) is None
    assert allowed_time(None) is None


def test_two_kiosks_of_one_centre_never_share_a_dossier_code(tmp_path: Path) -> None:
    clock = Clock(dt.datetime(2026, 11, 27, 2, tzinfo=dt.UTC))
    first = DossierBook(
        tmp_path / "1.sqlite", UNIT, LocalTime("Asia/Ho_Chi_Minh", clock), (1, 4999)
    )
    second = DossierBook(
        tmp_path / "2.sqlite", UNIT, LocalTime("Asia/Ho_Chi_Minh", clock), (5000, 9999)
    )
    codes = [first.allocate().code for _ in range(5)] + [second.allocate().code for _ in range(5)]
    assert len(set(codes)) == 10
    assert codes[5] == f"{UNIT}-261127-5000"


def test_follow_a_dossier_reads_the_code_from_a_printed_receipt_qr() -> None:
    from kiosk.dossiers.code import code_from_qr
    from kiosk.dossiers.receipt import Receipt

    receipt = Receipt(
        dossier_code=f"{UNIT}-261127-0042",
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        applicant_name="Nguyễn Thị Hường",
        applicant_id="001203012345",
        papers=(),
        fees=(),
        received_at=dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.UTC),
        appointment="03/12/2026",
        centre_name="Trung tâm",
        collect_at="Quầy 1",
        issuing_system=f"{UNIT} kiosk-01",
    )
    assert code_from_qr(receipt.qr_payload().encode()) == receipt.dossier_code
