"""The calendar against the official 2025 and 2026 schedules for civil servants: every day off
and every make-up working day, plus the lunar holidays of a year with no announcement yet."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from kiosk.calendar.working_days import WorkingCalendar


def _d(text: str) -> date:
    return date.fromisoformat(text)


def _dates(text: str) -> set[date]:
    return {_d(word) for word in text.split()}


# Weekdays off and make-up working days as announced: 2025 by Công văn 8726/VPCP-KGVX
# (26/11/2024) and the Hùng Kings' day; 2026 by Thông báo 9441/TB-BNV (16/10/2025) and Công văn
# 12729/VPCP-KGVX (25/12/2025). 24/11/2026 (Ngày Văn hóa Việt Nam) as the holiday tables list it.
OFFICIAL = {
    2025: {
        "weekdays_off": """2025-01-01
            2025-01-27 2025-01-28 2025-01-29 2025-01-30 2025-01-31
            2025-04-07
            2025-04-30 2025-05-01 2025-05-02
            2025-09-01 2025-09-02""",
        "make_up_days": "2025-04-26",
        "breaks": [  # first and last day of each run of days off, weekends included
            ("2025-01-25", "2025-02-02"),
            ("2025-04-05", "2025-04-07"),
            ("2025-04-30", "2025-05-04"),
            ("2025-08-30", "2025-09-02"),
        ],
    },
    2026: {
        "weekdays_off": """2026-01-01 2026-01-02
            2026-02-16 2026-02-17 2026-02-18 2026-02-19 2026-02-20
            2026-04-27
            2026-04-30 2026-05-01
            2026-08-31 2026-09-01 2026-09-02
            2026-11-24""",
        "make_up_days": "2026-01-10 2026-08-22",
        "breaks": [
            ("2026-01-01", "2026-01-04"),
            ("2026-02-14", "2026-02-22"),
            ("2026-04-25", "2026-04-27"),
            ("2026-04-30", "2026-05-03"),
            ("2026-08-29", "2026-09-02"),
        ],
    },
}


def _days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days)]


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_every_day_of_the_year_matches_the_official_schedule(
    calendar: WorkingCalendar, year: int
) -> None:
    official = OFFICIAL[year]
    weekdays_off = _dates(official["weekdays_off"])
    make_up = _dates(official["make_up_days"])
    wrong = []
    for day in _days_of(year):
        expected_off = (day.weekday() >= 5 and day not in make_up) or day in weekdays_off
        if calendar.is_working_day(day) == expected_off:
            wrong.append(f"{day:%a %d/%m/%Y}: expected {'off' if expected_off else 'working'}")
    assert wrong == []


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_each_announced_break_is_one_unbroken_run(calendar: WorkingCalendar, year: int) -> None:
    for first, last in OFFICIAL[year]["breaks"]:
        start, end = _d(first), _d(last)
        assert calendar.is_working_day(start - timedelta(days=1)), f"day before {first}"
        assert calendar.is_working_day(end + timedelta(days=1)), f"day after {last}"
        assert [d.day for d in calendar.days_off(start, end)] == [
            start + timedelta(days=n) for n in range((end - start).days + 1)
        ]


def test_make_up_saturdays_are_what_the_holiday_tables_lack() -> None:
    """Without the year files the `holidays` tables alone get these days wrong: the reason the
    files exist (if this fails, the package learnt them and the files are belt and braces)."""
    bare = WorkingCalendar()
    assert not bare.is_working_day(_d("2025-04-26"))
    assert not bare.is_working_day(_d("2026-01-10"))
    assert not bare.is_working_day(_d("2026-08-22"))
    assert bare.is_working_day(_d("2026-01-02"))


def test_announced_days_say_why_and_cite_their_source(calendar: WorkingCalendar) -> None:
    make_up = calendar.describe(_d("2025-04-26"))
    assert make_up.working
    assert "8726/VPCP-KGVX" in make_up.source
    assert "2/5/2025" in make_up.name_vi
    swapped = calendar.describe(_d("2026-01-02"))
    assert not swapped.working
    assert "12729/VPCP-KGVX" in swapped.source


def test_statutory_days_are_named_in_both_languages(calendar: WorkingCalendar) -> None:
    tet = calendar.describe(_d("2026-02-17"))
    assert (tet.working, tet.name_vi, tet.name_en) == (False, "Tết Nguyên Đán", "Lunar New Year")
    assert "Bộ luật Lao động" in tet.source
    weekend = calendar.describe(_d("2026-03-07"))
    assert (weekend.working, weekend.name_vi) == (False, "Ngày nghỉ hằng tuần")
    assert calendar.describe(_d("2026-03-09")).working


@pytest.mark.parametrize(
    ("lunar_new_year", "hung_kings"),
    [
        ("2025-01-29", "2025-04-07"),
        ("2026-02-17", "2026-04-26"),
        ("2027-02-06", "2027-04-16"),
        ("2028-01-26", "2028-04-04"),
    ],
)
def test_tet_and_hung_kings_day_follow_the_lunar_calendar(
    calendar: WorkingCalendar, lunar_new_year: str, hung_kings: str
) -> None:
    assert calendar.describe(_d(lunar_new_year)).name_en == "Lunar New Year"
    assert calendar.describe(_d(hung_kings)).name_en == "Hung Kings' Commemoration Day"


def test_a_year_without_announcements_still_closes_for_tet(calendar: WorkingCalendar) -> None:
    # Tết 2027 (Đinh Mùi) is Saturday 6 February: eve and days 1-4 plus days in lieu.
    assert [d.day for d in calendar.days_off(_d("2027-02-04"), _d("2027-02-10"))] == [
        _d("2027-02-04") + timedelta(days=n) for n in range(7)
    ]
    assert calendar.is_working_day(_d("2027-02-11"))


def test_without_the_translation_files_the_days_are_still_known(monkeypatch) -> None:
    """A frozen build may lack the package's .mo files: the days off must not depend on them."""
    original = holidays.country_holidays

    def untranslated(country: str, **kwargs):
        if kwargs.get("language"):
            raise FileNotFoundError("No translation file found for domain: 'VN'")
        return original(country, **kwargs)

    monkeypatch.setattr(holidays, "country_holidays", untranslated)
    calendar = WorkingCalendar()
    assert not calendar.is_working_day(_d("2026-02-17"))
    tet = calendar.describe(_d("2026-02-17"))
    assert tet.name_vi and tet.name_en == tet.name_vi
