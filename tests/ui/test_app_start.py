"""The `kiosk` command as a process: it paints the home screen, then loads the journeys in the
background, without an error in its log."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from kiosk.paths import resource_dir


def test_the_kiosk_starts_and_loads_its_journeys(tmp_path: Path) -> None:
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_HOME=str(tmp_path), KIOSK_STARTUP_PROBE="1"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.main", "--windowed"],
        cwd=resource_dir(),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = tmp_path / "logs" / "kiosk.log"
    try:
        assert proc.stdout.readline().startswith("KIOSK_PAINTED")
        deadline = time.monotonic() + 30
        while "journeys ready" not in (log.read_text() if log.exists() else ""):
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the journeys did not load"
            time.sleep(0.1)
    finally:
        proc.kill()
        proc.wait()
    text = log.read_text()
    assert "hand_in" in text and "take_number" in text
    assert " ERROR " not in text and " CRITICAL " not in text, text
