"""Queue numbers: one sequence per service per local day, inside this kiosk's configured range,
kept in SQLite so a restart or power cut never hands out a number twice.

Each kiosk of a centre gets its own range (kiosk 1: 1–499, kiosk 2: 500–999), so kiosks never
collide without talking to each other. A number is recorded before it is printed; if printing
fails the number stays issued (and is shown on screen) rather than silently reused or skipped.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk import daily_counter
from kiosk.clock import LocalTime
from kiosk.config import QueueService, QueueSettings
from kiosk.errors import UserFacingError
from kiosk.local_db import LocalDb, migrate, open_local_db


def _create_tables(db: LocalDb) -> None:
    # print_state: pending, printed, printed_unconfirmed, not_printed
    db.execute(
        "CREATE TABLE IF NOT EXISTS tickets (ticket_id TEXT PRIMARY KEY, day TEXT NOT NULL, "
        "service_id TEXT NOT NULL, sequence INTEGER NOT NULL, label TEXT NOT NULL, "
        "priority TEXT, issued_at TEXT NOT NULL, print_state TEXT, print_problem TEXT)"
    )
    db.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS idx_tickets_day_service_id_sequence "
        "ON tickets (day, service_id, sequence)"
    )


MIGRATIONS = (
    _create_tables,
    daily_counter.adopting_own_table("sequences", "service_id", "ticket:"),
)


@dataclass(frozen=True)
class IssuedNumber:
    ticket_id: str
    service_id: str
    sequence: int
    label: str  # what the citizen sees: prefix + zero-padded sequence, e.g. "A042"
    issued_at: datetime  # local time
    priority: str | None


def format_label(prefix: str, sequence: int, range_end: int) -> str:
    width = 3 if range_end < 1000 else 4
    return f"{prefix}{sequence:0{width}d}"


class TicketBook:
    def __init__(self, path: Path, settings: QueueSettings, local_time: LocalTime) -> None:
        self.settings = settings
        self.local_time = local_time
        self._lock = threading.Lock()
        self.db = open_local_db(path)
        migrate(self.db, MIGRATIONS)

    def allocate(self, service: QueueService, priority: str | None) -> IssuedNumber:
        """The next number of `service` today; raises when the range or daily maximum is used."""
        low, high = self.settings.number_range
        now = self.local_time.now()
        day = now.date().isoformat()
        with self._lock, self.db.atomic():
            last = min(high, low + self.settings.daily_maximum - 1)
            sequence = daily_counter.next_in_range(
                self.db, f"ticket:{service.id}", day, (low, last)
            )
            if sequence is None:
                raise UserFacingError("ticket.no_more_today", service=service.name.vi)
            number = IssuedNumber(
                ticket_id=uuid.uuid4().hex,
                service_id=service.id,
                sequence=sequence,
                label=format_label(service.prefix, sequence, high),
                issued_at=now,
                priority=priority,
            )
            self.db.execute(
                "INSERT INTO tickets (ticket_id, day, service_id, sequence, label, priority, "
                "issued_at, print_state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')",
                [
                    number.ticket_id,
                    day,
                    service.id,
                    sequence,
                    number.label,
                    priority,
                    now.isoformat(),
                ],
            )
        return number

    def record_print(
        self,
        ticket_id: str,
        printed: bool,
        problem_key: str | None = None,
        confirmed: bool | None = True,
    ) -> None:
        """`printed` with `confirmed` None: every byte was taken, the printer could not say more."""
        if not printed:
            state = "not_printed"
        elif confirmed is None:
            state = "printed_unconfirmed"
        else:
            state = "printed"
        with self._lock, self.db.atomic():
            self.db.execute(
                "UPDATE tickets SET print_state = ?, print_problem = ? WHERE ticket_id = ?",
                [state, problem_key, ticket_id],
            )

    def tickets_on(self, day: str) -> list[dict]:
        rows = self.db.execute("SELECT * FROM tickets WHERE day = ? ORDER BY issued_at", [day])
        return [dict(row) for row in rows]

    def close(self) -> None:
        self.db.close()
