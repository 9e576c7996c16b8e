"""The composition root: configuration → devices → services, as frozen, typed objects. Nothing
is filled in later and nothing is looked up by name; a screen or a test holds exactly what it
was given.

Two phases, so the home screen paints before the heavy parts load:

- `start_core(config, data)` → `CoreServices`: queue numbers, the printer and the province
  door — what the home screen and the first ticket need; fast enough before the first frame.
- `start_journey_services(core)` → `JourneyServices`: catalogue, technician PIN, camera, card
  reader and identity, dossiers (OpenCV, cryptography and the rest); blocking (imports, files),
  so the app runs it on a worker after the first frame.
- `build_kiosk(config, data)` → `Kiosk`: both at once (tests, the self-test, tools).

Every device and service is overridden the same way, by its field name: `printer=…`,
`province=…`, `camera=None` (a kiosk without a camera), `card_reader=…`, `identity=…`. Nothing
here touches a device at construction; opening and health checks happen on workers. The kiosk
closes what it holds, overridden parts included: handing a device over hands over its end too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hardware.printer import TicketPrinter
from kiosk.clock import Clock, LocalTime, system_clock
from kiosk.config import KioskConfig
from kiosk.paths import config_dir, data_dir
from kiosk.province import Province
from kiosk.speech.speaker import Speaker, build_speaker
from kiosk.technician.paper import PaperNotices
from kiosk.tickets.numbering import TicketBook
from kiosk.tickets.record import ticket_record
from kiosk.tickets.service import TicketOutcome, TicketService

if TYPE_CHECKING:  # loaded by start_journey_services, off the start-up path
    from hardware.camera import DocumentCamera
    from hardware.card_reader import IdCardReader
    from kiosk.admin_units.units import AdminUnits
    from kiosk.catalogue.store import CatalogueStore
    from kiosk.dossiers.forms import FormLibrary
    from kiosk.dossiers.submission import HandInService
    from kiosk.identity.service import IdentityService
    from kiosk.technician.health import HasHealth
    from kiosk.technician.pin import PinStore

log = logging.getLogger(__name__)

Closer = Callable[[], None]


def _close_all(closers: tuple[Closer, ...]) -> None:
    for close in reversed(closers):
        try:
            close()
        except Exception:
            log.exception("closing a part of the kiosk failed; closing the others")


def _take(overrides: dict[str, Any], name: str, build: Callable[[], Any]) -> Any:
    """The override given for `name` (None included), else what `build` makes."""
    return overrides.pop(name) if name in overrides else build()


def _no_unknown(overrides: Mapping[str, Any], phase: str) -> None:
    if overrides:
        raise TypeError(f"{phase} cannot override {', '.join(sorted(overrides))}")


@dataclass(frozen=True)
class CoreServices:
    """What the home screen and a queue ticket need."""

    config: KioskConfig
    data_dir: Path
    local_time: LocalTime
    printer: TicketPrinter
    province: Province  # the one door to the province; opens on its own thread
    tickets: TicketService
    paper: PaperNotices  # the printer's paper, told to the staff once per change
    speaker: Speaker  # the kiosk's voice and short sounds (espeak-ng as its own program)
    closers: tuple[Closer, ...] = field(default=(), repr=False, compare=False)

    def close(self) -> None:
        _close_all(self.closers)


@dataclass(frozen=True)
class JourneyServices:
    """What the journeys need beyond the core: loaded after the first frame."""

    catalogue: CatalogueStore
    technician_pin: PinStore
    camera: DocumentCamera | None  # None: this kiosk has no document camera
    card_reader: IdCardReader | None  # None: this kiosk has no chip reader
    identity: IdentityService  # reads identities with the card reader (or the QR, or typing)
    forms: FormLibrary  # the e-forms a dossier can be handed in with
    hand_in: HandInService  # dossier codes, storage, receipt
    # provinces and communes for picking an address; None when the dataset is missing (then
    # addresses are typed)
    admin_units: AdminUnits | None = None
    closers: tuple[Closer, ...] = field(default=(), repr=False, compare=False)

    def close(self) -> None:
        _close_all(self.closers)


@dataclass(frozen=True)
class Kiosk:
    """Both phases: what a journey's view-model is given."""

    core: CoreServices
    services: JourneyServices

    def devices(self) -> dict[str, HasHealth]:
        """What the technician screen checks: translation key of the device kind → device."""
        from kiosk.technician.health import OpenedForCheck

        devices: dict[str, HasHealth] = {
            "technician.device.printer": self.core.printer,
            "technician.device.outbox": self.core.province,
        }
        if self.services.camera is not None:
            devices["technician.device.camera"] = OpenedForCheck(self.services.camera)
        if self.services.card_reader is not None:
            devices["technician.device.card_reader"] = self.services.card_reader
        return devices

    def close(self) -> None:
        self.services.close()
        self.core.close()


