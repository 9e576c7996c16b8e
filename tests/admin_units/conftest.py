"""One AdminUnits service for the whole module: reading 3,321 rows once is enough."""

from __future__ import annotations

import pytest

from kiosk.admin_units.units import AdminUnits


@pytest.fixture(scope="module")
def units() -> AdminUnits:
    return AdminUnits.load()
