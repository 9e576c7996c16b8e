"""Calendar fixtures: the project's own year files and the default `[calendar]` settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.calendar.appointment import AppointmentRules
from kiosk.calendar.config import CalendarSettings
from kiosk.calendar.loader import load_appointment_rules, load_working_calendar
from kiosk.calendar.working_days import WorkingCalendar
from kiosk.paths import config_dir


@pytest.fixture
def bundled_folder() -> Path:
    return config_dir() / "calendar"


@pytest.fixture
def calendar(bundled_folder: Path) -> WorkingCalendar:
    return load_working_calendar(CalendarSettings(), [bundled_folder])


@pytest.fixture
def rules(bundled_folder: Path) -> AppointmentRules:
    return load_appointment_rules(CalendarSettings(), folders=[bundled_folder])
