"""The kiosk key: sealed by the TPM where there is one (else a plain file, with a warning the
technician sees), and replaced after wipes in steps a crash cannot break."""

from __future__ import annotations

from pathlib import Path

from kiosk.i18n import translate
from offline_queue.crypto import DataKey, FileKeyStore
from offline_queue.keysealing import PlainFileSealer, best_sealer, tpm_sealer
from offline_queue.outbox import Outbox, OutboxSettings
from tests.outbox.support import dossier_data, make_scans


def test_the_best_protection_here_is_chosen_and_a_plain_file_is_said_out_loud(
    tmp_path: Path,
) -> None:
    sealer = best_sealer()
    store = FileKeyStore(tmp_path / "outbox.key", sealer=sealer)
    raw = store.path.read_bytes()
    if tpm_sealer() is None:  # this machine has no TPM 2.0 (systemd-creds has-tpm2 says so)
        assert isinstance(sealer, PlainFileSealer) and len(raw) == 32
        assert store.warning_key == "outbox.key.on_data_disk"
        assert "TPM" in translate(store.warning_key, "vi")
        assert "TPM" in translate(store.warning_key, "en")
    else:  # sealed: the file alone is not the key, and the key opens again after a restart
        assert store.warning_key is None and len(raw) > 32
        assert FileKeyStore(store.path, sealer=sealer).unwrap(
            store.wrap(DataKey.generate(), b"ctx"), b"ctx"
        )


def _outbox_with_items(tmp_path: Path) -> tuple[Outbox, FileKeyStore]:
    keystore = FileKeyStore(tmp_path / "keys" / "outbox.key")
    box = Outbox.open(OutboxSettings(disk_reserve_mb=0), tmp_path, keystore)
    box.enqueue_dossier("D-1", dossier_data(), make_scans(1, 500))
    box.enqueue_rating("R-1", {"level": 4})
    return box, keystore


def _reopen(tmp_path: Path) -> Outbox:
    return Outbox.open(
        OutboxSettings(disk_reserve_mb=0), tmp_path, FileKeyStore(tmp_path / "keys" / "outbox.key")
    )


def test_a_rotation_cut_off_before_its_commit_is_undone(tmp_path: Path) -> None:
    box, keystore = _outbox_with_items(tmp_path)
    old = keystore.path.read_bytes()
    keystore.begin_rotation()  # the next key is on disk; the re-wrap never committed
    box.close()

    box = _reopen(tmp_path)

    assert keystore.path.read_bytes() == old
    assert box.load_body(box.claim_next())
    box.close()


def test_a_rotation_cut_off_after_its_commit_is_finished_and_the_old_key_destroyed(
    tmp_path: Path,
) -> None:
    box, keystore = _outbox_with_items(tmp_path)
    old = keystore.path.read_bytes()
    finish = keystore.finish_rotation
    keystore.finish_rotation = lambda: None  # the power fails just before this step
    box.rotate_kiosk_key()
    both = keystore.path.read_bytes()
    assert both[:32] == old and len(both) == 64
    keystore.finish_rotation = finish
    box.close()

    box = _reopen(tmp_path)

    assert keystore.path.read_bytes() == both[32:]  # only the next key is left
    for _ in range(2):
        assert box.load_body(box.claim_next())
    box.close()
