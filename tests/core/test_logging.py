"""Logs rotate and never keep a citizen's personal data."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.logging_setup import configure_logging, redact


def test_personal_data_is_masked() -> None:
    line = redact(
        "id 001203012345 phone 0912 345 678 mail an@example.vn mrz IDVNM2030123451001203012345<<8"
    )
    for secret in ("001203012345", "0912 345 678", "an@example.vn", "IDVNM203012345"):
        assert secret not in line
    assert (
        redact("ticket A042 issued at 10:05 for ho-tich")
        == "ticket A042 issued at 10:05 for ho-tich"
    )


def test_log_files_rotate_and_are_filtered(tmp_path: Path) -> None:
    path = configure_logging(tmp_path, "INFO", max_bytes=10_000, backups=2)
    log = logging.getLogger("test.rotation")
    for i in range(400):
        log.info("event %d for citizen %s", i, "079203001122")
    for handler in logging.getLogger().handlers:
        handler.flush()
    files = sorted(tmp_path.glob("kiosk.log*"))
    assert path in files and len(files) == 3
    assert all("079203001122" not in f.read_text(encoding="utf-8") for f in files)
    for handler in list(logging.getLogger().handlers):
        logging.getLogger().removeHandler(handler)
        handler.close()
