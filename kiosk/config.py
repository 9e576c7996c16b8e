"""Configuration: defaults in `config/kiosk.toml`, then the kiosk's site file, then the
province's central settings (the active configuration bundle), then the
technician's override file, merged key by key and validated at start-up.

Errors name the file and the dotted key that is wrong, so a technician can fix it without
reading code. Secrets (device key, PIN hash) never live in these files.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from hardware.card_reader.config import CardReaderSettings
from hardware.printer.config import (
    PRINTER_DRIVERS,
    PrinterSettings,
    SimulatorPrinterSettings,
    with_driver,
)
from kiosk.calendar.config import CalendarSettings
from kiosk.catalogue.config import CatalogueSettings
from kiosk.fleet.config import FleetSettings
from kiosk.local_text import LocalText
from kiosk.paths import config_dir, override_path, site_config_dir
from kiosk.payments.settings import PaymentSettings
from kiosk.province.settings import OutboxSettings, ProvincialSettings
from kiosk.scanning.config import CameraSection
from kiosk.speech.settings import SpeechSettings


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CentreSettings(Section):
    name: LocalText
    address: str = ""
    hotline: str = ""
    # The centre's support pages, shown as QR codes on the help screen; "" = not shown.
    zalo_url: str = Field("", pattern=r"^(https://\S{1,300})?$")
    facebook_url: str = Field("", pattern=r"^(https://\S{1,300})?$")
    unit_code: str = Field(description="Unit id used as the prefix of dossier codes")
    kiosk_id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,32}$")
    # this kiosk's share of the unit's daily dossier numbers (the NNNN of a dossier code):
    # kiosks of one centre share the unit code, so each needs its own range
    dossier_number_range: tuple[int, int] = (1, 9999)
    timezone: str = "Asia/Ho_Chi_Minh"

    @field_validator("dossier_number_range")
    @classmethod
    def _dossier_range_ordered(cls, value: tuple[int, int]) -> tuple[int, int]:
        low, high = value
        if not 1 <= low <= high <= 9999:
            raise ValueError("must be two numbers 1 ≤ first ≤ last ≤ 9999")
        return value


class UiSettings(Section):
    fullscreen: bool = True
    width: int = Field(1920, ge=640)
    height: int = Field(1080, ge=480)
    idle_seconds: int = Field(90, ge=20)
    idle_warning_seconds: int = Field(25, ge=20)
    # a final screen (ticket, receipt, thank-you) goes home after this, counting down visibly
    leave_seconds: int = Field(30, ge=5)
    default_language: str = Field("vi", pattern="^(vi|en)$")


class QueueService(Section):
    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    prefix: str = Field(pattern=r"^[A-Z]{1,2}$")
    name: LocalText
    counters: list[str] = Field(min_length=1)


class QueueSettings(Section):
    services: list[QueueService] = Field(min_length=1)
    number_range: tuple[int, int] = (1, 999)
    daily_maximum: int = Field(500, ge=1)
    priority_categories: list[str] = ["elderly", "disabled", "pregnant", "young_child"]

    @field_validator("number_range")
    @classmethod
    def _range_ordered(cls, value: tuple[int, int]) -> tuple[int, int]:
        low, high = value
        if not 1 <= low <= high <= 9999:
            raise ValueError("must be two numbers 1 ≤ first ≤ last ≤ 9999")
        return value

    def service(self, service_id: str | None) -> QueueService | None:
        """The service of that id (a procedure's, from `Catalogue.queue_service_for`): the one
        way to learn which counters serve a procedure."""
        return next((s for s in self.services if s.id == service_id), None)

    @field_validator("services")
    @classmethod
    def _unique(cls, services: list[QueueService]) -> list[QueueService]:
        for attr in ("id", "prefix"):
            values = [getattr(s, attr) for s in services]
            if len(values) != len(set(values)):
                raise ValueError(f"every service needs its own {attr}")
        return services


class LoggingSettings(Section):
    level: str = Field("INFO", pattern="^(DEBUG|INFO|WARNING|ERROR)$")
    max_bytes: int = Field(2_000_000, ge=10_000)
    backups: int = Field(5, ge=1)


class KioskConfig(Section):
    centre: CentreSettings
    ui: UiSettings = UiSettings()
    queue: QueueSettings
    printer: PrinterSettings = SimulatorPrinterSettings()
    card_reader: CardReaderSettings = CardReaderSettings()
    logging: LoggingSettings = LoggingSettings()
    catalogue: CatalogueSettings = CatalogueSettings()
    calendar: CalendarSettings = CalendarSettings()
    provincial: ProvincialSettings = ProvincialSettings()
    outbox: OutboxSettings = OutboxSettings()
    camera: CameraSection = CameraSection()
    fleet: FleetSettings = FleetSettings()
    speech: SpeechSettings = SpeechSettings()
    payments: PaymentSettings = PaymentSettings()


class ConfigError(Exception):
    """Carries one line per problem: `file: key: what is wrong`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _merge(
    base: dict[str, Any],
    extra: Mapping[str, Any],
    origin: dict[str, Path],
    source: Path,
    prefix: str = "",
) -> None:
    for key, value in extra.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _merge(base[key], value, origin, source, f"{dotted}.")
        else:
            base[key] = value
            origin[dotted] = source


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML: {exc}"]) from exc


def _origin_of(dotted: str, origin: dict[str, Path], default: Path) -> Path:
    parts = dotted.split(".")
    # a key a section lacks is missing from the file that chose the section's driver
    tried = [".".join(parts[:end]) for end in range(len(parts), 1, -1)]
    for key in [*tried, f"{parts[0]}.driver", parts[0]]:
        if key in origin:
            return origin[key]
    return default


def central_dir() -> Path:
    """The active configuration bundle from the province (a link switched atomically by
    kiosk.fleet.bundles): its `settings.toml` and `calendar/` year files."""
    return site_config_dir() / "central"


def config_files(site_file: Path | None = None, central: Path | None = None) -> list[Path]:
    """Defaults, site file, the province's central settings, override file: later files win.
    `central`: a bundle folder to check instead of the active one."""
    site_dir = site_config_dir()
    files = [
        config_dir() / "kiosk.toml",
        site_file or site_dir / "site.toml",
        (central or central_dir()) / "settings.toml",
        override_path(),
    ]
    return [files[0]] + [f for f in files[1:] if f.exists()]


def _without_union_tags(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """`printer.network.host` → `printer.host`: the file has no key named after the driver."""
    if len(loc) > 2 and loc[0] == "printer" and loc[1] in PRINTER_DRIVERS:
        return (loc[0], *loc[2:])
    return loc


def load_config(site_file: Path | None = None, central: Path | None = None) -> KioskConfig:
    if site_file is not None and not site_file.exists():
        raise ConfigError([f"{site_file}: file not found"])
    files = config_files(site_file, central)
    merged: dict[str, Any] = {}
    origin: dict[str, Path] = {}
    for path in files:
        _merge(merged, _read_toml(path), origin, path)
    try:
        return KioskConfig.model_validate(merged)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            dotted = ".".join(str(p) for p in _without_union_tags(err["loc"]))
            source = _origin_of(dotted, origin, files[-1])
            problems.append(f"{source}: {dotted}: {err['msg']}")
        raise ConfigError(problems) from exc


def with_simulated_printer(config: KioskConfig) -> KioskConfig:
    """The same kiosk printing to the simulator (same paper and profile): the self-test."""
    return config.model_copy(update={"printer": with_driver(config.printer, "simulator")})


def device_problems(config: KioskConfig) -> list[str]:
    """What `--check-config` finds beyond the files' rules: devices, queues and profiles this
    machine does not have (slow imports, so not part of loading)."""
    from hardware.printer.checks import printer_problems

    return printer_problems(config.printer)
