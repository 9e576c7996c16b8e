"""Builds the calendar service from the settings and the per-year files: the bundled ones in
`config/calendar/` first, then the province's (from its configuration bundle), then the site's
own `calendar/` folder, which wins date by date."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kiosk.calendar.appointment import CENTRE_TIMEZONE, AppointmentRules
from kiosk.calendar.config import CalendarSettings
from kiosk.calendar.working_days import WorkingCalendar
from kiosk.calendar.year_file import load_announced_days
from kiosk.config import central_dir
from kiosk.paths import config_dir, site_config_dir


def calendar_folders(central: Path | None = None) -> list[Path]:
    """Bundled years, then the province's (the active configuration bundle, or `central`),
    then the site's own: later folders win date by date."""
    central = central or central_dir()
    return [config_dir() / "calendar", central / "calendar", site_config_dir() / "calendar"]


def load_working_calendar(
    settings: CalendarSettings, folders: Sequence[Path] | None = None
) -> WorkingCalendar:
    """Raises `CalendarDataError` naming every bad file and key."""
    announced = load_announced_days(calendar_folders() if folders is None else folders)
    return WorkingCalendar(settings.weekly_days_off_numbers, announced)


def load_appointment_rules(
    settings: CalendarSettings,
    timezone: str = CENTRE_TIMEZONE,
    folders: Sequence[Path] | None = None,
) -> AppointmentRules:
    return AppointmentRules(load_working_calendar(settings, folders), settings, timezone)
