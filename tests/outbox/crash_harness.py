"""Kills the crash driver (`crash_driver.py`) with SIGKILL at random moments, over and over,
and checks after every kill what a power cut must never break; then lets one last run drain
the queue and checks the end state. Used by the crash test and by bench/outbox_bench.py.

After every kill: each dossier the driver reported enqueued is still in the outbox with its
digest (waiting, or delivered and present at the stand-in with the same digest); nothing the
outbox counts as received is missing at the stand-in; no row names a scan file that is gone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import ItemState, Outbox
from offline_queue.outbox.store import DB_NAME, QUARANTINE_FOLDER, SCANS_FOLDER
from offline_queue.standin.clock import SimulatedClock
from offline_queue.standin.embedded import EmbeddedStandin, start_standin
from tests.outbox.crash_driver import JOURNAL, SETTINGS

REPO = Path(__file__).resolve().parents[2]
# What the test aims each kill at; "any" is a random moment after start-up.
TARGETS = ("startup", "any", "any", "enqueue", "upload", "wipe")
DELIVERED = {ItemState.ACKED, ItemState.PROCESSED, ItemState.WIPED}
WAITING = {ItemState.PENDING, ItemState.SENDING}


@dataclass
class CrashReport:
    kills: int = 0
    # Which operations were under way at the moment of each kill (several can be at once).
    in_flight: Counter[str] = field(default_factory=Counter)
    orphans_swept: int = 0
    temps_swept: int = 0
    leases_requeued: int = 0
    enqueued: int = 0
    delivered: int = 0
    repeats_recognised: int = 0
    # Each of these must stay empty.
    lost: set[str] = field(default_factory=set)
    duplicated: set[str] = field(default_factory=set)
    digest_mismatches: set[str] = field(default_factory=set)
    phantoms: set[str] = field(default_factory=set)
    missing_files: set[str] = field(default_factory=set)
    quarantined: set[str] = field(default_factory=set)
    orphans_after_final_sweep: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        phases = ", ".join(f"{k} {v}" for k, v in sorted(self.in_flight.items()))
        return (
            f"{self.kills} kills (in flight: {phases}); {self.enqueued} dossiers enqueued, "
            f"{self.delivered} delivered, {self.repeats_recognised} repeats recognised by "
            f"the stand-in; swept {self.orphans_swept} orphan + {self.temps_swept} temp "
            f"files, requeued {self.leases_requeued} leases; lost {len(self.lost)}, "
            f"duplicated {len(self.duplicated)}, digest mismatches "
            f"{len(self.digest_mismatches)}, phantoms {len(self.phantoms)}, missing files "
            f"{len(self.missing_files)}, quarantined {len(self.quarantined)}, orphans after "
            f"the final sweep {self.orphans_after_final_sweep}"
        )


class JournalReader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._offset = 0
        self.lines: list[list[str]] = []

    def poll(self) -> list[list[str]]:
        if not self.path.exists():
            return []
        with self.path.open("rb") as fh:
            fh.seek(self._offset)
            chunk = fh.read()
        complete = chunk[: chunk.rfind(b"\n") + 1]
        self._offset += len(complete)
        new = [line.split() for line in complete.decode().splitlines()]
        self.lines.extend(new)
        return new

    def wait_for(self, event: str, limit_s: float) -> bool:
        give_up = time.monotonic() + limit_s
        while time.monotonic() < give_up:
            if any(words[0] == event for words in self.poll()):
                return True
            time.sleep(0.001)
        return False


def in_flight_at_kill(run_lines: list[list[str]]) -> set[str]:
    """Operations begun and not ended in the killed run's journal."""
    open_ops: dict[str, set[str]] = {"enqueue": set(), "upload": set(), "wipe": set()}
    ready = False
    for words in run_lines:
        event, arg = words[0], (words[1] if len(words) > 1 else "")
        if event == "ready":
            ready = True
        elif event.endswith("-begin"):
            open_ops[event.removesuffix("-begin")].add(arg)
        elif event.endswith("-end"):
            open_ops[event.removesuffix("-end")].discard(arg)
        elif event == "enqueued":
            open_ops["enqueue"].discard(arg)
    phases = {name for name, ids in open_ops.items() if ids}
    return phases if ready else phases | {"startup"}


def _outbox_rows(data: Path) -> tuple[dict[str, tuple[ItemState, str]], list[str]]:
    uri = f"file:{data / 'outbox' / DB_NAME}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        rows = {
            item_id: (ItemState(state), digest)
            for item_id, state, digest in conn.execute(
                "SELECT id, state, digest FROM items WHERE kind = 'dossier'"
            )
        }
        files = [name for (name,) in conn.execute("SELECT file_name FROM item_files")]
    conn.close()
    return rows, files


def check_invariants(
    data: Path,
    standin: EmbeddedStandin,
    enqueued: dict[str, str],
    report: CrashReport,
    final: bool = False,
) -> None:
    rows, files = _outbox_rows(data)
    received = {item.item_id: item.digest for item in standin.store.items("dossier")}

    def problem(text: str) -> None:
        report.problems.append(f"after kill {report.kills}: {text}")

    for item_id, digest in enqueued.items():
        row = rows.get(item_id)
        if row is None or (final and item_id not in received):
            report.lost.add(item_id)
            problem(f"{item_id} lost")
        elif row[1] != digest or received.get(item_id, digest) != digest:
            report.digest_mismatches.add(item_id)
            problem(f"{item_id} digest changed")
    for item_id, (state, digest) in rows.items():
        if state in DELIVERED and received.get(item_id) != digest:
            report.lost.add(item_id)
            problem(f"{item_id} is {state} but not at the stand-in with its digest")
        if state is ItemState.QUARANTINED:
            report.quarantined.add(item_id)
            problem(f"{item_id} quarantined")
    phantoms = set(received) - set(rows)
    report.phantoms |= phantoms
    if phantoms:
        problem(f"at the stand-in but never stored: {sorted(phantoms)[:3]}")
    scans = data / "outbox" / SCANS_FOLDER
    missing = {name for name in files if not (scans / name).exists()}
    report.missing_files |= missing
    if missing:
        problem(f"{len(missing)} scan files named by rows are gone")


