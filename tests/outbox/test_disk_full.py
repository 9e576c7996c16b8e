"""A full disk refuses a new dossier with a translated message and keeps every stored item."""

from __future__ import annotations

import json
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.i18n import translate
from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import DiskFullError, Outbox, OutboxSettings
from tests.outbox.support import dossier_data, make_scans

REPO = Path(__file__).resolve().parents[2]
CHILD = [sys.executable, "-m", "tests.outbox.full_disk_child"]


def test_the_disk_reserve_refuses_a_dossier_before_writing_anything(
    tmp_path: Path, keystore: FileKeyStore
) -> None:
    box = Outbox.open(OutboxSettings(disk_reserve_mb=0), tmp_path, keystore)
    kept = box.enqueue_dossier("D-1", dossier_data(), make_scans(2, 10_000))
    box.close()
    free_mb = shutil.disk_usage(tmp_path).free / 2**20
    box = Outbox.open(OutboxSettings(disk_reserve_mb=free_mb + 100), tmp_path, keystore)
    scans = tmp_path / "outbox" / "scans"
    files_before = sorted(scans.iterdir())

    with pytest.raises(DiskFullError) as refused:
        box.enqueue_dossier("D-2", dossier_data(1), make_scans(2, 10_000))

    assert refused.value.message_key == "outbox.error.disk_full"
    assert "không còn đủ chỗ" in translate(refused.value.message_key, "vi")
    assert "no room" in translate(refused.value.message_key, "en")
    assert box.item("D-2") is None and sorted(scans.iterdir()) == files_before
    lease = box.claim_next()
    assert lease.item_id == kept.id and box.load_body(lease)
    box.close()


def _ignore_xfsz_and_limit_files(limit: int) -> Callable[[], None]:
    def apply() -> None:
        # Ignored, SIGXFSZ turns into EFBIG from write(), as a full disk gives ENOSPC.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_write_that_fails_for_lack_of_space_stores_nothing_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [*CHILD, str(tmp_path), "4", "2048"],
        cwd=REPO,
        capture_output=True,
        preexec_fn=_ignore_xfsz_and_limit_files(1_000_000),
        timeout=60,
        check=True,
    )
    result = json.loads(done.stdout)
    # A scan file over the limit: the disk-full message.
    assert result["refusal"]["key"] == "outbox.error.disk_full"
    assert "File too large" in result["refusal"]["detail"]
    # The WAL over the limit: SQLite reports an I/O error, and the caller a storage error.
    assert result["rating_refusal"]["key"] == "outbox.error.storage"
    assert result["stored"] > 4
    assert result["stored"] == result["intact"] == result["pending"]
    assert result["files"] == result["referenced"] == 4 and result["temp_files"] == 0


def _can_mount_tmpfs(tmp_path: Path) -> list[str] | None:
    """The command prefix that runs a child in its own mount namespace, or None."""
    for prefix in (["unshare", "--mount"], ["unshare", "--user", "--map-root-user", "--mount"]):
        probe = subprocess.run(
            [*prefix, "sh", "-c", f"mount -t tmpfs -o size=1m t {tmp_path}"], capture_output=True
        )
        if probe.returncode == 0:
            return prefix
    return None


@pytest.mark.parametrize("precheck", [True, False], ids=["precheck", "writes-meet-enospc"])
def test_a_really_full_filesystem_refuses_and_every_stored_item_reads_back(
    tmp_path: Path, precheck: bool
) -> None:
    prefix = _can_mount_tmpfs(tmp_path)
    if prefix is None:
        pytest.skip("cannot mount a tmpfs here (needs root or user namespaces)")
    flag = "" if precheck else "--no-precheck"
    script = (
        f"mount -t tmpfs -o size=3m kiosk-data {tmp_path} && "
        f"exec {' '.join(CHILD)} {tmp_path} 3 300 {flag}"
    )
    done = subprocess.run(
        [*prefix, "sh", "-c", script], cwd=REPO, capture_output=True, timeout=60, check=True
    )
    result = json.loads(done.stdout)
    assert result["refusal"]["key"] == "outbox.error.disk_full"
    assert result["rating_refusal"]["key"] == "outbox.error.disk_full"
    if not precheck:
        assert "No space left" in result["refusal"]["detail"]
        assert "full" in result["rating_refusal"]["detail"]
    assert result["stored"] > 3  # some big ones fitted before the disk filled up
    assert result["stored"] == result["intact"] == result["pending"]
    assert result["files"] == result["referenced"] and result["temp_files"] == 0


def test_a_full_disk_under_the_uploader_backs_off_with_one_log_line_each_way(
    tmp_path: Path,
) -> None:
    """Issue 15 saw 4.5 CPU-s and 17,000 tracebacks per 5 s; now: a few tries, two lines."""
    prefix = _can_mount_tmpfs(tmp_path)
    if prefix is None:
        pytest.skip("cannot mount a tmpfs here (needs root or user namespaces)")
    child = " ".join([sys.executable, "-m", "tests.outbox.stuck_disk_child"])
    script = f"mount -t tmpfs -o size=2m kiosk-data {tmp_path} && exec {child} {tmp_path} 4"
    done = subprocess.run(
        [*prefix, "sh", "-c", script], cwd=REPO, capture_output=True, timeout=90, check=True
    )
    result = json.loads(done.stdout)
    print(result)

    # 0.5 s, 1 s, 2 s … between tries: at most a handful in 4 s, not thousands.
    assert 1 <= result["tries_while_full"] <= 5
    assert result["seen_while_full"] == "outbox.trouble.disk_full"
    assert "Ổ đĩa đã đầy" in translate("outbox.trouble.disk_full", "vi")
    assert "disk is full" in translate("outbox.trouble.disk_full", "en")
    assert len(result["lines_while_full"]) == 1 and "backs off" in result["lines_while_full"][0]
    assert len(result["lines"]) == 2 and "works again" in result["lines"][1]
    assert result["delivered"] == 5 and result["seen_after"] is None
