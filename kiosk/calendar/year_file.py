"""Per-year calendar files (`config/calendar/<year>.toml`): the days off and make-up working days
the Government announces each year on top of the statutory holidays, each citing its source.

A make-up working day (e.g. a Saturday worked to bridge a holiday) is a working day whatever the
weekday or the statute say; an announced day off is a day off. Later folders win date by date, so
a site folder can correct the bundled files without editing them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

_YEAR_FILE = re.compile(r"^(\d{4})\.toml$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DayName(_Strict):
    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)


class ScheduleEntry(_Strict):
    date: date
    name: DayName
    source: str = Field(min_length=1, description="The document that announced this day")


class YearSchedule(_Strict):
    year: int = Field(ge=2000, le=2100)
    days_off: list[ScheduleEntry] = []
    working_days: list[ScheduleEntry] = []

    @model_validator(mode="after")
    def _consistent(self) -> YearSchedule:
        seen: set[date] = set()
        for entry in [*self.days_off, *self.working_days]:
            if entry.date.year != self.year:
                raise ValueError(f"{entry.date.isoformat()} is not in {self.year}")
            if entry.date in seen:
                raise ValueError(f"{entry.date.isoformat()} is listed more than once")
            seen.add(entry.date)
        return self


@dataclass(frozen=True)
class AnnouncedDay:
    """One announced day: a day off (`working` false) or a make-up working day."""

    day: date
    working: bool
    name_vi: str
    name_en: str
    source: str


class CalendarDataError(Exception):
    """One line per problem: `file: key: what is wrong`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_year_file(path: Path) -> YearSchedule:
    match = _YEAR_FILE.match(path.name)
    if not match:
        raise CalendarDataError([f"{path}: the file name must be the year, e.g. 2026.toml"])
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarDataError([f"{path}: not valid TOML: {exc}"]) from exc
    try:
        schedule = YearSchedule.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(part) for part in err["loc"]) or "(file)"
            problems.append(f"{path}: {key}: {err['msg']}")
        raise CalendarDataError(problems) from exc
    if schedule.year != int(match.group(1)):
        raise CalendarDataError(
            [f"{path}: year: says {schedule.year} but the file is named {path.name}"]
        )
    return schedule


def load_announced_days(folders: Iterable[Path]) -> dict[date, AnnouncedDay]:
    """Every announced day in the year files of `folders` (missing folders are skipped).

    All files are read before failing so a technician sees every problem at once.
    """
    announced: dict[date, AnnouncedDay] = {}
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                schedule = read_year_file(path)
            except CalendarDataError as exc:
                problems.extend(exc.problems)
                continue
            for working, entries in ((False, schedule.days_off), (True, schedule.working_days)):
                for entry in entries:
                    announced[entry.date] = AnnouncedDay(
                        entry.date, working, entry.name.vi, entry.name.en, entry.source
                    )
    if problems:
        raise CalendarDataError(problems)
    return announced
