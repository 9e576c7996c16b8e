"""The demo stand-in keeps what citizens typed unreadable on its disk: dossier bodies sealed with
a key only its memory holds, its files the owner's alone."""

from __future__ import annotations

import stat

from offline_queue.client import ProvincialClient
from offline_queue.standin.embedded import start_standin


def test_dossier_bodies_are_sealed_on_disk_and_gone_after_a_restart(tmp_path, make_dossier):
    database = tmp_path / "demo.sqlite"
    standin = start_standin(database)
    dossier = make_dossier(5)
    ProvincialClient(standin.client_settings()).submit_dossier(
        dossier.dossier_id, dossier.body, dossier.digest
    )
    assert standin.store.body("dossier", dossier.dossier_id) == dossier.body
    standin.stop()

    files = [path for path in tmp_path.iterdir() if path.name.startswith("demo.sqlite")]
    raw = b"".join(path.read_bytes() for path in files)
    for marker in ("Nguyễn Thị Hoà", "0912345678"):
        assert marker.encode() not in raw
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in files)

    again = start_standin(database)
    try:
        # The status is still known; the body, sealed by the earlier run, is not readable.
        assert again.store.dossier(dossier.code) is not None
        assert again.store.body("dossier", dossier.dossier_id) is None
    finally:
        again.stop()
