"""The person who taps the kiosk is the shared `driver` (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def person(driver):
    return driver
