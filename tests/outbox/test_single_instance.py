"""One kiosk per data folder. Fifty real processes started on top of each other on one folder
lose nothing (issue 15 saw 39 starts delete the scans of 32 acknowledged dossiers); a second
kiosk start leaves at once with words in both languages; a killed kiosk does not keep the lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import ItemState, Outbox, OutboxSettings
from offline_queue.outbox.store import QUARANTINE_FOLDER, SCANS_FOLDER
from tests.outbox.support import dossier_data, make_scans

REPO = Path(__file__).resolve().parents[2]
STARTS = 50


def test_fifty_overlapping_starts_lose_nothing(tmp_path: Path) -> None:
    settings = OutboxSettings(disk_reserve_mb=0)
    box = Outbox.open(settings, tmp_path, FileKeyStore(tmp_path / "k"))
    acknowledged = {}
    for n in range(20):
        item = box.enqueue_dossier(f"A-{n}", dossier_data(n), make_scans(2, 4000, seed=n))
        acknowledged[item.id] = item.digest
        box.mark_acked(box.claim_next(), f"R-{n}")
    box.close()
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    # one process forks the fifty starts and lets them go at once (tests/outbox/overlap_child.py)
    starts = subprocess.run(
        [sys.executable, "-m", "tests.outbox.overlap_child", str(tmp_path), str(STARTS)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
    )

    assert starts.returncode == 0, starts.stderr[-2000:]
    lines = starts.stdout.splitlines()
    stored = dict(line.split()[1:] for line in lines if line.startswith("stored "))
    refused = lines.count("refused")
    print(f"{len(stored)} starts stored a dossier, {refused} were refused (folder in use)")
    assert len(stored) + refused == STARTS and stored
    box = Outbox.open(settings, tmp_path, FileKeyStore(tmp_path / "k"))
    try:
        for item_id, digest in {**acknowledged, **stored}.items():
            item = box.item(item_id)
            assert item is not None and item.digest == digest, item_id
        assert all(box.item(i).state is ItemState.ACKED for i in acknowledged)
        referenced = box._db.execute("SELECT COUNT(*) FROM item_files").fetchone()[0]
        assert len(list((tmp_path / "outbox" / SCANS_FOLDER).iterdir())) == referenced
        assert referenced == 2 * len(acknowledged) + len(stored)
        assert not (tmp_path / "outbox" / QUARANTINE_FOLDER).exists()
        for _ in stored:
            lease = box.claim_next()
            assert box.load_body(lease)
    finally:
        box.close()


def test_a_second_kiosk_start_leaves_with_words_and_a_killed_one_frees_the_folder(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "KIOSK_HOME": str(tmp_path)}
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from kiosk.instance import hold_single_instance; from kiosk.paths import data_dir\n"
            "import time; held = hold_single_instance(data_dir()); print(held is not None,"
            " flush=True); time.sleep(60)",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "True"
        second = subprocess.run(
            [sys.executable, "-m", "ui.main", "--windowed"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)

    assert second.returncode == 3
    assert "đã đang chạy" in second.stderr and "already running" in second.stderr
    # The kernel let go of the killed holder's lock: the next start may go ahead.
    from kiosk.instance import hold_single_instance

    held = hold_single_instance(tmp_path / "data")
    assert held is not None
    held.close()
