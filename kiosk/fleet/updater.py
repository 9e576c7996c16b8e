"""The kiosk's updater: asks the province for its channel's latest release, checks the Ed25519
signature against the pinned key, brings in only the files whose hashes changed (the rest are
linked from the running release; cut downloads resume), installs the release beside the running
one, runs its self-test, and switches `current` at a quiet moment. After the switch the new
version is on trial: `TrialWatch` confirms it after its first minutes of good health or rolls it
back; the launcher rolls it back when it crash-loops. Every step is reported.

Blocking (disk, network, a subprocess): run it on a worker, never on the Qt thread.
"""

from __future__ import annotations

import gzip
import logging
import os
import shutil
import subprocess
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.fleet.install_root import (
    CONFIRMED,
    ROLLED_BACK,
    TRIAL,
    InstallRoot,
    UpdateState,
)
from kiosk.fleet.manifest import (
    RELEASE_FILE,
    Manifest,
    ManifestFile,
    ReleaseError,
    sha256_of_file,
    verify_release,
    version_key,
)
from platform_layer import AlreadyLocked, exclusive_lock, fsync_dir, set_executable

log = logging.getLogger(__name__)

STAGING_PREFIX = ".staging-"
PARTIAL_SUFFIX = ".part"
DOWNLOAD_ATTEMPTS = 4


class ReleaseSource(Protocol):
    """What the updater needs of the province (the provincial client has both)."""

    def latest_release(self, channel: str) -> bytes | None: ...

    def download_release_file(
        self, sha256: str, partial: Path, size: int, packed: bool = False
    ) -> None: ...


@dataclass(frozen=True)
class UpdateStep:
    """One reported step: what happened to which version, and how many bytes it took."""

    step: str
    version: str
    ok: bool
    detail: str = ""
    bytes_downloaded: int = 0
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))


Reporter = Callable[[UpdateStep], None]


@dataclass(frozen=True)
class StagedRelease:
    manifest: Manifest
    folder: Path
    bytes_downloaded: int
    bytes_reused: int


