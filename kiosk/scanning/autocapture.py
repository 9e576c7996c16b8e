"""Decides the moment to take the picture: the page has been found, nothing is wrong with it,
and it has stayed put for a moment. Then it waits for the next page: the page must leave (or
move well away) before another capture, so one page is never kept twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kiosk.scanning.quad import Quad
from kiosk.scanning.quality import QualityReport


@dataclass(frozen=True)
class SteadyState:
    progress: float  # 0‥1 of the steady time reached; the screen shows it filling up
    capture: bool  # take the picture now


class AutoCapture:
    def __init__(
        self,
        steady_seconds: float = 0.8,
        drift_fraction: float = 0.01,
        new_page_fraction: float = 0.06,
    ) -> None:
        self._steady_seconds = steady_seconds
        self._drift_fraction = drift_fraction  # of the frame diagonal, since steady began
        self._new_page_fraction = new_page_fraction
        self._anchor: Quad | None = None
        self._since: float | None = None
        self._taken: Quad | None = None  # the placement last captured

    def reset(self) -> None:
        """Forget the last capture too (e.g. after a retake is asked for)."""
        self._anchor = self._since = self._taken = None

    def update(
        self,
        quad: Quad | None,
        report: QualityReport,
        frame_size: tuple[int, int],
        timestamp: float,
    ) -> SteadyState:
        diagonal = float(np.hypot(*frame_size))
        if quad is None:
            self._taken = None  # the page left: the next one may be captured
            self._anchor = self._since = None
            return SteadyState(0.0, False)
        if self._taken is not None:
            if quad.max_shift(self._taken) < self._new_page_fraction * diagonal:
                return SteadyState(0.0, False)
            self._taken = None
        if not report.ok:
            self._anchor = self._since = None
            return SteadyState(0.0, False)
        if (
            self._anchor is None
            or self._since is None
            or quad.max_shift(self._anchor) > self._drift_fraction * diagonal
        ):
            self._anchor, self._since = quad, timestamp
        progress = min(1.0, (timestamp - self._since) / self._steady_seconds)
        if progress >= 1.0:
            self._taken = quad
            self._anchor = self._since = None
            return SteadyState(1.0, True)
        return SteadyState(progress, False)

    def captured_manually(self, quad: Quad | None) -> None:
        """A capture from the button counts too: do not take the same page again."""
        self._taken = quad
        self._anchor = self._since = None
