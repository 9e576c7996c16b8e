"""Which days the service centre works: weekly days off, Vietnam's statutory holidays (Tết and
the Hùng Kings' day by the lunar calendar, days off in lieu) and each year's announced swaps.

The statutory part comes from the `holidays` package; it knows the days off in lieu but not the
make-up working Saturdays the Government announces, which the per-year files supply.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

import holidays

from kiosk.calendar.year_file import AnnouncedDay

log = logging.getLogger(__name__)

# Far more than any real run of days off (Tết with weekends is nine days); reaching it means the
# configuration closes the centre for good, which must fail loudly rather than loop.
_LONGEST_CLOSURE_DAYS = 60


@dataclass(frozen=True)
class DayInfo:
    day: date
    working: bool
    name_vi: str = ""
    name_en: str = ""
    source: str = ""


class NoWorkingDayError(RuntimeError):
    """The calendar has no working day in a long stretch: the configuration is wrong."""


def _named_in(language: str) -> holidays.HolidayBase | None:
    try:
        return holidays.country_holidays("VN", language=language)
    except FileNotFoundError:
        log.warning("holiday names in %s are not bundled; falling back", language)
        return None


class WorkingCalendar:
    def __init__(
        self,
        weekly_days_off: frozenset[int] = frozenset({5, 6}),
        announced: Mapping[date, AnnouncedDay] | None = None,
    ) -> None:
        self._weekly_days_off = weekly_days_off
        self._announced = dict(announced or {})
        # Without its translation files (a frozen build that lacks them) the package still knows
        # the days, named as its source names them: the decision never depends on the files.
        named = _named_in("vi")
        self._statutory_vi = named if named is not None else holidays.country_holidays("VN")

    @cached_property
    def _statutory_en(self) -> holidays.HolidayBase | None:
        return _named_in("en_US")

    def is_working_day(self, day: date) -> bool:
        announced = self._announced.get(day)
        if announced is not None:
            return announced.working
        return day not in self._statutory_vi and day.weekday() not in self._weekly_days_off

    def describe(self, day: date) -> DayInfo:
        """Why `day` is (not) a working day, in words for a technician's calendar view."""
        announced = self._announced.get(day)
        if announced is not None:
            return DayInfo(
                day, announced.working, announced.name_vi, announced.name_en, announced.source
            )
        if day in self._statutory_vi:
            return DayInfo(
                day,
                False,
                self._statutory_vi[day],
                self._statutory_en[day]
                if self._statutory_en is not None
                else self._statutory_vi[day],
                "Bộ luật Lao động 2019, Điều 111 và 112",
            )
        if day.weekday() in self._weekly_days_off:
            return DayInfo(day, False, "Ngày nghỉ hằng tuần", "Weekly day off")
        return DayInfo(day, True)

    def days_off(self, start: date, end: date) -> list[DayInfo]:
        """Every day that is not a working day, `start` to `end` inclusive."""
        days = (start + timedelta(days=n) for n in range((end - start).days + 1))
        return [self.describe(day) for day in days if not self.is_working_day(day)]

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        for offset in range(1, _LONGEST_CLOSURE_DAYS + 1):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise NoWorkingDayError(f"no working day in the {_LONGEST_CLOSURE_DAYS} days after {day}")

    def first_working_day_from(self, day: date) -> date:
        """`day` itself when it is a working day, else the next one."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`-th working day after `day` (`day` itself is not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        for _ in range(count):
            day = self.next_working_day(day)
        return day
