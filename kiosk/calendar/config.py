"""Working-day calendar settings as the configuration file states them (section `[calendar]`).

The statutory holidays and each year's announced swaps live in data files (`config/calendar/`);
these settings only hold what differs between centres: the weekly days off, the office hours
used for times given in working hours, and the local rule for dossiers received late in the day.
"""

from __future__ import annotations

from datetime import time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[Weekday, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


class CalendarSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    weekly_days_off: list[Weekday] = ["saturday", "sunday"]
    # Office hours as [start, end] pairs, e.g. [["07:30", "11:30"], ["13:00", "17:00"]].
    working_hours: list[tuple[time, time]] = Field(
        default=[(time(7, 30), time(11, 30)), (time(13, 0), time(17, 0))], min_length=1
    )
    # Dossiers received at or after this time count as received on the next working day.
    late_receipt_rule: bool = True
    late_receipt_after: time = time(15, 0)

    @field_validator("weekly_days_off")
    @classmethod
    def _some_working_day(cls, days: list[Weekday]) -> list[Weekday]:
        if len(set(days)) >= len(WEEKDAYS):
            raise ValueError("at least one day of the week must be a working day")
        return days

    @field_validator("working_hours")
    @classmethod
    def _ordered_periods(cls, periods: list[tuple[time, time]]) -> list[tuple[time, time]]:
        previous_end = time.min
        for start, end in periods:
            if start >= end:
                raise ValueError(f"period {start:%H:%M}–{end:%H:%M} must start before it ends")
            if start < previous_end:
                raise ValueError("periods must be in order of the day and must not overlap")
            previous_end = end
        return periods

    @model_validator(mode="after")
    def _cutoff_inside_day(self) -> CalendarSettings:
        if self.late_receipt_rule and self.late_receipt_after <= self.working_hours[0][0]:
            raise ValueError("late_receipt_after must be later than the start of the working day")
        return self

    @property
    def weekly_days_off_numbers(self) -> frozenset[int]:
        """Weekday numbers as `date.weekday()` gives them (Monday = 0)."""
        return frozenset(WEEKDAYS.index(day) for day in self.weekly_days_off)
