"""A second start on the same data folder brings the running kiosk's window forward."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QWindow

from ui.come_forward import ComeForwardListener

REPO = Path(__file__).resolve().parents[2]


def test_a_second_start_asks_the_running_kiosk_to_come_forward(qtbot, tmp_path: Path) -> None:
    window = QWindow()
    listener = ComeForwardListener(tmp_path, window)
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from ui.come_forward import "
            "ask_running_kiosk_forward as ask; print(ask(Path(sys.argv[1])))",
            str(tmp_path),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: listener.requests == 1, timeout=20_000)
    out, _ = second.communicate(timeout=20)

    assert out.strip() == "True"
    assert window.isVisible()


def test_with_no_kiosk_running_the_request_simply_fails(qtbot, tmp_path: Path) -> None:
    from ui.come_forward import ask_running_kiosk_forward

    assert ask_running_kiosk_forward(tmp_path / "elsewhere", timeout_ms=300) is False
