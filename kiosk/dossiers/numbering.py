"""Dossier codes `<unit id>-<yyMMdd>-<NNNN>`: one counter per unit per local day (Asia/Ho_Chi_Minh,
so the counter turns over at local midnight, not UTC's), kept in SQLite so a code is never handed
out twice, even across a restart or a power cut.

A code is recorded before the dossier is stored; if storing fails the code stays used (and
unused codes are visible in the table) rather than being given to the next citizen.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk import daily_counter
from kiosk.clock import LocalTime
from kiosk.dossiers.code import format_code
from kiosk.errors import UserFacingError
from kiosk.local_db import LocalDb, migrate, open_local_db

DAILY_LIMIT = 9999  # four digits


def _create_tables(db: LocalDb) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS dossier_codes (code TEXT PRIMARY KEY, unit_code TEXT, "
        "day TEXT, sequence INTEGER, issued_at TEXT, state TEXT)"
    )


MIGRATIONS = (
    _create_tables,
    daily_counter.adopting_own_table("dossier_sequences", "unit_code", "dossier:"),
)


@dataclass(frozen=True)
class DossierCode:
    code: str
    sequence: int
    issued_at: datetime  # local time


class DossierBook:
    def __init__(
        self,
        path: Path,
        unit_code: str,
        local_time: LocalTime,
        number_range: tuple[int, int] = (1, DAILY_LIMIT),
    ) -> None:
        """`number_range` is this kiosk's share of the unit's daily codes: kiosks of one centre
        share the unit code, so each takes its own range and they never hand out the same."""
        self.unit_code = unit_code
        self.number_range = number_range
        self.local_time = local_time
        self._lock = threading.Lock()
        self.db = open_local_db(path)
        migrate(self.db, MIGRATIONS)

    def allocate(self) -> DossierCode:
        """The next code of this unit today; raises a UserFacingError past this kiosk's range."""
        now = self.local_time.now()
        day = now.date().isoformat()
        with self._lock, self.db.atomic():
            low, high = self.number_range
            sequence = daily_counter.next_in_range(
                self.db, f"dossier:{self.unit_code}", day, (low, min(high, DAILY_LIMIT))
            )
            if sequence is None:
                raise UserFacingError("hand_in.error.no_more_codes")
            code = format_code(self.unit_code, now, sequence)
            self.db.execute(
                "INSERT INTO dossier_codes (code, unit_code, day, sequence, issued_at, state) "
                "VALUES (?, ?, ?, ?, ?, 'allocated')",
                [code, self.unit_code, day, sequence, now.isoformat()],
            )
        return DossierCode(code, sequence, now)

    def mark(self, code: str, state: str) -> None:
        """`stored` once the outbox holds the dossier, `not_stored` if it refused it."""
        with self._lock, self.db.atomic():
            self.db.execute("UPDATE dossier_codes SET state = ? WHERE code = ?", [state, code])

    def state_of(self, code: str) -> str | None:
        with self._lock:
            row = self.db.execute(
                "SELECT state FROM dossier_codes WHERE code = ?", [code]
            ).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.db.close()
