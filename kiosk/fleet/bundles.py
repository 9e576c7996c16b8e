"""Central configuration from the province: signed bundles of site settings (services and
counters…), a procedure catalogue and the year's holiday files, applied without a person at
the kiosk.

A bundle is checked before anything changes: the signature against the pinned key, then the
same rules as `kiosk --check-config` on the whole configuration with the bundle's settings in
place, the year files as the calendar reads them, and the catalogue as its store validates it.
Only then is the bundle's folder switched in (one atomic link), and the catalogue goes through
the catalogue store's own update path. If any of that fails the link returns to the previous
bundle. Settings take effect at the next start; the catalogue at once.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kiosk.calendar.loader import calendar_folders
from kiosk.calendar.year_file import CalendarDataError, load_announced_days
from kiosk.catalogue.loader import CatalogueError, decode_catalogue
from kiosk.catalogue.model import version_key as catalogue_version_key
from kiosk.catalogue.store import CatalogueStore
from kiosk.config import ConfigError, central_dir, load_config
from kiosk.errors import UserFacingError
from kiosk.fleet.install_root import write_json
from kiosk.fleet.manifest import VERSION_PATTERN, ReleaseError, verify_signed, version_key
from platform_layer import fsync_dir, link_target, switch_link

log = logging.getLogger(__name__)

SETTINGS = "settings.toml"
CATALOGUE = "catalogue.json"
REJECTED = "rejected.json"
_CALENDAR = re.compile(r"^calendar/\d{4}\.toml$")


class BundleError(UserFacingError):
    """Refused or rolled back; `message_key` for the technician, `detail` names what failed."""


class ConfigBundle(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(pattern=VERSION_PATTERN)
    created_at: str = ""
    kiosk_ids: list[str] | None = None
    files: dict[str, str] = Field(min_length=1)

    @field_validator("files")
    @classmethod
    def _known_files(cls, files: dict[str, str]) -> dict[str, str]:
        for name in files:
            if name not in (SETTINGS, CATALOGUE) and not _CALENDAR.match(name):
                raise ValueError(f"{name!r}: a bundle holds {SETTINGS}, {CATALOGUE}, calendar/")
        return files

    def content(self, name: str) -> bytes:
        try:
            return base64.b64decode(self.files[name], validate=True)
        except binascii.Error as exc:
            raise BundleError("fleet.bundle.refused", f"{name}: not base64") from exc


@dataclass(frozen=True)
class BundleResult:
    version: str
    ok: bool
    step: str  # applied, refused, rolled_back, up_to_date
    detail: str = ""
    restart_needed: bool = False

    def report(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "ok": self.ok,
            "step": self.step,
            "detail": self.detail[:500],
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
        }


class ConfigBundles:
    """Applies bundles under the site configuration folder:

    central-bundles/<version>/   each bundle's files as received
    central  → central-bundles/<version>     the active one (read by the configuration)
    central-previous → …                      what a rollback returns to
    """

    def __init__(
        self,
        public_key: Ed25519PublicKey,
        kiosk_id: str,
        catalogue: CatalogueStore | None,
        site_file: Path | None = None,
        validate: Callable[[Path], None] | None = None,
    ) -> None:
        self.public_key = public_key
        self.kiosk_id = kiosk_id
        self.catalogue = catalogue
        self.site_file = site_file
        self.active = central_dir()
        self.previous = self.active.with_name("central-previous")
        self.store = self.active.with_name("central-bundles")
        # after the switch, the whole configuration is checked again as the kiosk will read it
        self.validate_active = validate or (lambda _: self._check_config(None))

    def active_version(self) -> str | None:
        target = link_target(self.active)
        return target.name if target is not None else None

    def apply(self, document: bytes) -> BundleResult:
        try:
            bundle = self._verified(document)
        except BundleError as exc:
            return BundleResult("", False, "refused", f"{exc.message_key}: {exc.detail}")
        active = self.active_version()
        if active and version_key(bundle.version) <= version_key(active):
            return BundleResult(bundle.version, True, "up_to_date", f"active {active}")
        if bundle.version in self._rejected():
            return BundleResult(bundle.version, True, "up_to_date", "rejected here before")
        try:
            folder = self._unpack(bundle)
            self._check(bundle, folder)
        except BundleError as exc:
            shutil.rmtree(self.store / bundle.version, ignore_errors=True)
            self._reject(bundle.version)
            return BundleResult(
                bundle.version, False, "refused", f"{exc.message_key}: {exc.detail}"
            )
        result = self._switch(bundle, active)
        if not result.ok:
            self._reject(bundle.version)
        return result

    def _rejected(self) -> list[str]:
        try:
            return list(json.loads((self.store / REJECTED).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return []

    def _reject(self, version: str) -> None:
        """A bundle refused or rolled back here is not tried again at every check; the province
        publishes a corrected one under a new version."""
        self.store.mkdir(parents=True, exist_ok=True)
        write_json(self.store / REJECTED, sorted({*self._rejected(), version}))

    # -- checks ---------------------------------------------------------------------------

    def _verified(self, document: bytes) -> ConfigBundle:
        try:
            payload = verify_signed(document, self.public_key)
        except ReleaseError as exc:
            raise BundleError(exc.message_key, exc.detail) from exc
        try:
            bundle = ConfigBundle.model_validate_json(payload)
        except ValidationError as exc:
            raise BundleError("fleet.bundle.refused", exc.errors()[0]["msg"]) from exc
        if bundle.kiosk_ids is not None and self.kiosk_id not in bundle.kiosk_ids:
            raise BundleError("fleet.bundle.refused", f"not for kiosk {self.kiosk_id}")
        return bundle

    def _unpack(self, bundle: ConfigBundle) -> Path:
        final = self.store / bundle.version
        staging = self.store / f".staging-{bundle.version}"
        shutil.rmtree(staging, ignore_errors=True)
        for name in bundle.files:
            path = staging / PurePosixPath(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as fh:
                fh.write(bundle.content(name))
                fh.flush()
                os.fsync(fh.fileno())
        shutil.rmtree(final, ignore_errors=True)
        os.replace(staging, final)
        fsync_dir(self.store)
        return final

    def _check(self, bundle: ConfigBundle, folder: Path) -> None:
        """The same rules as `--check-config`, the calendar and the catalogue store apply."""
        self._check_config(folder)
        if (folder / "calendar").is_dir():
            try:
                load_announced_days(calendar_folders(folder))
            except CalendarDataError as exc:
                raise BundleError("fleet.bundle.invalid", "\n".join(exc.problems)) from exc
        if CATALOGUE in bundle.files:
            try:
                document = decode_catalogue(bundle.content(CATALOGUE), f"bundle {bundle.version}")
            except CatalogueError as exc:
                raise BundleError("fleet.bundle.invalid", str(exc)) from exc
            current = self.catalogue.current.version if self.catalogue else None
            if current and catalogue_version_key(document.version) <= catalogue_version_key(
                current
            ):
                raise BundleError(
                    "fleet.bundle.invalid", f"catalogue {document.version} is not newer"
                )

    def _check_config(self, folder: Path | None) -> None:
        try:
            load_config(self.site_file, central=folder)
        except ConfigError as exc:
            raise BundleError("fleet.bundle.invalid", "\n".join(exc.problems)) from exc

    # -- switch and roll back -------------------------------------------------------------

    def _switch(self, bundle: ConfigBundle, active: str | None) -> BundleResult:
        if active:
            switch_link(self.previous, Path("central-bundles") / active)
        switch_link(self.active, Path("central-bundles") / bundle.version)
        try:
            self.validate_active(self.active)
            if CATALOGUE in bundle.files and self.catalogue is not None:
                self.catalogue.apply_update(bundle.content(CATALOGUE))
        except Exception as exc:
            self._roll_back(active)
            detail = "\n".join(getattr(exc, "problems", [])) or str(exc)
            log.error("configuration bundle %s rolled back: %s", bundle.version, detail)
            return BundleResult(bundle.version, False, "rolled_back", detail)
        log.info("configuration bundle %s applied (was %s)", bundle.version, active)
        return BundleResult(
            bundle.version,
            True,
            "applied",
            ", ".join(sorted(bundle.files)),
            restart_needed=any(name != CATALOGUE for name in bundle.files),
        )

    def _roll_back(self, previous: str | None) -> None:
        if previous:
            switch_link(self.active, Path("central-bundles") / previous)
        else:
            self.active.unlink(missing_ok=True)
            fsync_dir(self.active.parent)
