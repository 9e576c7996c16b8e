"""Appointment dates: N working days or hours from receipt, in the centre's local time, with the
late-receipt rule, Tết, make-up Saturdays and the turn of the year."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from kiosk.calendar.appointment import AppointmentRules, WorkingHours
from kiosk.calendar.config import CalendarSettings
from kiosk.calendar.loader import load_appointment_rules

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(text: str) -> datetime:
    """A local time in Vietnam, written `2026-03-02 10:00`."""
    return datetime.fromisoformat(text).replace(tzinfo=VN)


def due(rules: AppointmentRules, received: str, allowed: int | WorkingHours) -> str:
    return rules.appointment_date(at(received), allowed).display()


def test_day_of_receipt_is_not_counted(rules: AppointmentRules) -> None:
    assert due(rules, "2026-03-02 09:00", 1) == "03/03/2026"  # Monday → Tuesday
    assert due(rules, "2026-03-02 09:00", 5) == "09/03/2026"  # skips the weekend
    assert due(rules, "2026-03-02 09:00", 0) == "02/03/2026"  # same day


@pytest.mark.parametrize(
    ("received", "counted_from", "expected"),
    [
        ("2026-03-02 14:59", "2026-03-02", "03/03/2026"),
        ("2026-03-02 15:00", "2026-03-03", "04/03/2026"),
        ("2026-03-06 16:30", "2026-03-09", "10/03/2026"),  # Friday afternoon → Monday
        ("2026-03-07 09:00", "2026-03-09", "10/03/2026"),  # handed in on a Saturday
        ("2026-03-02 06:15", "2026-03-02", "03/03/2026"),  # before opening: that day
    ],
)
def test_late_receipts_count_from_the_next_working_day(
    rules: AppointmentRules, received: str, counted_from: str, expected: str
) -> None:
    appointment = rules.appointment_date(at(received), 1)
    assert appointment.counted_from == date.fromisoformat(counted_from)
    assert appointment.display() == expected


def test_late_rule_can_be_switched_off_or_moved(bundled_folder) -> None:
    off = load_appointment_rules(
        CalendarSettings(late_receipt_rule=False), folders=[bundled_folder]
    )
    assert due(off, "2026-03-02 16:00", 1) == "03/03/2026"
    assert due(off, "2026-03-02 17:30", 1) == "04/03/2026"  # after closing still counts tomorrow
    later = load_appointment_rules(
        CalendarSettings(late_receipt_after=time(16, 0)), folders=[bundled_folder]
    )
    assert due(later, "2026-03-02 15:30", 1) == "03/03/2026"
    assert due(later, "2026-03-02 16:00", 1) == "04/03/2026"


def test_time_is_taken_in_vietnam_not_utc(rules: AppointmentRules) -> None:
    # 08:30 UTC is 15:30 in Hà Nội: late, so counted from Tuesday.
    appointment = rules.appointment_date(datetime(2026, 3, 2, 8, 30, tzinfo=UTC), 1)
    assert appointment.received_at == at("2026-03-02 15:30")
    assert appointment.counted_from == date(2026, 3, 3)
    # 20:00 UTC on Sunday is already Monday 03:00 in Hà Nội.
    monday = rules.appointment_date(datetime(2026, 3, 1, 20, 0, tzinfo=UTC), 1)
    assert monday.counted_from == date(2026, 3, 2)


def test_naive_times_are_refused(rules: AppointmentRules) -> None:
    with pytest.raises(ValueError, match="timezone"):
        rules.appointment_date(datetime(2026, 3, 2, 9, 0), 1)


@pytest.mark.parametrize("allowed", [-1, True, 1.5])
def test_processing_time_must_be_whole_working_days(rules: AppointmentRules, allowed) -> None:
    with pytest.raises(ValueError, match="working days"):
        rules.appointment_date(at("2026-03-02 09:00"), allowed)


def test_working_hours_must_be_positive() -> None:
    with pytest.raises(ValueError):
        WorkingHours(0)


@pytest.mark.parametrize(
    ("received", "allowed", "expected"),
    [
        ("2025-01-24 10:00", 1, "03/02/2025"),  # Friday before Tết Ất Tỵ → first day back
        ("2025-01-24 10:00", 3, "05/02/2025"),
        ("2026-02-13 10:00", 1, "23/02/2026"),  # Friday before Tết Bính Ngọ
        ("2026-02-13 15:30", 1, "24/02/2026"),  # …handed in late that Friday
        ("2026-02-18 09:00", 1, "24/02/2026"),  # handed in online on mùng 2 Tết
        ("2026-02-12 10:00", 2, "23/02/2026"),
    ],
)
def test_tet(rules: AppointmentRules, received: str, allowed: int, expected: str) -> None:
    assert due(rules, received, allowed) == expected


@pytest.mark.parametrize(
    ("received", "allowed", "expected"),
    [
        ("2025-12-31 10:00", 1, "05/01/2026"),  # 1/1 holiday, 2/1 swapped off, weekend
        ("2025-12-31 10:00", 2, "06/01/2026"),
        ("2025-12-30 15:10", 1, "05/01/2026"),  # late on the 30th counts from the 31st
        ("2026-01-09 10:00", 1, "10/01/2026"),  # Saturday 10/1 is a make-up working day
        ("2025-04-25 10:00", 1, "26/04/2025"),  # Saturday 26/4/2025 likewise
        ("2025-04-29 10:00", 1, "05/05/2025"),  # 30/4 – 4/5/2025 closed
        ("2026-08-21 10:00", 2, "24/08/2026"),  # make-up Saturday 22/8 counts
        ("2026-08-28 10:00", 1, "03/09/2026"),  # 29/8 – 2/9/2026 closed
    ],
)
def test_year_boundary_and_swapped_days(
    rules: AppointmentRules, received: str, allowed: int, expected: str
) -> None:
    assert due(rules, received, allowed) == expected


@pytest.mark.parametrize(
    ("received", "hours", "expected"),
    [
        ("2026-03-02 10:00", 4, "15:30 02/03/2026"),  # 1.5 h before lunch, 2.5 h after
        ("2026-03-02 07:30", 4, "11:30 02/03/2026"),  # ends exactly at lunch
        ("2026-03-02 06:00", 1, "08:30 02/03/2026"),  # before opening
        ("2026-03-02 11:45", 2, "15:00 02/03/2026"),  # handed in over lunch
        ("2026-03-02 14:00", 8, "14:00 03/03/2026"),  # a whole working day later
        ("2026-03-02 15:30", 2, "09:30 03/03/2026"),  # late: from opening next day
        ("2026-02-13 14:00", 4, "08:30 23/02/2026"),  # 3 h on Friday, 1 h after Tết
        ("2026-03-02 10:00", 0.5, "10:30 02/03/2026"),
    ],
)
def test_processing_time_in_working_hours(
    rules: AppointmentRules, received: str, hours: float, expected: str
) -> None:
    appointment = rules.appointment_date(at(received), WorkingHours(hours))
    assert appointment.display() == expected
    assert appointment.time is not None


def test_working_hours_follow_the_configured_office_hours(bundled_folder) -> None:
    settings = CalendarSettings(
        working_hours=[(time(8, 0), time(12, 0)), (time(13, 30), time(17, 30))],
        late_receipt_rule=False,
    )
    rules = load_appointment_rules(settings, folders=[bundled_folder])
    assert due(rules, "2026-03-02 11:00", WorkingHours(2)) == "14:30 02/03/2026"
    assert due(rules, "2026-03-02 17:00", WorkingHours(1)) == "08:30 03/03/2026"
