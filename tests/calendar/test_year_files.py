"""Per-year files and `[calendar]` settings: bad data is rejected naming the file and the key, and a
site's own file corrects the bundled ones."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.calendar.config import WEEKDAYS, CalendarSettings
from kiosk.calendar.loader import load_working_calendar
from kiosk.calendar.year_file import CalendarDataError, load_announced_days, read_year_file

ENTRY = """
[[{table}]]
date = {day}
name = {{ vi = "Ngày thử", en = "Test day" }}
source = "Quyết định thử"
"""


def write_year(folder: Path, year: int, *entries: tuple[str, str], header: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = header or f"year = {year}\n"
    body += "".join(ENTRY.format(table=table, day=day) for table, day in entries)
    path = folder / f"{year}.toml"
    path.write_text(body, encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CalendarDataError) as caught:
        load_announced_days([folder])
    return caught.value.problems


def test_bundled_files_load_and_cite_a_source_for_every_day(bundled_folder: Path) -> None:
    announced = load_announced_days([bundled_folder])
    assert {day.year for day in announced} >= {2025, 2026}
    assert all(entry.source and entry.name_vi and entry.name_en for entry in announced.values())


def test_a_site_file_wins_over_the_bundled_one(tmp_path: Path, bundled_folder: Path) -> None:
    site = tmp_path / "site"
    write_year(site, 2026, ("working_days", "2026-11-24"), ("days_off", "2026-03-09"))
    calendar = load_working_calendar(CalendarSettings(), [bundled_folder, site])
    assert calendar.is_working_day(date(2026, 11, 24))
    assert not calendar.is_working_day(date(2026, 3, 9))
    assert calendar.describe(date(2026, 3, 9)).source == "Quyết định thử"
    assert not calendar.is_working_day(date(2026, 1, 2))  # the bundled entries still apply


def test_missing_folders_are_skipped(tmp_path: Path) -> None:
    assert load_announced_days([tmp_path / "nowhere"]) == {}


def test_a_date_outside_the_year_is_named(tmp_path: Path) -> None:
    write_year(tmp_path, 2026, ("days_off", "2027-01-04"))
    [problem] = problems_of(tmp_path)
    assert "2026.toml" in problem and "2027-01-04 is not in 2026" in problem


def test_a_day_listed_twice_is_named(tmp_path: Path) -> None:
    write_year(tmp_path, 2026, ("days_off", "2026-03-09"), ("working_days", "2026-03-09"))
    [problem] = problems_of(tmp_path)
    assert "2026-03-09 is listed more than once" in problem


def test_a_missing_source_names_the_entry(tmp_path: Path) -> None:
    (tmp_path / "2026.toml").write_text(
        'year = 2026\n[[days_off]]\ndate = 2026-03-09\nname = { vi = "a", en = "b" }\n',
        encoding="utf-8",
    )
    [problem] = problems_of(tmp_path)
    assert "days_off.0.source" in problem and "Field required" in problem


def test_a_bad_date_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "2026.toml").write_text(
        'year = 2026\n[[working_days]]\ndate = "31/02/2026"\n'
        'name = { vi = "a", en = "b" }\nsource = "x"\n',
        encoding="utf-8",
    )
    [problem] = problems_of(tmp_path)
    assert "working_days.0.date" in problem


def test_year_must_match_the_file_name(tmp_path: Path) -> None:
    path = write_year(tmp_path, 2026, header="year = 2025\n")
    with pytest.raises(
        CalendarDataError, match=re.escape("says 2025 but the file is named 2026.toml")
    ):
        read_year_file(path)


def test_every_broken_file_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "2025.toml").write_text("year = 2025\n[[days_off]\n", encoding="utf-8")
    (tmp_path / "notes.toml").write_text("year = 2026\n", encoding="utf-8")
    problems = problems_of(tmp_path)
    assert len(problems) == 2
    assert any("2025.toml: not valid TOML" in p for p in problems)
    assert any("notes.toml: the file name must be the year" in p for p in problems)


def test_settings_reject_overlapping_or_reversed_office_hours() -> None:
    with pytest.raises(ValidationError, match="must not overlap"):
        CalendarSettings(working_hours=[(time(7, 30), time(12, 0)), (time(11, 0), time(17, 0))])
    with pytest.raises(ValidationError, match="must start before it ends"):
        CalendarSettings(working_hours=[(time(17, 0), time(8, 0))])


def test_settings_need_a_working_weekday_and_a_sensible_cutoff() -> None:
    with pytest.raises(ValidationError, match="at least one day"):
        CalendarSettings(weekly_days_off=list(WEEKDAYS))
    with pytest.raises(ValidationError, match="late_receipt_after"):
        CalendarSettings(late_receipt_after=time(7, 0))


def test_settings_read_from_toml_strings() -> None:
    settings = CalendarSettings.model_validate(
        {
            "working_hours": [["08:00", "12:00"], ["13:30", "17:30"]],
            "late_receipt_after": "16:00",
            "weekly_days_off": ["sunday"],
        }
    )
    assert settings.working_hours[1] == (time(13, 30), time(17, 30))
    assert settings.late_receipt_after == time(16, 0)
    assert settings.weekly_days_off_numbers == frozenset({6})
