"""The queue-number and dossier-code files of a kiosk already in service (schema 1, each with
its own counter table) upgrade to the one per-day counter without handing out a number twice;
a file from a newer kiosk is refused rather than guessed at."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.clock import LocalTime
from kiosk.config import load_config
from kiosk.dossiers.numbering import DossierBook
from kiosk.tickets.numbering import TicketBook

UNIT = "000.00.06.H56"
NOON_IN_HANOI = datetime(2026, 3, 9, 5, 0, tzinfo=UTC)
LOCAL = LocalTime("Asia/Ho_Chi_Minh", lambda: NOON_IN_HANOI)

# What version 1 of the kiosk wrote, spelt out as SQL rather than imported from the code.
TICKETS_V1 = """
CREATE TABLE sequences (day TEXT, service_id TEXT, last INTEGER, PRIMARY KEY (day, service_id));
CREATE TABLE tickets (ticket_id TEXT PRIMARY KEY, day TEXT NOT NULL, service_id TEXT NOT NULL,
  sequence INTEGER NOT NULL, label TEXT NOT NULL, priority TEXT, issued_at TEXT NOT NULL,
  print_state TEXT, print_problem TEXT);
CREATE UNIQUE INDEX idx_tickets_day_service_id_sequence ON tickets (day, service_id, sequence);
INSERT INTO sequences VALUES ('2026-03-09', 'ho-tich', 41), ('2026-03-08', 'ho-tich', 90);
PRAGMA user_version=1;
"""
DOSSIERS_V1 = """
CREATE TABLE dossier_sequences (unit_code TEXT, day TEXT, last INTEGER,
  PRIMARY KEY (unit_code, day));
CREATE TABLE dossier_codes (code TEXT PRIMARY KEY, unit_code TEXT, day TEXT, sequence INTEGER,
  issued_at TEXT, state TEXT);
INSERT INTO dossier_sequences VALUES ('000.00.06.H56', '2026-03-09', 17);
PRAGMA user_version=1;
"""


def written(path: Path, script: str) -> Path:
    with sqlite3.connect(path) as conn:
        conn.executescript(script)
    conn.close()
    return path


def test_a_ticket_file_of_version_1_carries_on_from_its_last_number(tmp_path: Path) -> None:
    queue = load_config().queue
    service = next(s for s in queue.services if s.id == "ho-tich")
    book = TicketBook(written(tmp_path / "t.sqlite", TICKETS_V1), queue, LOCAL)
    assert book.allocate(service, None).sequence == 42
    book.close()
    again = TicketBook(tmp_path / "t.sqlite", queue, LOCAL)  # upgrading twice changes nothing
    assert again.allocate(service, None).sequence == 43
    assert again.db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "sequences" not in again.db.table_names()
    again.close()


def test_a_dossier_file_of_version_1_carries_on_from_its_last_code(tmp_path: Path) -> None:
    book = DossierBook(written(tmp_path / "d.sqlite", DOSSIERS_V1), UNIT, LOCAL)
    assert book.allocate().code == f"{UNIT}-260309-0018"
    book.close()


def test_a_file_from_a_newer_kiosk_is_refused(tmp_path: Path) -> None:
    path = written(tmp_path / "d.sqlite", "PRAGMA user_version=99;")
    with pytest.raises(RuntimeError, match="newer kiosk"):
        DossierBook(path, UNIT, LOCAL)
