"""The per-day counter in a kiosk's range: the one sequence behind queue numbers (per service)
and dossier codes (per unit). It counts from the range's first number each local day and
refuses past its last, so kiosks of a centre sharing a prefix never hand out the same number.

The counter lives in the caller's SQLite file (table `day_counters`) and runs inside the
caller's transaction, so a number and the record that uses it commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.local_db import LocalDb

TABLE = "day_counters"


def create_table(db: LocalDb) -> None:
    """For a file's migrations: the table every counter of that file shares."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} "
        "(scope TEXT, day TEXT, last INTEGER, PRIMARY KEY (scope, day))"
    )


def adopting_own_table(
    old_table: str, key_column: str, scope_prefix: str
) -> Callable[[LocalDb], None]:
    """The migration that brings a file's counters here. Files of schema 1 counted in a table of
    their own (`old_table`: `key_column`, day, last); their last numbers move into the shared
    table as scope `scope_prefix` + key, so no number is handed out twice. A file created after
    the move never had such a table and only gains the shared one."""

    def adopt(db: LocalDb) -> None:
        create_table(db)
        if old_table not in db.table_names():
            return
        db.execute(
            f"INSERT INTO {TABLE} (scope, day, last) "
            f"SELECT ? || {key_column}, day, last FROM {old_table}",
            [scope_prefix],
        )
        db.execute(f"DROP TABLE {old_table}")

    return adopt


def next_in_range(db: LocalDb, scope: str, day: str, number_range: tuple[int, int]) -> int | None:
    """The next number of `scope` on `day`, or None once the range is used up. Call it inside
    a transaction (`db.atomic()`) under the caller's lock."""
    low, high = number_range
    row = db.execute(
        f"SELECT last FROM {TABLE} WHERE scope = ? AND day = ?", [scope, day]
    ).fetchone()
    number = low if row is None else row[0] + 1
    if number > high:
        return None
    db.execute(
        f"INSERT INTO {TABLE} (scope, day, last) VALUES (?, ?, ?) "
        "ON CONFLICT (scope, day) DO UPDATE SET last = excluded.last",
        [scope, day, number],
    )
    return number
