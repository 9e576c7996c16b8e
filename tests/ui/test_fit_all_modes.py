"""Every screen of every tour fits in all eight modes (vi/en × normal/large text × normal/high
contrast): no clipped or overlapping text, no button covered or outside the window, no text the
colour of what it sits on. One window visits them all through the screenshot tours; a screen that
does not fit is saved as a PNG beside the test's files for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.fit_check import check_window
from devtools.screenshots import MODES, visit_all


@pytest.mark.slow  # eight passes over every tour: about 20 s of CPU a mode
@pytest.mark.timeout(900)  # about 5 min on two shared cores
def test_every_screen_fits_in_every_mode(kiosk_ui, qapp, tmp_path: Path) -> None:
    misfits: list[str] = []
    visited: set[tuple[str, str]] = set()

    def check(mode, name: str) -> None:
        visited.add((mode.name, name))
        problems = check_window(kiosk_ui.window)
        if problems:
            picture = tmp_path / f"{mode.name}-{name}.png"
            kiosk_ui.window.grabWindow().save(str(picture))
            misfits.extend(f"{mode.name}-{name}: {p} (see {picture})" for p in problems)

    visit_all(kiosk_ui, qapp, MODES, check)

    assert len({mode for mode, _ in visited}) == 8
    assert {name for _, name in visited} >= {
        "home",
        "technician-2-status",
        "hand-in-1-procedure",
        "hand-in-8-check-sending",
        "hand-in-8-failed",
        "hand-in-9-receipt-not-printed",
        "help-2-guide",  # the last tour
    }
    assert not misfits, "\n".join(misfits)
