"""The appointment on a receipt: when the result is due, given when the dossier was received and
the processing time allowed (N working days, or N working hours).

All times are the centre's local time (Asia/Ho_Chi_Minh, UTC+7): a dossier handed in at 08:00 on
a Monday is 01:00 UTC, and counting in UTC would put it on the wrong day near midnight.

Counting follows the Civil Code (2015, Art. 147): the day of receipt is not counted, so one working
day from a Monday is the Tuesday. A dossier received on a day off, or at/after the late-receipt
time (a local rule; 15:00 is common, as in the Civil Status Law's same-day procedures), counts as
received on the next working day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.calendar.config import CalendarSettings
from kiosk.calendar.working_days import WorkingCalendar

CENTRE_TIMEZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class WorkingHours:
    """A processing time given in working hours (e.g. certification "within 4 working hours")."""

    hours: float

    def __post_init__(self) -> None:
        if not self.hours > 0:
            raise ValueError("working hours must be more than zero")


@dataclass(frozen=True)
class Appointment:
    received_at: datetime  # local time
    counted_from: date  # the working day the dossier counts as received on
    day: date  # the day the result is due
    time: time | None  # the hour it is due, for times given in working hours

    def display(self) -> str:
        """`dd/mm/yyyy`, or `HH:MM dd/mm/yyyy` when due at an hour (dates as the receipt shows)."""
        if self.time is None:
            return f"{self.day:%d/%m/%Y}"
        return f"{self.time:%H:%M} {self.day:%d/%m/%Y}"


class AppointmentRules:
    def __init__(
        self,
        calendar: WorkingCalendar,
        settings: CalendarSettings,
        timezone: str = CENTRE_TIMEZONE,
    ) -> None:
        self._calendar = calendar
        self._settings = settings
        self._zone = ZoneInfo(timezone)

    def appointment_date(self, received_at: datetime, allowed: int | WorkingHours) -> Appointment:
        """Due date for a dossier received at `received_at` (timezone-aware) with `allowed`
        working days (an int, 0 = the same working day) or `WorkingHours`."""
        if received_at.tzinfo is None:
            raise ValueError("received_at must carry its timezone (a naive time is ambiguous)")
        local = received_at.astimezone(self._zone)
        counted_from = self._counted_from(local)
        if isinstance(allowed, WorkingHours):
            start = local if counted_from == local.date() else self._opening(counted_from)
            due = self._add_working_hours(start, allowed.hours)
            return Appointment(local, counted_from, due.date(), due.time())
        if isinstance(allowed, bool) or not isinstance(allowed, int) or allowed < 0:
            raise ValueError("allowed must be a whole number of working days (0 or more)")
        due_day = self._calendar.add_working_days(counted_from, allowed)
        return Appointment(local, counted_from, due_day, None)

    def _counted_from(self, local: datetime) -> date:
        day = local.date()
        if not self._calendar.is_working_day(day):
            return self._calendar.next_working_day(day)
        late = (
            self._settings.late_receipt_rule and local.time() >= self._settings.late_receipt_after
        )
        closed = local.time() >= self._settings.working_hours[-1][1]
        if late or closed:
            return self._calendar.next_working_day(day)
        return day

    def _opening(self, day: date) -> datetime:
        return datetime.combine(day, self._settings.working_hours[0][0], self._zone)

    def _add_working_hours(self, start: datetime, hours: float) -> datetime:
        """Walks the office periods from `start` until `hours` of working time have passed."""
        remaining = timedelta(hours=hours)
        day = start.date()
        moment = start
        while True:
            for period_start, period_end in self._settings.working_hours:
                begin = max(moment, datetime.combine(day, period_start, self._zone))
                end = datetime.combine(day, period_end, self._zone)
                if begin >= end:
                    continue
                if end - begin >= remaining:
                    return begin + remaining
                remaining -= end - begin
            day = self._calendar.next_working_day(day)
            moment = datetime.combine(day, time.min, self._zone)
