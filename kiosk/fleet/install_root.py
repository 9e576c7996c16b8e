"""The folder a kiosk's releases live in, side by side, and the state of the last update.

    ROOT/releases/<version>/   one verified release each (never changed once installed)
    ROOT/current  → releases/<version>   what the service starts
    ROOT/previous → releases/<version>   what a rollback returns to
    ROOT/update-state.json     phase of the last switch (trial, confirmed, rolled_back)
    ROOT/starts.json           recent start times, for the launcher's crash-loop rule

Standard library and platform_layer only: the launcher (system Python, before any release runs)
reads the same files as the updater inside the app.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from platform_layer import fsync_dir, link_target, switch_link

TRIAL = "trial"
CONFIRMED = "confirmed"
ROLLED_BACK = "rolled_back"


@dataclass
class UpdateState:
    phase: str = CONFIRMED
    version: str = ""
    previous: str = ""
    switched_at: float = 0.0
    # versions that failed here (self-test, health or crash loop): never offered again
    rejected: list[str] = field(default_factory=list)
    # the launcher fell back once already; another crash loop shows "out of service"
    fell_back: bool = False
    reason: str = ""


class InstallRoot:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.releases = root / "releases"
        self.current = root / "current"
        self.previous = root / "previous"
        self.state_file = root / "update-state.json"
        self.starts_file = root / "starts.json"

    def release_dir(self, version: str) -> Path:
        return self.releases / version

    def version_of(self, link: Path) -> str | None:
        target = link_target(link)
        return target.name if target is not None else None

    def current_version(self) -> str | None:
        return self.version_of(self.current)

    def previous_version(self) -> str | None:
        return self.version_of(self.previous)

    def point(self, link: Path, version: str) -> None:
        # relative, so the whole root can be moved or mounted elsewhere
        switch_link(link, Path("releases") / version)

    def read_state(self) -> UpdateState:
        try:
            data: dict[str, Any] = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return UpdateState(version=self.current_version() or "")
        known = UpdateState.__dataclass_fields__
        return UpdateState(**{k: v for k, v in data.items() if k in known})

    def write_state(self, state: UpdateState) -> None:
        write_json(self.state_file, asdict(state))

    def roll_back(self, reason: str, *, fell_back: bool = False) -> tuple[str, str] | None:
        """Point `current` back at `previous` and mark the failed version so it is never
        offered again; (failed, previous), or None when there is nothing to return to."""
        state = self.read_state()
        failed, previous = self.current_version(), self.previous_version()
        if not previous or previous == failed:
            return None
        self.point(self.current, previous)
        rejected = list(state.rejected)
        if failed and failed not in rejected:
            rejected.append(failed)
        self.write_state(
            UpdateState(
                ROLLED_BACK,
                previous,
                failed or "",
                time.time(),
                rejected,
                fell_back or state.fell_back,
                reason,
            )
        )
        return failed or "", previous


def write_json(path: Path, value: object) -> None:
    """Whole or absent: temp file, fsync, rename, fsync the folder."""
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("w", encoding="utf-8") as fh:
        json.dump(value, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, path)
    fsync_dir(path.parent)
