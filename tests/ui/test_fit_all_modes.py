"""Every screen of every tour fits in all eight modes (vi/en × normal/large text × normal/high
contrast): no clipped or overlapping text, no button covered or outside the window, no text the
colour of what it sits on. One window visits them all through the screenshot tours."""

from __future__ import annotations

import pytest

from devtools.fit_check import check_window
from devtools.screenshots import MODES, visit_all


@pytest.mark.slow  # eight passes over every tour: about 20 s of CPU a mode
@pytest.mark.timeout(900)  # about 5 min on two shared cores
@pytest.mark.xfail(
    strict=False,
    reason="issue 10: en-large hand-in tile subtitle (needs 38 px in 29) fails when this runs"
    " alone, not in the suite's worker; the check screen is sometimes caught mid-change",
)
def test_every_screen_fits_in_every_mode(kiosk_ui, qapp) -> None:
    misfits: list[str] = []
    visited: set[tuple[str, str]] = set()

    def check(mode, name: str) -> None:
        visited.add((mode.name, name))
        misfits.extend(f"{mode.name}-{name}: {p}" for p in check_window(kiosk_ui.window))

    visit_all(kiosk_ui, qapp, MODES, check)

    assert len({mode for mode, _ in visited}) == 8
    assert {name for _, name in visited} >= {"home", "technician-2-status", "hand-in-8-check"}
    assert not misfits, "\n".join(misfits)
