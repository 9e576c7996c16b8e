"""Outbox settings as the configuration file states them (section `[outbox]`).

Paths are relative to the kiosk's data folder, which the caller passes in, unless absolute.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator


class OutboxSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Database and encrypted scans live here.
    folder: str = "outbox"
    # The kiosk key that wraps every item's key: keep it out of the outbox folder (and out of
    # backups of it); a TPM or systemd-creds store can replace the file later.
    key_file: str = "keys/outbox.key"
    # How long the uploader may hold an item before another attempt may take it over.
    lease_seconds: float = Field(60.0, ge=1, le=3600)
    # Wipe this long after the province confirms it has processed an item.
    retention_hours: float = Field(24.0, ge=0, le=24 * 90)
    # Alert the technician when an item is still not confirmed after this long.
    unconfirmed_alert_hours: float = Field(72.0, gt=0, le=24 * 90)
    # Full-jitter exponential backoff between attempts (our own guesses; a Retry-After from the
    # province is honoured up to the contract's hour).
    backoff_base_seconds: float = Field(2.0, gt=0, le=600)
    backoff_cap_seconds: float = Field(300.0, gt=0, le=6 * 3600)
    # How often to ask the province which acknowledged items it has processed.
    confirm_interval_seconds: float = Field(60.0, gt=0, le=24 * 3600)
    # How often the wiper looks for items past their retention time.
    wipe_interval_seconds: float = Field(300.0, gt=0, le=24 * 3600)
    # A new dossier is refused unless this much disk space would still be free after it.
    disk_reserve_mb: float = Field(200.0, ge=0)

    @model_validator(mode="after")
    def _cap_not_below_base(self) -> OutboxSettings:
        if self.backoff_cap_seconds < self.backoff_base_seconds:
            raise ValueError("backoff_cap_seconds must not be below backoff_base_seconds")
        return self

    def folder_path(self, data_dir: Path) -> Path:
        return data_dir / self.folder

    def key_path(self, data_dir: Path) -> Path:
        return data_dir / self.key_file