def _spawn(data: Path, url: str, secret: bytes, *extra: str) -> subprocess.Popen[bytes]:
    with (data / "driver-errors.log").open("ab") as errors:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.outbox.crash_driver",
                str(data),
                url,
                secret.hex(),
                *extra,
            ],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )


def _kill_at(
    target: str, process: subprocess.Popen[bytes], journal: JournalReader, rng: random.Random
) -> None:
    if target == "startup":
        time.sleep(rng.uniform(0.0, 0.5))
    elif journal.wait_for("ready", limit_s=30):
        if target == "any":
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            journal.wait_for(f"{target}-begin", limit_s=2.0)
            time.sleep(rng.uniform(0.0, 0.002))
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def run_crash_loop(work: Path, kills: int, seed: int = 20261123) -> CrashReport:
    rng = random.Random(seed)
    secret = secrets.token_bytes(32)
    data = work / "kiosk"
    data.mkdir(parents=True)
    report = CrashReport()
    # One real second is ten hours at the stand-in: dossiers are taken in (processed) within
    # 50 ms, so confirmations and wipes happen in every run.
    standin = start_standin(
        work / "standin.db", secrets={"kiosk-01": secret}, clock=SimulatedClock(speed=36_000)
    )
    journal = JournalReader(data / JOURNAL)
    try:
        for _ in range(kills):
            start = len(journal.lines)
            process = _spawn(data, standin.url, secret)
            _kill_at(rng.choice(TARGETS), process, journal, rng)
            journal.poll()
            report.kills += 1
            report.in_flight.update(in_flight_at_kill(journal.lines[start:]))
            enqueued = _enqueued(journal)
            check_invariants(data, standin, enqueued, report)

        drain = _spawn(data, standin.url, secret, "--drain")
        try:
            if drain.wait(timeout=60) != 0:
                errors = (data / "driver-errors.log").read_text()[-2000:]
                report.problems.append(f"the draining run failed: {errors}")
        except subprocess.TimeoutExpired:
            drain.kill()
            drain.wait()
            report.problems.append("the draining run did not empty the outbox within 60 s")
        journal.poll()
        enqueued = _enqueued(journal)
        check_invariants(data, standin, enqueued, report, final=True)
        _final_counts(data, standin, enqueued, journal, report)
    finally:
        standin.stop()
    return report


def _enqueued(journal: JournalReader) -> dict[str, str]:
    return {words[1]: words[2] for words in journal.lines if words[0] == "enqueued"}


def _final_counts(
    data: Path,
    standin: EmbeddedStandin,
    enqueued: dict[str, str],
    journal: JournalReader,
    report: CrashReport,
) -> None:
    report.enqueued = len(enqueued)
    for words in journal.lines:
        if words[0] == "ready":
            report.orphans_swept += int(words[1])
            report.temps_swept += int(words[2])
            report.leases_requeued += int(words[3])
    received = standin.store.items("dossier")
    report.delivered = len(received)
    for item in received:
        deliveries = standin.store.deliveries("dossier", item.item_id)
        report.repeats_recognised += deliveries.get("repeat", 0)
        if standin.store.count_by_code(item.dossier_code or item.item_id) != 1:
            report.duplicated.add(item.item_id)
            report.problems.append(f"{item.item_id} is at the stand-in more than once")
    outbox = Outbox.open(SETTINGS, data, FileKeyStore(data / "kiosk.key"))
    try:
        sweep = outbox.last_sweep
        report.orphans_after_final_sweep = sweep.orphan_files_removed + sweep.temp_files_removed
        leftovers = list((data / "outbox" / SCANS_FOLDER).iterdir())
        if report.orphans_after_final_sweep or leftovers:
            report.problems.append(f"orphans after the final sweep: {leftovers[:3]}")
        # A crash alone never leaves a file the outbox cannot prove an orphan.
        unknown = data / "outbox" / QUARANTINE_FOLDER
        if unknown.exists() and any(unknown.iterdir()):
            report.problems.append(f"files of unknown origin: {list(unknown.iterdir())[:3]}")
        not_wiped = [i.id for i in outbox.items() if i.state is not ItemState.WIPED]
        if not_wiped:
            report.problems.append(f"not delivered and wiped after draining: {not_wiped[:3]}")
    finally:
        outbox.close()


def main() -> None:
    """`python -m tests.outbox.crash_harness [--kills N]`: run the loop in a temporary folder
    and print the report as one JSON line (bench/outbox_bench.py reads it)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=110)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="outbox-crash-") as work:
        report = run_crash_loop(Path(work), kills=args.kills)
    print(
        json.dumps(
            {
                "summary": report.summary(),
                "kills": report.kills,
                "in_flight": dict(report.in_flight),
                "enqueued": report.enqueued,
                "delivered": report.delivered,
                "lost": len(report.lost),
                "duplicated": len(report.duplicated),
                "digest_mismatches": len(report.digest_mismatches),
                "orphans_after_final_sweep": report.orphans_after_final_sweep,
                "problems": report.problems[:20],
            }
        )
    )


if __name__ == "__main__":
    main()
