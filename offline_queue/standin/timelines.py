"""Scenarios of the stand-in province: which status codes a dossier passes through and when,
so a status lookup shows a real timeline, branches included (timelines.toml)."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from offline_queue.contract.statuses import dossier_status_codes

TIMELINE_FILE = Path(__file__).with_name("timelines.toml")


@dataclass(frozen=True)
class Scenario:
    name: str
    weight: int
    # (status code, minutes after arrival), in time order, starting with code 1 at minute 0
    steps: tuple[tuple[int, int], ...]

    def reached(self, arrived: datetime, now: datetime) -> list[tuple[int, datetime]]:
        """The steps that have happened by `now`."""
        timeline = []
        for code, minutes in self.steps:
            at = arrived + timedelta(minutes=minutes)
            if at > now:
                break
            timeline.append((code, at))
        return timeline


@cache
def scenarios() -> dict[str, Scenario]:
    with TIMELINE_FILE.open("rb") as fh:
        table = tomllib.load(fh)["scenarios"]
    known = dossier_status_codes()
    result = {}
    for name, entry in table.items():
        steps = tuple((int(code), int(minutes)) for code, minutes in entry["steps"])
        minutes = [m for _, m in steps]
        if steps[0] != (1, 0) or minutes != sorted(minutes):
            raise ValueError(f"{TIMELINE_FILE}: {name} must start at [1, 0] and go forward")
        if any(code not in known for code, _ in steps):
            raise ValueError(f"{TIMELINE_FILE}: {name} uses an unknown status code")
        result[name] = Scenario(name, int(entry["weight"]), steps)
    return result


def scenario_for(dossier_id: str) -> Scenario:
    """A stable, weighted choice: the same dossier id always gets the same scenario."""
    table = scenarios()
    total = sum(s.weight for s in table.values())
    point = int.from_bytes(hashlib.sha256(dossier_id.encode()).digest()[:8], "big") % total
    for scenario in table.values():
        if point < scenario.weight:
            return scenario
        point -= scenario.weight
    raise AssertionError("weights cover the whole range")