def start_core(
    config: KioskConfig,
    data: Path | None = None,
    clock: Clock = system_clock,
    province_opens_later: bool = False,
    **overrides: Any,
) -> CoreServices:
    """Overrides: `printer`, `province`, `paper`, `speaker`. With `province_opens_later` the
    province opens when `core.province.start_opening()` is called (after the first frame)."""
    data = data or data_dir()
    data.mkdir(parents=True, exist_ok=True)
    local_time = LocalTime(config.centre.timezone, clock)
    printer: TicketPrinter = _take(
        overrides,
        "printer",
        lambda: _open_printer(config, data),
    )
    province: Province = _take(
        overrides,
        "province",
        lambda: Province(config, data, local_time.now, opens_later=province_opens_later),
    )
    paper: PaperNotices = _take(
        overrides, "paper", lambda: PaperNotices(printer, province, local_time.now)
    )
    speaker: Speaker = _take(
        overrides, "speaker", lambda: build_speaker(config.speech, data / "speech-cache")
    )
    _no_unknown(overrides, "start_core")
    printer.open()  # starts the printer's health watch on its own thread
    book = TicketBook(data / "tickets.sqlite", config.queue, local_time)

    def report_ticket(outcome: TicketOutcome) -> None:
        if outcome.printed:
            speaker.sound("printing")  # a failed print shows its problem, with the error sound
        record = ticket_record(outcome)
        province.record_ticket(record.record_id, record.body)

    tickets = TicketService(
        book,
        printer,
        config.centre,
        config.queue,
        waiting=province.people_waiting,
        on_issued=report_ticket,
    )
    return CoreServices(
        config,
        data,
        local_time,
        printer,
        province,
        tickets,
        paper,
        speaker,
        closers=(book.close, province.close, paper.close, printer.close, speaker.close),
    )


def _open_printer(config: KioskConfig, data: Path) -> TicketPrinter:
    from hardware.printer.factory import open_printer

    return open_printer(config.printer, config_dir() / "fonts", data / "printed-tickets")


def _open_reader(reader: IdCardReader) -> None:
    """A missing or broken reader is a status the technician sees, not a start-up failure."""
    try:
        reader.open()
    except Exception as exc:
        log.warning("card reader did not open: %s", exc)


def start_journey_services(core: CoreServices, **overrides: Any) -> JourneyServices:
    """Overrides: `catalogue`, `technician_pin`, `camera`, `card_reader`, `identity`, `forms`,
    `hand_in`, `admin_units`. Blocking (imports, files): run it on a worker; it touches no
    device (the reader opens on its own thread)."""
    from hardware.camera import open_camera
    from hardware.card_reader import open_reader
    from kiosk.calendar.loader import load_appointment_rules
    from kiosk.catalogue.store import CatalogueStore
    from kiosk.dossiers.forms import FormLibrary
    from kiosk.dossiers.numbering import DossierBook
    from kiosk.dossiers.submission import HandInService
    from kiosk.identity.service import IdentityService
    from kiosk.technician.pin import PinStore, pin_path

    config, data, local_time = core.config, core.data_dir, core.local_time
    catalogue = _take(
        overrides,
        "catalogue",
        lambda: CatalogueStore.open(config.catalogue, data / "catalogue"),
    )
    technician_pin = _take(overrides, "technician_pin", lambda: PinStore(pin_path(data)))
    camera = _take(overrides, "camera", lambda: open_camera(config.camera))
    reader = _take(overrides, "card_reader", lambda: open_reader(config.card_reader))
    identity = _take(
        overrides,
        "identity",
        lambda: IdentityService(reader, today=lambda: local_time.now().date()),
    )
    forms = _take(overrides, "forms", FormLibrary)
    admin_units = _take(overrides, "admin_units", _load_admin_units)
    closers: list[Closer] = []
    if "hand_in" in overrides:
        hand_in = overrides.pop("hand_in")
    else:
        dossier_book = DossierBook(
            data / "dossiers.sqlite",
            config.centre.unit_code,
            local_time,
            config.centre.dossier_number_range,
        )
        closers.append(dossier_book.close)
        hand_in = HandInService(
            dossier_book,
            lambda: load_appointment_rules(config.calendar, config.centre.timezone),
            core.printer,
            core.province,
            config,
            catalogue,
        )
    _no_unknown(overrides, "start_journey_services")
    if reader is not None:
        threading.Thread(
            target=_open_reader, args=(reader,), name="reader-open", daemon=True
        ).start()
    closers += [device.close for device in (camera, reader) if device is not None]
    return JourneyServices(
        catalogue,
        technician_pin,
        camera,
        reader,
        identity,
        forms,
        hand_in,
        admin_units,
        closers=tuple(closers),
    )


def _load_admin_units() -> AdminUnits | None:
    from kiosk.admin_units.units import AdminUnits, AdminUnitsUnavailable

    try:
        return AdminUnits.load()
    except AdminUnitsUnavailable as exc:
        log.warning("addresses will be typed: %s", exc)
        return None


def build_kiosk(
    config: KioskConfig, data: Path | None = None, clock: Clock = system_clock, **overrides: Any
) -> Kiosk:
    """Both phases at once (tests, the self-test, tools); overrides of either phase."""
    core_names = {f.name for f in fields(CoreServices)}
    known = core_names | {f.name for f in fields(JourneyServices)}
    _no_unknown({k: v for k, v in overrides.items() if k not in known}, "build_kiosk")
    core = start_core(
        config, data, clock, **{k: v for k, v in overrides.items() if k in core_names}
    )
    try:
        services = start_journey_services(
            core, **{k: v for k, v in overrides.items() if k not in core_names}
        )
    except BaseException:
        core.close()
        raise
    return Kiosk(core, services)
