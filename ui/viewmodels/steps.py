"""The steps other journeys run (identity, scan): one view-model of each per kiosk window, built
before the journeys and handed to those that run them, so the screens (`identity` and `scan` in
QML) and every journey share the same instance."""

from __future__ import annotations

from dataclasses import dataclass

from ui.viewmodels.identity import IdentityViewModel
from ui.viewmodels.scan import ScanViewModel


@dataclass(frozen=True)
class StepViewModels:
    identity: IdentityViewModel
    scan: ScanViewModel
