"""Fleet settings as the configuration file states them (section `[fleet]`): heartbeats,
software updates and central configuration bundles. Public keys are not secrets: they are
pinned here so that only the province's own builds and bundles are ever installed."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator


class FleetSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    heartbeat_minutes: float = Field(5.0, gt=0, le=240)
    # Where releases are installed side by side ("" = not installed that way: no updates, as
    # when running from a source checkout). install-kiosk sets it.
    install_root: str = ""
    channel: str = Field("stable", pattern=r"^[a-z0-9-]{1,32}$")
    # base64 of the raw Ed25519 public keys (`scripts/build-release --new-key` prints one)
    release_public_key: str = ""
    config_public_key: str = ""
    check_minutes: float = Field(60.0, ge=1, le=10080)
    # A switch waits for a quiet moment: no citizen on the kiosk, and either outside the
    # office hours of [calendar] or this long without a touch.
    idle_minutes_before_switch: float = Field(10.0, ge=1, le=600)
    self_test_timeout_seconds: float = Field(300.0, ge=10, le=3600)
    # The new version is confirmed after this long in good health, else rolled back.
    trial_minutes: float = Field(5.0, ge=0.1, le=1440)

    @field_validator("release_public_key", "config_public_key")
    @classmethod
    def _a_key_or_nothing(cls, value: str) -> str:
        if value:
            from kiosk.fleet.manifest import ReleaseError, load_public_key

            try:
                load_public_key(value)
            except ReleaseError as exc:
                raise ValueError("must be base64 of a 32-byte Ed25519 public key") from exc
        return value

    @property
    def updates_enabled(self) -> bool:
        return bool(self.install_root and self.release_public_key)

    @property
    def install_path(self) -> Path | None:
        return Path(self.install_root).expanduser() if self.install_root else None