class Updater:
    def __init__(
        self,
        root: InstallRoot,
        source: ReleaseSource,
        public_key: Ed25519PublicKey,
        channel: str,
        report: Reporter,
        self_test_timeout_s: float = 300.0,
    ) -> None:
        self.root = root
        self.source = source
        self.public_key = public_key
        self.channel = channel
        self.report = report
        self.self_test_timeout_s = self_test_timeout_s

    # -- check, download, install ---------------------------------------------------------

    def prepare(self) -> StagedRelease | None:
        """Everything short of the switch: the newer release installed and self-tested, or
        None (nothing newer, refused, or failed; each reported). One updater at a time."""
        try:
            with exclusive_lock(self.root.root / "update.lock"):
                return self._prepare()
        except AlreadyLocked:
            log.info("another update is running")
            return None

    def _prepare(self) -> StagedRelease | None:
        current = self.root.current_version() or "0"
        try:
            document = self.source.latest_release(self.channel)
        except Exception as exc:
            self.report(UpdateStep("check", "", False, f"province: {exc}"))
            return None
        if document is None:
            self.report(UpdateStep("check", current, True, "no release published"))
            return None
        try:
            manifest = verify_release(document, self.public_key)
        except ReleaseError as exc:
            self.report(UpdateStep("refused", "", False, f"{exc.message_key}: {exc.detail}"))
            return None
        if manifest.channel != self.channel:
            self.report(UpdateStep("refused", manifest.version, False, "another channel"))
            return None
        if manifest.version in self.root.read_state().rejected:
            self.report(UpdateStep("check", manifest.version, True, "rejected here before"))
            return None
        if current != "0" and version_key(manifest.version) <= version_key(current):
            self.report(UpdateStep("check", current, True, "up to date"))
            return None
        self.report(UpdateStep("download", manifest.version, True, f"from {current}"))
        try:
            staged = self.install(manifest, document)
        except ReleaseError as exc:
            self.report(
                UpdateStep("refused", manifest.version, False, f"{exc.message_key}: {exc.detail}")
            )
            return None
        except Exception as exc:  # offline, cut, disk full: what arrived stays for next time
            self.report(UpdateStep("download", manifest.version, False, str(exc)))
            return None
        self.report(
            UpdateStep(
                "installed",
                manifest.version,
                True,
                f"{staged.bytes_reused} bytes reused",
                staged.bytes_downloaded,
            )
        )
        if not self.self_test(staged):
            self._reject(manifest.version, "self-test failed")
            shutil.rmtree(staged.folder, ignore_errors=True)
            return None
        return staged

    def install(self, manifest: Manifest, document: bytes) -> StagedRelease:
        """Build the release in a staging folder beside the others, verify every file, then
        rename it into `releases/<version>`. Raises ReleaseError for a corrupt file."""
        final = self.root.release_dir(manifest.version)
        if final.exists():  # installed earlier, e.g. before a power cut
            self._verify_tree(manifest, final)
            return StagedRelease(manifest, final, 0, manifest.total_bytes)
        staging = self.root.releases / f"{STAGING_PREFIX}{manifest.version}"
        staging.mkdir(parents=True, exist_ok=True)
        local = self._local_files()
        downloaded = reused = 0
        for entry in manifest.files:
            target = staging / entry.path
            if target.exists():
                continue  # staged before an interruption; verified below with the rest
            target.parent.mkdir(parents=True, exist_ok=True)
            source = local.get(entry.sha256)
            if source is not None and source.stat().st_size == entry.size:
                _link_or_copy(source, target)
                reused += entry.size
            else:
                downloaded += self._download(entry, target)
        self._verify_tree(manifest, staging)
        for entry in manifest.files:
            set_executable(staging / entry.path, entry.executable)
        (staging / RELEASE_FILE).write_bytes(document)
        os.replace(staging, final)
        fsync_dir(self.root.releases)
        return StagedRelease(manifest, final, downloaded, reused)

    def _download(self, entry: ManifestFile, target: Path) -> int:
        """Fetch one file (its gzip copy when published), resuming what an earlier attempt
        left; returns the bytes that came over the wire."""
        packed = entry.gzip_size is not None
        partial = target.with_name(target.name + (".gz" if packed else "") + PARTIAL_SUFFIX)
        before = partial.stat().st_size if partial.exists() else 0
        for attempt in range(DOWNLOAD_ATTEMPTS):
            try:
                self.source.download_release_file(
                    entry.sha256, partial, entry.transfer_size, packed=packed
                )
                break
            except Exception as exc:
                if attempt == DOWNLOAD_ATTEMPTS - 1:
                    raise
                log.info("download of %s broke (%s); resuming", entry.path, exc)
                time.sleep(0.2 * (attempt + 1))
        moved = entry.transfer_size - before
        if packed:
            partial = _unpack(partial, target.with_name(target.name + PARTIAL_SUFFIX))
        if sha256_of_file(partial) != entry.sha256:
            partial.unlink()
            raise ReleaseError("fleet.update.corrupt", f"{entry.path}: the hash does not match")
        os.replace(partial, target)
        return moved

    def _local_files(self) -> dict[str, Path]:
        """Files of the installed releases by hash, from their verified manifests."""
        found: dict[str, Path] = {}
        for version in (self.root.previous_version(), self.root.current_version()):
            if not version:
                continue
            folder = self.root.release_dir(version)
            try:
                manifest = verify_release((folder / RELEASE_FILE).read_bytes(), self.public_key)
            except (OSError, ReleaseError):
                continue
            found.update({f.sha256: folder / f.path for f in manifest.files})
        return found

    @staticmethod
    def _verify_tree(manifest: Manifest, folder: Path) -> None:
        for entry in manifest.files:
            path = folder / entry.path
            if not path.is_file() or path.stat().st_size != entry.size:
                raise ReleaseError("fleet.update.corrupt", f"{entry.path}: missing or cut")
            if sha256_of_file(path) != entry.sha256:
                path.unlink()
                raise ReleaseError("fleet.update.corrupt", f"{entry.path}: the hash differs")

    def self_test(self, staged: StagedRelease) -> bool:
        """Run the new release's own `--self-test`; only exit code 0 within the time passes."""
        program = staged.folder / staged.manifest.entry
        try:
            done = subprocess.run(
                [str(program), "--self-test"],
                capture_output=True,
                text=True,
                timeout=self.self_test_timeout_s,
                cwd=staged.folder,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.report(UpdateStep("self_test", staged.manifest.version, False, str(exc)))
            return False
        tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
        ok = done.returncode == 0
        self.report(
            UpdateStep("self_test", staged.manifest.version, ok, f"exit {done.returncode}; {tail}")
        )
        return ok

    # -- switch, confirm, roll back -------------------------------------------------------

    def switch(self, version: str) -> None:
        """Make `version` the one the service starts; the caller then restarts the kiosk."""
        running = self.root.current_version()
        if running:
            self.root.point(self.root.previous, running)
        self.root.point(self.root.current, version)
        state = self.root.read_state()
        self.root.write_state(
            UpdateState(TRIAL, version, running or "", time.time(), state.rejected)
        )
        self.report(UpdateStep("switched", version, True, f"from {running}"))

    def _reject(self, version: str, reason: str) -> None:
        state = self.root.read_state()
        if version not in state.rejected:
            state.rejected.append(version)
        self.root.write_state(state)
        self.report(UpdateStep("rejected", version, False, reason))


def roll_back(root: InstallRoot, reason: str, report: Reporter) -> bool:
    """Return `current` to the previous release and never offer the failed one again.
    False when there is nothing to return to."""
    done = root.roll_back(reason)
    if done is None:
        report(UpdateStep("rollback", root.current_version() or "", False, f"{reason}; none"))
        return False
    failed, previous = done
    report(UpdateStep("rollback", previous, True, f"{failed} → {previous}: {reason}"))
    return True


class TrialWatch:
    """In a freshly switched version: after `health_s` of good health, confirm it; if the
    health check fails, roll back. `check()` is called periodically from a worker."""

    def __init__(
        self,
        root: InstallRoot,
        report: Reporter,
        healthy: Callable[[], bool],
        health_s: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.root = root
        self.report = report
        self.healthy = healthy
        self.health_s = health_s
        self.clock = clock

    def check(self) -> str:
        """The phase after this check: confirmed, trial (keep watching) or rolled_back (the
        caller restarts the kiosk into the previous release)."""
        state = self.root.read_state()
        if state.phase != TRIAL or state.version != self.root.current_version():
            return state.phase
        if not self.healthy():
            return (
                ROLLED_BACK
                if roll_back(self.root, "unhealthy after the switch", self.report)
                else TRIAL
            )
        if self.clock() - state.switched_at < self.health_s:
            return TRIAL
        state.phase = CONFIRMED
        state.fell_back = False
        self.root.write_state(state)
        self.report(
            UpdateStep("confirmed", state.version, True, f"healthy for {self.health_s:.0f} s")
        )
        return CONFIRMED


def _unpack(packed: Path, target: Path) -> Path:
    """gunzip `packed` into `target`; a damaged copy is deleted so the next check fetches it
    again, and refused like a file with the wrong hash."""
    try:
        with gzip.open(packed, "rb") as source, target.open("wb") as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
    except (OSError, EOFError, zlib.error) as exc:
        packed.unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        raise ReleaseError("fleet.update.corrupt", f"{packed.name}: {exc}") from exc
    packed.unlink()
    return target


def _link_or_copy(source: Path, target: Path) -> None:
    """Installed releases never change, so sharing a file's inode with the running one is safe
    and costs no disk."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
