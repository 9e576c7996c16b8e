"""kill -9 while numbers are being taken: no number is ever handed out twice, and every number
a citizen saw is on record after the restart."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.paths import resource_dir

WORKER = Path(__file__).with_name("numbering_worker.py")


def test_numbers_survive_kill_9_without_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "tickets.sqlite"
    env = dict(os.environ, PYTHONPATH=str(resource_dir()))
    seen: list[str] = []
    rng = random.Random(7)
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(db)], stdout=subprocess.PIPE, text=True, env=env
        )
        first = proc.stdout.readline()  # it is running and committing
        assert first, "the worker did not start"
        seen.append(first.strip())
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        seen += [line for line in out.split() if line]
    assert len(seen) == len(set(seen)), "a number was issued twice"
    import sqlite3

    rows = sqlite3.connect(db).execute("SELECT label FROM tickets ORDER BY sequence").fetchall()
    recorded = [r[0] for r in rows]
    assert len(recorded) == len(set(recorded))
    assert set(seen) <= set(recorded), "a number the citizen saw is not on record"
    # no gaps: sequences are consecutive from the range start
    assert recorded == [f"A{n:04d}" for n in range(1, len(recorded) + 1)]
